import type { IsoDate } from '@denialmap/shared/fee-schedule';

/** A fee schedule release as the rest of the server sees it (decimals as exact strings). */
export interface FeeScheduleReleaseView {
  id: string;
  year: number;
  quarter: string;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate;
  conversionFactor: string;
  alternateConversionFactor: string | null;
  conversionFactorNote: string | null;
  title: string;
  releasedOn: IsoDate | null;
  notices: string[];
  sourceFile: string;
  rowCount: number;
  importedAt: Date;
}

export interface RvuRowView {
  releaseId: string;
  hcpcs: string;
  modifier: string;
  description: string;
  statusCode: string;
  notUsedForMedicarePayment: boolean;
  workRvu: string;
  nonFacilityPeRvu: string;
  nonFacilityNa: boolean;
  facilityPeRvu: string;
  facilityNa: boolean;
  mpRvu: string;
  nonFacilityTotalRvu: string;
  facilityTotalRvu: string;
  pctcIndicator: string;
  globalDays: string;
  preOpShare: string;
  intraOpShare: string;
  postOpShare: string;
  multipleProcedureIndicator: string;
  bilateralIndicator: string;
  assistantIndicator: string;
  coSurgeonIndicator: string;
  teamIndicator: string;
  pricingIndicator: string | null;
  endoscopicBase: string | null;
  conversionFactor: string;
  supervisionIndicator: string;
  calculationFlag: string;
  imagingFamilyIndicator: string;
}

/** One OPPS-based imaging cap: the most the MPFS pays for the code (and modifier row) in a locality. */
export interface OppsCapView {
  hcpcs: string;
  modifier: string;
  mac: string;
  localityNumber: string;
  facilityPrice: string;
  nonFacilityPrice: string;
}
