-- Revenue Protection Toolkit PDFs (short-lived) and, apart from them, consented email addresses.
-- CreateEnum
CREATE TYPE "ToolkitStatus" AS ENUM ('QUEUED', 'BUILDING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "toolkit_document" (
    "id" UUID NOT NULL,
    "preset" VARCHAR(40),
    "codes" VARCHAR(5)[],
    "date_of_service" DATE NOT NULL,
    "status" "ToolkitStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" SMALLINT NOT NULL DEFAULT 0,
    "error" VARCHAR(500),
    "pdf" BYTEA,
    "pages" SMALLINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ready_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "toolkit_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "toolkit_contact" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "consent_text" VARCHAR(500) NOT NULL,
    "consented_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "toolkit_contact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "toolkit_document_expires_at_idx" ON "toolkit_document"("expires_at");

-- CreateIndex
CREATE INDEX "toolkit_contact_consented_at_idx" ON "toolkit_contact"("consented_at");

