import type { FeeScheduleReleaseRecord, RvuRowRecord } from '@denialmap/server/core';
import type { IsoDate } from '@denialmap/shared/fee-schedule';
import { FeeScheduleReleaseView, RvuRowView } from './fee-schedule.types';

const isoDate = (d: Date): IsoDate => d.toISOString().slice(0, 10) as IsoDate;
/** Prisma decimals are decimal.js values; toFixed() never uses exponent notation. */
const exact = (d: { toFixed(): string }): string => d.toFixed();
const rvu = (d: { toFixed(dp: number): string }): string => d.toFixed(2);

export function toReleaseView(r: FeeScheduleReleaseRecord): FeeScheduleReleaseView {
  return {
    id: r.id,
    year: r.year,
    quarter: r.quarter,
    effectiveFrom: isoDate(r.effectiveFrom),
    effectiveTo: isoDate(r.effectiveTo),
    conversionFactor: r.conversionFactor.toFixed(4),
    alternateConversionFactor: r.alternateConversionFactor ? r.alternateConversionFactor.toFixed(4) : null,
    conversionFactorNote: r.conversionFactorNote,
    title: r.title,
    releasedOn: r.releasedOn ? isoDate(r.releasedOn) : null,
    notices: r.notices,
    sourceFile: r.sourceFile,
    rowCount: r.rowCount,
    importedAt: r.importedAt,
  };
}

export function toRvuRowView(r: RvuRowRecord): RvuRowView {
  return {
    releaseId: r.releaseId,
    hcpcs: r.hcpcs,
    modifier: r.modifier,
    description: r.description,
    statusCode: r.statusCode,
    notUsedForMedicarePayment: r.notUsedForMedicarePayment,
    workRvu: rvu(r.workRvu),
    nonFacilityPeRvu: rvu(r.nonFacilityPeRvu),
    nonFacilityNa: r.nonFacilityNa,
    facilityPeRvu: rvu(r.facilityPeRvu),
    facilityNa: r.facilityNa,
    mpRvu: rvu(r.mpRvu),
    nonFacilityTotalRvu: rvu(r.nonFacilityTotalRvu),
    facilityTotalRvu: rvu(r.facilityTotalRvu),
    pctcIndicator: r.pctcIndicator,
    globalDays: r.globalDays,
    preOpShare: exact(r.preOpShare),
    intraOpShare: exact(r.intraOpShare),
    postOpShare: exact(r.postOpShare),
    multipleProcedureIndicator: r.multipleProcedureIndicator,
    bilateralIndicator: r.bilateralIndicator,
    assistantIndicator: r.assistantIndicator,
    coSurgeonIndicator: r.coSurgeonIndicator,
    teamIndicator: r.teamIndicator,
    pricingIndicator: r.pricingIndicator,
    endoscopicBase: r.endoscopicBase,
    conversionFactor: r.conversionFactor.toFixed(4),
    supervisionIndicator: r.supervisionIndicator,
    calculationFlag: r.calculationFlag,
    imagingFamilyIndicator: r.imagingFamilyIndicator,
  };
}
