-- Staff uploads of CMS files: staged editions with a preview, activation, roll-back, and PTP effective dates.
-- CreateEnum
CREATE TYPE "ReferenceReleaseStatus" AS ENUM ('STAGED', 'ACTIVE', 'PREVIOUS', 'RETIRED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "ReferenceUploadStatus" AS ENUM ('UPLOADING', 'QUEUED', 'RUNNING', 'STAGED', 'FAILED');

-- AlterEnum

ALTER TYPE "AuditAction" ADD VALUE 'REFERENCE_FILES_UPLOADED';
ALTER TYPE "AuditAction" ADD VALUE 'REFERENCE_RELEASE_ACTIVATED';
ALTER TYPE "AuditAction" ADD VALUE 'REFERENCE_RELEASE_DISCARDED';
ALTER TYPE "AuditAction" ADD VALUE 'REFERENCE_RELEASE_ROLLED_BACK';

-- DropIndex
DROP INDEX "reference_dataset_release_dataset_active_idx";

-- AlterTable (the archived copy too: a roll-back moves it back into place)
ALTER TABLE "ncci_ptp_edit" ADD COLUMN     "effective_date" DATE,
ADD COLUMN     "in_existence_before_1996" BOOLEAN;
ALTER TABLE IF EXISTS reference_archive.ncci_ptp_edit ADD COLUMN "effective_date" DATE, ADD COLUMN "in_existence_before_1996" BOOLEAN;
DROP TABLE IF EXISTS reference_staging.ncci_ptp_edit;

-- AlterTable: "active" becomes a status. Editions no longer active are RETIRED: which of them the
-- archived table holds was never recorded, so roll-back starts with the next activation.
ALTER TABLE "reference_dataset_release" ADD COLUMN     "activated_at" TIMESTAMPTZ(3),
ADD COLUMN     "preview" JSONB,
ADD COLUMN     "status" "ReferenceReleaseStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "upload_id" UUID;
UPDATE "reference_dataset_release" SET "status" = CASE WHEN "active" THEN 'ACTIVE'::"ReferenceReleaseStatus" ELSE 'RETIRED'::"ReferenceReleaseStatus" END, "activated_at" = "imported_at";
ALTER TABLE "reference_dataset_release" DROP COLUMN "active";

-- CreateTable
CREATE TABLE "reference_upload" (
    "id" UUID NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ReferenceUploadStatus" NOT NULL DEFAULT 'UPLOADING',
    "progress" SMALLINT NOT NULL DEFAULT 0,
    "progress_rows" INTEGER NOT NULL DEFAULT 0,
    "message" VARCHAR(1000),
    "problem" JSONB,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "reference_upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_upload_file" (
    "id" UUID NOT NULL,
    "upload_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" CHAR(64) NOT NULL,

    CONSTRAINT "reference_upload_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_upload_chunk" (
    "file_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "reference_upload_chunk_pkey" PRIMARY KEY ("file_id","seq")
);

-- CreateIndex
CREATE INDEX "reference_upload_created_at_idx" ON "reference_upload"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reference_upload_file_upload_id_position_key" ON "reference_upload_file"("upload_id", "position");

-- CreateIndex
CREATE INDEX "reference_dataset_release_dataset_status_idx" ON "reference_dataset_release"("dataset", "status");

-- AddForeignKey
ALTER TABLE "reference_upload_file" ADD CONSTRAINT "reference_upload_file_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "reference_upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_upload_chunk" ADD CONSTRAINT "reference_upload_chunk_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "reference_upload_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

