-- CreateEnum
CREATE TYPE "TipTopic" AS ENUM ('PROFESSIONAL_TECHNICAL_SPLIT', 'BILATERAL', 'MULTIPLE_PROCEDURES', 'NCCI_BUNDLING', 'UNIT_LIMIT', 'ADD_ON', 'GLOBAL_PERIOD', 'SURGICAL_TEAM', 'PAYMENT_STATUS', 'REDUCED_OR_DISCONTINUED', 'IMAGING_CAP', 'DENIAL_PATTERN', 'CODING', 'DOCUMENTATION', 'OTHER');

-- CreateEnum
CREATE TYPE "CuratedTipStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'TIP_CREATED';
ALTER TYPE "AuditAction" ADD VALUE 'TIP_UPDATED';
ALTER TYPE "AuditAction" ADD VALUE 'TIP_RETIRED';

-- CreateTable
CREATE TABLE "curated_tip" (
    "id" UUID NOT NULL,
    "code_from" VARCHAR(5) NOT NULL,
    "code_to" VARCHAR(5) NOT NULL,
    "topic" "TipTopic" NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "advice" VARCHAR(1500) NOT NULL,
    "source" VARCHAR(500) NOT NULL,
    "impact_statement" VARCHAR(300),
    "impact_basis" VARCHAR(500),
    "status" "CuratedTipStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "curated_tip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "curated_tip_code_from_code_to_idx" ON "curated_tip"("code_from", "code_to");


-- An impact statement only with the basis it rests on, and a range that runs forwards. (A trigger,
-- not CHECK constraints, which Prisma's WASM schema engine cannot introspect.) \073 is a semicolon:
-- migrations are split at every literal one.
CREATE FUNCTION curated_tip_rules() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF (NEW.impact_statement IS NULL) <> (NEW.impact_basis IS NULL) THEN RAISE EXCEPTION ''curated_tip: an impact statement needs its basis, and a basis its statement'' USING ERRCODE = ''check_violation''\073 END IF\073 IF NEW.code_from > NEW.code_to THEN RAISE EXCEPTION ''curated_tip: code range % to % runs backwards'', NEW.code_from, NEW.code_to USING ERRCODE = ''check_violation''\073 END IF\073 RETURN NEW\073 END\073';

CREATE TRIGGER curated_tip_rules BEFORE INSERT OR UPDATE ON "curated_tip"
  FOR EACH ROW EXECUTE FUNCTION curated_tip_rules();

-- The 70390 (sialography) tips DenialMap ships with, written by its editors. Staff can edit or
-- retire them like any other tip. (No semicolons below: migrations are split at each one.)
INSERT INTO "curated_tip" ("id", "code_from", "code_to", "topic", "title", "advice", "source", "impact_statement", "impact_basis") VALUES
(gen_random_uuid(), '70390', '70390', 'CODING', 'Say which side: RT or LT',
 'A sialogram studies one gland. Put RT or LT on 70390 (and on the injection, 42550), so that a study of the other side on the same day reads as a second side, not as a duplicate line (CARC 18). For both sides the same day, follow the MAC: two lines with RT and LT, or one line with 50 (70390 has no bilateral increase, bilateral indicator 0).',
 'NCCI Policy Manual for Medicare Services, Chapter I (anatomic modifiers), and the CMS RVU file layout (BILAT SURG 0 for 70390 in RVU25D)', NULL, NULL),
(gen_random_uuid(), '70390', '70390', 'CODING', 'The contrast injection is its own code',
 '70390 is the imaging (supervision and interpretation) only. The physician who cannulates the duct and injects the contrast also reports 42550 (injection procedure for sialography). In an office, low-osmolar contrast may be billed with Q9965-Q9967 per ml, in a hospital the facility bills the contrast.',
 'CPT descriptors of 70390 and 42550 (both priced in CMS MPFS RVU25D), HCPCS Level II Q9965-Q9967 (CMS HCPCS file)', 'Leaving out 42550 forgoes its payment: $145.88 national non-facility in 2025', 'CMS MPFS RVU25D, 42550: 4.51 non-facility total RVUs x CF 32.3465 = 145.88'),
(gen_random_uuid(), '70390', '70390', 'PROFESSIONAL_TECHNICAL_SPLIT', 'Hospital patient: the radiologist bills 26 only',
 'When the study is done in a hospital (inpatient or outpatient), the hospital bills the technical part on its own claim and the interpreting physician bills 70390-26. A global 70390 for a hospital patient is denied or recouped down to the professional component.',
 'CMS Claims Processing Manual, Chapter 13 (Radiology Services), section 20 (professional and technical components), and PCTC IND 1 in the CMS RVU file', 'A global claim for a hospital patient is cut from $109.65 to $17.47', 'CMS MPFS RVU25D national non-facility amounts: 70390 global 3.39 RVUs = $109.65, 70390-26 0.54 RVUs = $17.47 (CF 32.3465)'),
(gen_random_uuid(), '70390', '70390', 'DOCUMENTATION', 'Link a diagnosis that explains the study',
 'Point the line to the condition the sialogram looks for, such as K11.5 (sialolithiasis), K11.20 (sialoadenitis, unspecified) or K11.8 (other diseases of salivary glands), as documented in the order. A symptom code alone is a common medical-necessity denial (CARC 50 or 11).',
 'ICD-10-CM FY2024, category K11 (Diseases of salivary glands), and CARC 11 and 50 (X12 claim adjustment reason codes)', NULL, NULL),
(gen_random_uuid(), '70390', '70390', 'REDUCED_OR_DISCONTINUED', 'Study stopped after it started: 53, with a note',
 'If the study is stopped once under way (the duct cannot be cannulated, or the patient cannot go on), bill 70390-53 and say in the report why it stopped. Medicare has no fee schedule amount for 70390-53, so the MAC prices it from the report. If it was cancelled before it began, do not bill it.',
 'CPT Appendix A (modifier 53), and the CMS RVU file, which has no 53 row for 70390 (rows exist only for 44388, 45378, G0105 and G0121)', NULL, NULL),
(gen_random_uuid(), '70390', '70390', 'DOCUMENTATION', 'Some plans want ultrasound or MR first',
 'Conventional sialography is often not the first study a plan expects: some commercial and Medicare Advantage plans (or their radiology benefit managers) ask for ultrasound or MR sialography first, or for prior authorization. Check the plan''s imaging policy before scheduling, and keep the reason ultrasound or MR was not enough in the order.',
 'Plan imaging policies differ, so check the patient''s plan or its radiology benefit manager (DenialMap editors'' advice)', NULL, NULL)
