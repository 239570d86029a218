-- CreateTable
CREATE TABLE "fee_schedule_release" (
    "id" VARCHAR(8) NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" CHAR(1) NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE NOT NULL,
    "conversion_factor" DECIMAL(10,4) NOT NULL,
    "alternate_conversion_factor" DECIMAL(10,4),
    "conversion_factor_note" TEXT,
    "title" TEXT NOT NULL,
    "released_on" DATE,
    "notices" TEXT[],
    "source_file" TEXT NOT NULL,
    "source_sha256" CHAR(64) NOT NULL,
    "row_count" INTEGER NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fee_schedule_release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rvu_row" (
    "release_id" VARCHAR(8) NOT NULL,
    "hcpcs" VARCHAR(5) NOT NULL,
    "modifier" VARCHAR(2) NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "status_code" CHAR(1) NOT NULL,
    "not_used_for_medicare_payment" BOOLEAN NOT NULL,
    "work_rvu" DECIMAL(9,2) NOT NULL,
    "non_facility_pe_rvu" DECIMAL(9,2) NOT NULL,
    "non_facility_na" BOOLEAN NOT NULL,
    "facility_pe_rvu" DECIMAL(9,2) NOT NULL,
    "facility_na" BOOLEAN NOT NULL,
    "mp_rvu" DECIMAL(9,2) NOT NULL,
    "non_facility_total_rvu" DECIMAL(9,2) NOT NULL,
    "facility_total_rvu" DECIMAL(9,2) NOT NULL,
    "pctc_indicator" CHAR(1) NOT NULL,
    "global_days" CHAR(3) NOT NULL,
    "pre_op_share" DECIMAL(6,4) NOT NULL,
    "intra_op_share" DECIMAL(6,4) NOT NULL,
    "post_op_share" DECIMAL(6,4) NOT NULL,
    "multiple_procedure_indicator" CHAR(1) NOT NULL,
    "bilateral_indicator" CHAR(1) NOT NULL,
    "assistant_indicator" CHAR(1) NOT NULL,
    "co_surgeon_indicator" CHAR(1) NOT NULL,
    "team_indicator" CHAR(1) NOT NULL,
    "pricing_indicator" CHAR(1),
    "endoscopic_base" VARCHAR(5),
    "conversion_factor" DECIMAL(10,4) NOT NULL,
    "supervision_indicator" CHAR(2) NOT NULL,
    "calculation_flag" CHAR(1) NOT NULL,
    "imaging_family_indicator" CHAR(2) NOT NULL,
    "opps_non_facility_pe_rvu" DECIMAL(9,2) NOT NULL,
    "opps_facility_pe_rvu" DECIMAL(9,2) NOT NULL,
    "opps_mp_rvu" DECIMAL(9,2) NOT NULL,

    CONSTRAINT "rvu_row_pkey" PRIMARY KEY ("release_id","hcpcs","modifier")
);

-- CreateTable
CREATE TABLE "reference_file_import" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "release_id" VARCHAR(16),
    "row_count" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_file_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rvu_row_hcpcs_idx" ON "rvu_row"("hcpcs");

-- CreateIndex
CREATE INDEX "reference_file_import_kind_sha256_idx" ON "reference_file_import"("kind", "sha256");

-- AddForeignKey
ALTER TABLE "rvu_row" ADD CONSTRAINT "rvu_row_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "fee_schedule_release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

