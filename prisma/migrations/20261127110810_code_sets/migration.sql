-- AlterTable
ALTER TABLE "reference_file_import" ALTER COLUMN "release_id" SET DATA TYPE VARCHAR(40);

-- CreateTable
CREATE TABLE "x12_carc" (
    "code" VARCHAR(4) NOT NULL,
    "description" TEXT NOT NULL,
    "usage" TEXT,
    "notes" TEXT,
    "start_date" DATE,
    "last_modified" DATE,
    "stop_date" DATE
);

-- CreateTable
CREATE TABLE "x12_rarc" (
    "code" VARCHAR(6) NOT NULL,
    "description" TEXT NOT NULL,
    "usage" TEXT,
    "notes" TEXT,
    "start_date" DATE,
    "last_modified" DATE,
    "stop_date" DATE
);

-- CreateTable
CREATE TABLE "x12_group_code" (
    "code" VARCHAR(2) NOT NULL,
    "description" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "modifier" (
    "modifier" VARCHAR(2) NOT NULL,
    "modifier_type" VARCHAR(5) NOT NULL,
    "category" TEXT,
    "description" TEXT NOT NULL,
    "information_level2" TEXT
);

-- CreateTable
CREATE TABLE "hcpcs_level2" (
    "code" VARCHAR(5) NOT NULL,
    "long_description" TEXT NOT NULL,
    "short_description" TEXT,
    "pricing_indicator" TEXT,
    "multiple_pricing" TEXT,
    "coverage" TEXT,
    "betos" TEXT,
    "type_of_service" TEXT,
    "action_code" TEXT,
    "cim" TEXT,
    "mcm" TEXT,
    "statute" TEXT,
    "lab_certification" TEXT,
    "cross_reference" TEXT,
    "asc_group" TEXT,
    "processing_note" TEXT,
    "anesthesia_base_units" TEXT,
    "terminated_on" DATE,
    "added_on" DATE,
    "asc_effective_on" DATE,
    "action_effective_on" DATE
);

-- CreateTable
CREATE TABLE "icd10_cm" (
    "order_number" INTEGER NOT NULL,
    "code" VARCHAR(8) NOT NULL,
    "billable" BOOLEAN NOT NULL,
    "description" TEXT NOT NULL,
    "chapter_number" INTEGER NOT NULL,
    "chapter_name" TEXT,
    "chapter_range" TEXT,
    "category_title" TEXT,
    "category_range" TEXT
);

-- CreateIndex
CREATE INDEX "x12_carc_code_idx" ON "x12_carc"("code");

-- CreateIndex
CREATE INDEX "x12_rarc_code_idx" ON "x12_rarc"("code");

-- CreateIndex
CREATE INDEX "x12_group_code_code_idx" ON "x12_group_code"("code");

-- CreateIndex
CREATE INDEX "modifier_modifier_idx" ON "modifier"("modifier");

-- CreateIndex
CREATE INDEX "hcpcs_level2_code_idx" ON "hcpcs_level2"("code");

-- CreateIndex
CREATE INDEX "icd10_cm_code_idx" ON "icd10_cm"("code");

