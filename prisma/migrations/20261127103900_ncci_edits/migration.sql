-- CreateTable
CREATE TABLE "reference_dataset_release" (
    "id" VARCHAR(40) NOT NULL,
    "dataset" VARCHAR(20) NOT NULL,
    "label" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "source_file" TEXT NOT NULL,
    "source_sha256" CHAR(64) NOT NULL,
    "row_count" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_dataset_release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ncci_ptp_edit" (
    "column_1" VARCHAR(5) NOT NULL,
    "column_2" VARCHAR(5) NOT NULL,
    "deletion_date" DATE,
    "modifier_indicator" CHAR(1) NOT NULL,
    "rationale" TEXT
);

-- CreateTable
CREATE TABLE "ncci_mue" (
    "hcpcs" VARCHAR(5) NOT NULL,
    "max_units" INTEGER NOT NULL,
    "adjudication_indicator" CHAR(1) NOT NULL,
    "rationale" TEXT
);

-- CreateTable
CREATE TABLE "ncci_add_on_edit" (
    "primary_code" VARCHAR(5) NOT NULL,
    "add_on_code" VARCHAR(5) NOT NULL,
    "edit_type" CHAR(1) NOT NULL
);

-- CreateIndex
CREATE INDEX "reference_dataset_release_dataset_active_idx" ON "reference_dataset_release"("dataset", "active");

-- CreateIndex
CREATE INDEX "ncci_ptp_edit_column_1_column_2_idx" ON "ncci_ptp_edit"("column_1", "column_2");

-- CreateIndex
CREATE INDEX "ncci_ptp_edit_column_2_column_1_idx" ON "ncci_ptp_edit"("column_2", "column_1");

-- CreateIndex
CREATE INDEX "ncci_mue_hcpcs_idx" ON "ncci_mue"("hcpcs");

-- CreateIndex
CREATE INDEX "ncci_add_on_edit_add_on_code_idx" ON "ncci_add_on_edit"("add_on_code");

-- CreateIndex
CREATE INDEX "ncci_add_on_edit_primary_code_idx" ON "ncci_add_on_edit"("primary_code");

