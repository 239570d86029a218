-- AlterTable
ALTER TABLE "reference_dataset_release" ALTER COLUMN "dataset" SET DATA TYPE VARCHAR(40);

-- CreateTable
CREATE TABLE "gpci_locality" (
    "year" INTEGER NOT NULL,
    "mac" CHAR(5) NOT NULL,
    "state" CHAR(2) NOT NULL,
    "locality_number" CHAR(2) NOT NULL,
    "locality_name" TEXT NOT NULL,
    "work_gpci_without_floor" DECIMAL(6,3),
    "work_gpci" DECIMAL(6,3) NOT NULL,
    "pe_gpci" DECIMAL(6,3) NOT NULL,
    "mp_gpci" DECIMAL(6,3) NOT NULL
);

-- CreateTable
CREATE TABLE "locality_county" (
    "year" INTEGER NOT NULL,
    "mac" CHAR(5) NOT NULL,
    "locality_number" CHAR(2) NOT NULL,
    "state_name" TEXT NOT NULL,
    "fee_schedule_area" TEXT NOT NULL,
    "counties" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "zip_locality" (
    "zip" CHAR(5) NOT NULL,
    "state" CHAR(2) NOT NULL,
    "carrier" CHAR(5) NOT NULL,
    "locality_number" CHAR(2) NOT NULL,
    "rural_indicator" CHAR(1),
    "year_quarter" CHAR(5) NOT NULL
);

-- CreateTable
CREATE TABLE "opps_cap" (
    "hcpcs" VARCHAR(5) NOT NULL,
    "modifier" VARCHAR(2) NOT NULL,
    "status_code" CHAR(1) NOT NULL,
    "mac" CHAR(5) NOT NULL,
    "locality_number" CHAR(2) NOT NULL,
    "facility_price" DECIMAL(10,2) NOT NULL,
    "non_facility_price" DECIMAL(10,2) NOT NULL
);

-- CreateTable
CREATE TABLE "anesthesia_cf" (
    "year" INTEGER NOT NULL,
    "mac" CHAR(5) NOT NULL,
    "locality_number" CHAR(2) NOT NULL,
    "locality_name" TEXT NOT NULL,
    "conversion_factor" DECIMAL(10,4) NOT NULL,
    "qualifying_apm_conversion_factor" DECIMAL(10,4)
);

-- CreateIndex
CREATE INDEX "gpci_locality_year_mac_locality_idx" ON "gpci_locality"("year", "mac", "locality_number");

-- CreateIndex
CREATE INDEX "gpci_locality_year_state_idx" ON "gpci_locality"("year", "state");

-- CreateIndex
CREATE INDEX "locality_county_year_mac_locality_idx" ON "locality_county"("year", "mac", "locality_number");

-- CreateIndex
CREATE INDEX "zip_locality_zip_idx" ON "zip_locality"("zip");

-- CreateIndex
CREATE INDEX "opps_cap_code_locality_idx" ON "opps_cap"("hcpcs", "modifier", "mac", "locality_number");

-- CreateIndex
CREATE INDEX "anesthesia_cf_year_mac_locality_idx" ON "anesthesia_cf"("year", "mac", "locality_number");

