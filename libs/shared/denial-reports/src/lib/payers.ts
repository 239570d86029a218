/**
 * The maintained list of payer names a report may name (optional). A fixed list keeps free text,
 * and with it typos, plan numbers and patient details, out of the payer field, and lets reports
 * for one payer be counted together. Add a payer here with the payer types it usually appears
 * under; keep names as the payer writes them on remittance advice.
 */
import type { PayerType } from './report-vocabulary';

export interface PayerName {
  name: string;
  payerTypes: readonly PayerType[];
}

const MEDICARE: readonly PayerType[] = ['MEDICARE_FFS'];
const PLANS: readonly PayerType[] = ['COMMERCIAL', 'MEDICARE_ADVANTAGE', 'MEDICAID_MANAGED_CARE'];

export const PAYER_NAMES: readonly PayerName[] = [
  // Medicare Administrative Contractors (Part A/B jurisdictions) and the DME/railroad contractors.
  { name: 'CGS Administrators', payerTypes: MEDICARE },
  { name: 'First Coast Service Options', payerTypes: MEDICARE },
  { name: 'National Government Services (NGS)', payerTypes: MEDICARE },
  { name: 'Noridian Healthcare Solutions', payerTypes: MEDICARE },
  { name: 'Novitas Solutions', payerTypes: MEDICARE },
  { name: 'Palmetto GBA', payerTypes: MEDICARE },
  { name: 'Wisconsin Physicians Service (WPS)', payerTypes: MEDICARE },
  { name: 'Palmetto GBA Railroad Medicare', payerTypes: MEDICARE },
  // National and large regional health plans.
  { name: 'Aetna', payerTypes: PLANS },
  { name: 'Ambetter (Centene)', payerTypes: ['COMMERCIAL'] },
  { name: 'AmeriHealth Caritas', payerTypes: ['MEDICAID_MANAGED_CARE', 'MEDICARE_ADVANTAGE'] },
  { name: 'Anthem (Elevance Health)', payerTypes: PLANS },
  { name: 'Blue Cross Blue Shield (other state plan)', payerTypes: PLANS },
  { name: 'Blue Cross Blue Shield of Michigan', payerTypes: PLANS },
  { name: 'Blue Cross Blue Shield of Texas (HCSC)', payerTypes: PLANS },
  { name: 'Blue Cross Blue Shield of Illinois (HCSC)', payerTypes: PLANS },
  { name: 'Blue Cross Blue Shield of North Carolina', payerTypes: PLANS },
  { name: 'Blue Shield of California', payerTypes: PLANS },
  { name: 'CareFirst BlueCross BlueShield', payerTypes: PLANS },
  { name: 'CareSource', payerTypes: ['MEDICAID_MANAGED_CARE', 'COMMERCIAL', 'MEDICARE_ADVANTAGE'] },
  { name: 'Cigna', payerTypes: PLANS },
  { name: 'Devoted Health', payerTypes: ['MEDICARE_ADVANTAGE'] },
  { name: 'Excellus BlueCross BlueShield', payerTypes: PLANS },
  { name: 'Florida Blue', payerTypes: PLANS },
  { name: 'Geisinger Health Plan', payerTypes: PLANS },
  { name: 'Harvard Pilgrim Health Care', payerTypes: PLANS },
  { name: 'Health Net (Centene)', payerTypes: PLANS },
  { name: 'Highmark', payerTypes: PLANS },
  { name: 'Horizon Blue Cross Blue Shield of New Jersey', payerTypes: PLANS },
  { name: 'Humana', payerTypes: PLANS },
  { name: 'Independence Blue Cross', payerTypes: PLANS },
  { name: 'Kaiser Permanente', payerTypes: PLANS },
  { name: 'Medical Mutual of Ohio', payerTypes: PLANS },
  { name: 'Molina Healthcare', payerTypes: PLANS },
  { name: 'Oscar Health', payerTypes: ['COMMERCIAL', 'MEDICARE_ADVANTAGE'] },
  { name: 'Premera Blue Cross', payerTypes: PLANS },
  { name: 'Priority Health', payerTypes: PLANS },
  { name: 'Regence BlueCross BlueShield', payerTypes: PLANS },
  { name: 'SCAN Health Plan', payerTypes: ['MEDICARE_ADVANTAGE'] },
  { name: 'Tufts Health Plan', payerTypes: PLANS },
  { name: 'UnitedHealthcare', payerTypes: PLANS },
  { name: 'UPMC Health Plan', payerTypes: PLANS },
  { name: 'WellCare (Centene)', payerTypes: ['MEDICARE_ADVANTAGE', 'MEDICAID_MANAGED_CARE'] },
  // Government programs other than Medicare.
  { name: 'State Medicaid agency', payerTypes: ['MEDICAID'] },
  { name: 'TRICARE East (Humana Military)', payerTypes: ['TRICARE_VA'] },
  { name: 'TRICARE West (TriWest)', payerTypes: ['TRICARE_VA'] },
  { name: 'VA Community Care Network (Optum)', payerTypes: ['TRICARE_VA'] },
  { name: 'VA Community Care Network (TriWest)', payerTypes: ['TRICARE_VA'] },
  // Workers' compensation carriers.
  { name: 'The Hartford', payerTypes: ['WORKERS_COMP'] },
  { name: 'Liberty Mutual', payerTypes: ['WORKERS_COMP'] },
  { name: 'Travelers', payerTypes: ['WORKERS_COMP'] },
  { name: 'State workers\u2019 compensation fund', payerTypes: ['WORKERS_COMP'] },
];

const BY_KEY = new Map(PAYER_NAMES.map((p) => [payerKey(p.name), p]));

function payerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The listed payer this name means (case, spacing and punctuation aside), or null. */
export function findPayer(name: string): PayerName | null {
  return BY_KEY.get(payerKey(name)) ?? null;
}
