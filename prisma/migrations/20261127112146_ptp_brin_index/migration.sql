-- DropIndex
DROP INDEX "ncci_ptp_edit_column_1_column_2_idx";

-- DropIndex
DROP INDEX "ncci_ptp_edit_column_2_column_1_idx";

-- CreateIndex
CREATE INDEX "ncci_ptp_edit_column_1_brin_idx" ON "ncci_ptp_edit" USING BRIN ("column_1");

-- CreateIndex
CREATE INDEX "ncci_ptp_edit_column_2_idx" ON "ncci_ptp_edit"("column_2");

