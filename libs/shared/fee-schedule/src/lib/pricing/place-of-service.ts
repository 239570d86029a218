import type { Setting } from '../setting-amount';

/**
 * CMS place-of-service codes that take the facility practice expense RVUs (CMS Claims Processing
 * Manual ch. 12 §20.4.2 and the PFS site-of-service payment differential); every other valid POS
 * takes the non-facility RVUs.
 */
const FACILITY_POS: Readonly<Record<string, string>> = {
  '02': 'Telehealth provided other than in patient\'s home',
  '19': 'Off campus-outpatient hospital',
  '21': 'Inpatient hospital',
  '22': 'On campus-outpatient hospital',
  '23': 'Emergency room - hospital',
  '24': 'Ambulatory surgical center',
  '26': 'Military treatment facility',
  '31': 'Skilled nursing facility',
  '34': 'Hospice',
  '41': 'Ambulance - land',
  '42': 'Ambulance - air or water',
  '51': 'Inpatient psychiatric facility',
  '52': 'Psychiatric facility - partial hospitalization',
  '53': 'Community mental health center',
  '56': 'Psychiatric residential treatment center',
  '61': 'Comprehensive inpatient rehabilitation facility',
};

const NAMED_NON_FACILITY_POS: Readonly<Record<string, string>> = {
  '10': 'Telehealth provided in patient\'s home',
  '11': 'Office',
  '12': 'Home',
  '13': 'Assisted living facility',
  '20': 'Urgent care facility',
  '32': 'Nursing facility',
  '49': 'Independent clinic',
  '50': 'Federally qualified health center',
  '65': 'End-stage renal disease treatment facility',
  '71': 'State or local public health clinic',
  '72': 'Rural health clinic',
  '81': 'Independent laboratory',
  '99': 'Other place of service',
};

export interface PlaceOfServiceSetting {
  placeOfService: string;
  name: string;
  setting: Setting;
  /** One sentence for the trace, e.g. "Place of service 11 (Office): non-facility rate". */
  basis: string;
}

/** A two-digit place-of-service code (01-99), or null when it is not one. */
export function placeOfServiceSetting(raw: string): PlaceOfServiceSetting | null {
  const pos = raw.trim().padStart(2, '0');
  if (!/^\d{2}$/.test(pos) || pos === '00') return null;
  const facilityName = FACILITY_POS[pos];
  const setting: Setting = facilityName ? 'FACILITY' : 'NON_FACILITY';
  const name = facilityName ?? NAMED_NON_FACILITY_POS[pos] ?? `Place of service ${pos}`;
  return {
    placeOfService: pos,
    name,
    setting,
    basis: `Place of service ${pos} (${name}): ${setting === 'FACILITY' ? 'facility' : 'non-facility'} rate (CMS facility/non-facility place-of-service list)`,
  };
}

export const FACILITY_PLACES_OF_SERVICE: readonly string[] = Object.keys(FACILITY_POS);
