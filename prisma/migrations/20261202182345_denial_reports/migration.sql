-- CreateEnum
CREATE TYPE "PayerType" AS ENUM ('MEDICARE_FFS', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'MEDICAID_MANAGED_CARE', 'COMMERCIAL', 'TRICARE_VA', 'WORKERS_COMP', 'OTHER');

-- CreateEnum
CREATE TYPE "DenialCategory" AS ENUM ('BUNDLING', 'MODIFIER', 'MEDICAL_NECESSITY', 'PRIOR_AUTHORIZATION', 'ELIGIBILITY_COVERAGE', 'CODING', 'DOCUMENTATION', 'FREQUENCY_UNITS', 'DUPLICATE_CLAIM', 'TIMELY_FILING', 'COORDINATION_OF_BENEFITS', 'PROVIDER_ENROLLMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "ActionTaken" AS ENUM ('CORRECTED_AND_RESUBMITTED', 'APPEALED', 'WROTE_OFF', 'NOTHING_YET');

-- CreateEnum
CREATE TYPE "ReportFix" AS ENUM ('ADDED_MODIFIER', 'REMOVED_MODIFIER', 'CHANGED_CODE', 'CORRECTED_DIAGNOSIS', 'ADDED_DOCUMENTATION', 'OBTAINED_AUTHORIZATION', 'CORRECTED_COVERAGE_INFO', 'CORRECTED_PLACE_OF_SERVICE', 'CORRECTED_UNITS', 'BILLED_ANOTHER_PAYER', 'NOTHING_WORKED', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportOutcome" AS ENUM ('PAID', 'PARTIALLY_PAID', 'UPHELD', 'PENDING');

-- CreateEnum
CREATE TYPE "DenialReportStatus" AS ENUM ('PUBLISHED', 'HELD', 'REJECTED');

-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('PATIENT_INFORMATION', 'INACCURATE', 'SPAM', 'OFFENSIVE', 'OTHER');

-- CreateTable
CREATE TABLE "denial_report" (
    "id" UUID NOT NULL,
    "code" VARCHAR(5) NOT NULL,
    "modifiers" VARCHAR(2)[],
    "service_year" SMALLINT NOT NULL,
    "service_quarter" SMALLINT NOT NULL,
    "payer_type" "PayerType" NOT NULL,
    "payer_name" TEXT,
    "state" CHAR(2),
    "place_of_service" CHAR(2),
    "group_code" VARCHAR(2) NOT NULL,
    "carc" VARCHAR(4) NOT NULL,
    "rarcs" VARCHAR(6)[],
    "icd10_codes" VARCHAR(8)[],
    "denial_category" "DenialCategory" NOT NULL,
    "action_taken" "ActionTaken" NOT NULL,
    "appeal_level" SMALLINT,
    "fix" "ReportFix",
    "outcome" "ReportOutcome" NOT NULL,
    "days_to_resolution" SMALLINT,
    "narrative" VARCHAR(1500),
    "status" "DenialReportStatus" NOT NULL,
    "hold_reason" VARCHAR(40),
    "submitter_hash" CHAR(64) NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "flag_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "denial_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_flag" (
    "report_id" UUID NOT NULL,
    "flagger_hash" CHAR(64) NOT NULL,
    "reason" "FlagReason" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_flag_pkey" PRIMARY KEY ("report_id","flagger_hash")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" BIGSERIAL NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "code" VARCHAR(5) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayed_at" TIMESTAMPTZ(3),
    "aggregated_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "code_denial_stats" (
    "code" VARCHAR(5) NOT NULL,
    "reports" INTEGER NOT NULL,
    "submitters" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "views" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "code_denial_stats_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "submitter_key" (
    "day" DATE NOT NULL,
    "key" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submitter_key_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "denial_report_code_status_idx" ON "denial_report"("code", "status");

-- CreateIndex
CREATE INDEX "denial_report_submitter_hash_created_at_idx" ON "denial_report"("submitter_hash", "created_at");

-- CreateIndex
CREATE INDEX "denial_report_fingerprint_idx" ON "denial_report"("fingerprint");

-- CreateIndex
CREATE INDEX "outbox_event_relayed_at_id_idx" ON "outbox_event"("relayed_at", "id");

-- CreateIndex
CREATE INDEX "outbox_event_code_aggregated_at_idx" ON "outbox_event"("code", "aggregated_at");

-- AddForeignKey
ALTER TABLE "report_flag" ADD CONSTRAINT "report_flag_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "denial_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

