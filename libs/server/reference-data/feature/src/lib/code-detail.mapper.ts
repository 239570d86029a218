import { FeeScheduleReleaseView, RvuRowView } from '@denialmap/server/reference-data/data-access';
import { decodeRowIndicators, NATIONAL_GPCI, settingAmount, statusCodeMeaning } from '@denialmap/shared/fee-schedule';
import { FeeScheduleReleaseObject } from './graphql/fee-schedule-release.object';
import { RvuBreakdownObject } from './graphql/code-detail.object';

export function releaseLabel(release: Pick<FeeScheduleReleaseView, 'id'>): string {
  return `CMS MPFS ${release.id}`;
}

export function toReleaseObject(release: FeeScheduleReleaseView): FeeScheduleReleaseObject {
  return {
    ...release,
    label: releaseLabel(release),
    importedAt: release.importedAt.toISOString(),
  };
}

export function toRvuBreakdown(row: RvuRowView, release: FeeScheduleReleaseView): RvuBreakdownObject {
  const source = `${releaseLabel(release)}, ${release.sourceFile}${row.modifier ? ` (row ${row.hcpcs}-${row.modifier})` : ` (row ${row.hcpcs})`}`;
  const national = (setting: 'NON_FACILITY' | 'FACILITY') => settingAmount(row, setting, NATIONAL_GPCI, release.conversionFactor, source);
  return {
    modifier: row.modifier,
    status: statusCodeMeaning(row.statusCode),
    workRvu: row.workRvu,
    nonFacilityPracticeExpenseRvu: row.nonFacilityPeRvu,
    facilityPracticeExpenseRvu: row.facilityPeRvu,
    malpracticeRvu: row.mpRvu,
    nonFacilityTotalRvu: row.nonFacilityTotalRvu,
    facilityTotalRvu: row.facilityTotalRvu,
    nonFacilityNotApplicable: row.nonFacilityNa,
    facilityNotApplicable: row.facilityNa,
    globalDays: row.globalDays,
    pctcIndicator: row.pctcIndicator,
    indicators: decodeRowIndicators({
      ...row,
      notUsedForMedicarePayment: row.notUsedForMedicarePayment ? '+' : '',
      nonFacilityNaIndicator: row.nonFacilityNa ? 'NA' : '',
      facilityNaIndicator: row.facilityNa ? 'NA' : '',
    }),
    nationalNonFacility: national('NON_FACILITY'),
    nationalFacility: national('FACILITY'),
  };
}

/** The notice a descriptor must carry: AMA for CPT codes, ADA for CDT (D) codes. */
export function descriptorNotice(code: string, notices: readonly string[]): string | null {
  if (/^\d/.test(code)) {
    return notices.find((n) => /American Medical Association/i.test(n)) ?? 'CPT® is a registered trademark of the American Medical Association.';
  }
  if (code.startsWith('D')) {
    return notices.find((n) => /American Dental Association/i.test(n)) ?? 'CDT codes are copyright the American Dental Association.';
  }
  return null;
}
