-- PTP edit rationales stored once: a dozen phrases repeat on every one of the 2.5 M rows, which
-- made them 110 of the file's 156 MB and most of the table. Existing rows keep their rationale.

-- CreateTable
CREATE TABLE "ncci_ptp_rationale" (
    "id" SMALLINT NOT NULL,
    "rationale" TEXT NOT NULL,

    CONSTRAINT "ncci_ptp_rationale_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ncci_ptp_rationale_rationale_key" ON "ncci_ptp_rationale"("rationale");

INSERT INTO "ncci_ptp_rationale" ("id", "rationale")
SELECT row_number() OVER (ORDER BY "rationale"), "rationale"
FROM (SELECT DISTINCT "rationale" FROM "ncci_ptp_edit" WHERE "rationale" IS NOT NULL) AS phrases;

-- AlterTable
ALTER TABLE "ncci_ptp_edit" ADD COLUMN "rationale_id" SMALLINT;

UPDATE "ncci_ptp_edit" AS edit SET "rationale_id" = phrase."id"
FROM "ncci_ptp_rationale" AS phrase WHERE phrase."rationale" = edit."rationale";

ALTER TABLE "ncci_ptp_edit" DROP COLUMN "rationale";

-- The archived edition (kept for rolling an import back) has the old shape, so it goes: the next import archives anew.
DROP TABLE IF EXISTS "reference_archive"."ncci_ptp_edit";
