import { computeFeeScheduleAmount, GeographicIndices, PaymentStep } from './payment-amount';
import { formatMoney } from './money';
import { statusCodeMeaning } from './status-code';

export type Setting = 'NON_FACILITY' | 'FACILITY';

/** The RVU fields one setting's amount needs, as exact decimal strings. */
export interface RvuRowForPricing {
  statusCode: string;
  workRvu: string;
  nonFacilityPeRvu: string;
  nonFacilityNa: boolean;
  facilityPeRvu: string;
  facilityNa: boolean;
  mpRvu: string;
}

export interface SettingAmount {
  setting: Setting;
  /** "109.65", or null when the amount cannot be stated (reason says why). */
  amount: string | null;
  reason: string | null;
  steps: PaymentStep[];
}

/**
 * The fee schedule amount for one setting, or the reason there is none: a status that is not
 * paid from RVUs (never shown as $0.00), or CMS's NA indicator for the setting.
 */
export function settingAmount(
  row: RvuRowForPricing,
  setting: Setting,
  gpci: GeographicIndices,
  conversionFactor: string,
  rvuSource: string,
): SettingAmount {
  const status = statusCodeMeaning(row.statusCode);
  if (!status.paidFromRvus) {
    return { setting, amount: null, reason: `Not priced from RVUs: status ${status.code} (${status.label}). ${status.meaning}`, steps: [] };
  }
  const facility = setting === 'FACILITY';
  if (facility ? row.facilityNa : row.nonFacilityNa) {
    return {
      setting,
      amount: null,
      reason: `NA: CMS does not set a ${facility ? 'facility' : 'non-facility'} amount for this row because the service is rarely or never performed in that setting (${facility ? 'FACILITY' : 'NON-FAC'} NA INDICATOR).`,
      steps: [],
    };
  }
  const result = computeFeeScheduleAmount({
    rvus: { workRvu: row.workRvu, practiceExpenseRvu: facility ? row.facilityPeRvu : row.nonFacilityPeRvu, malpracticeRvu: row.mpRvu },
    gpci,
    conversionFactor,
    rvuSource,
    peColumn: facility ? 'FACILITY PE RVU' : 'NON-FAC PE RVU',
  });
  return { setting, amount: formatMoney(result.amount), reason: null, steps: result.steps };
}
