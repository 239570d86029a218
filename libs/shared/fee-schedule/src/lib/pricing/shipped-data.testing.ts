import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GpciParser, PprrvuParser, PprrvuRecord } from '@denialmap/shared/cms-formats';
import { NATIONAL_GPCI, GeographicIndices } from '../payment-amount';
import type { ClaimPricingInput, PricingRelease, PricingRvuRow } from './pricing-types';

/** Test support: the shipped CMS files, parsed with the production parsers (no database). */
const REFERENCE = join(__dirname, '../../../../../../data/reference');

export const SHIPPED_RVU_FILES = { 2025: 'PPRRVU2025_Oct.csv', 2026: 'PPRRVU2026_Jul_nonQPP.csv' } as const;
export const SHIPPED_RELEASES: Record<2025 | 2026, PricingRelease> = {
  2025: { id: 'RVU25D', label: 'CMS MPFS RVU25D', sourceFile: 'PPRRVU2025_Oct.csv', conversionFactor: '32.3465', conversionFactorSource: 'CONV FACTOR' },
  2026: { id: 'RVU26C', label: 'CMS MPFS RVU26C', sourceFile: 'PPRRVU2026_Jul_nonQPP.csv', conversionFactor: '33.4009', conversionFactorSource: 'CONV FACTOR' },
};

export function toPricingRow(r: PprrvuRecord): PricingRvuRow {
  return {
    modifier: r.modifier,
    statusCode: r.statusCode,
    workRvu: r.workRvu,
    nonFacilityPeRvu: r.nonFacilityPeRvu,
    nonFacilityNa: r.nonFacilityNaIndicator === 'NA',
    facilityPeRvu: r.facilityPeRvu,
    facilityNa: r.facilityNaIndicator === 'NA',
    mpRvu: r.mpRvu,
    pctcIndicator: r.pctcIndicator,
    globalDays: r.globalDays,
    preOpShare: r.preOpShare,
    intraOpShare: r.intraOpShare,
    postOpShare: r.postOpShare,
    multipleProcedureIndicator: r.multipleProcedureIndicator,
    bilateralIndicator: r.bilateralIndicator,
    assistantIndicator: r.assistantIndicator,
    coSurgeonIndicator: r.coSurgeonIndicator,
    teamIndicator: r.teamIndicator,
    endoscopicBase: r.endoscopicBase || null,
  };
}

const rowCache = new Map<number, { records: PprrvuRecord[]; byCode: Map<string, PricingRvuRow[]> }>();

export function shippedRvus(year: 2025 | 2026): { records: PprrvuRecord[]; byCode: Map<string, PricingRvuRow[]> } {
  const cached = rowCache.get(year);
  if (cached) return cached;
  const file = SHIPPED_RVU_FILES[year];
  const parser = new PprrvuParser(file);
  const records: PprrvuRecord[] = [];
  readFileSync(join(REFERENCE, 'rvu', file), 'latin1')
    .split('\n')
    .forEach((line, i) => {
      const record = parser.push(line, i + 1);
      if (record) records.push(record);
    });
  const byCode = new Map<string, PricingRvuRow[]>();
  for (const r of records) byCode.set(r.hcpcs, [...(byCode.get(r.hcpcs) ?? []), toPricingRow(r)]);
  const loaded = { records, byCode };
  rowCache.set(year, loaded);
  return loaded;
}

export interface ShippedLocality {
  id: string;
  name: string;
  workGpci: string;
  workGpciWithoutFloor: string | null;
  peGpci: string;
  mpGpci: string;
}

export function shippedLocalities(year: 2025 | 2026): ShippedLocality[] {
  const file = `GPCI${year}.csv`;
  const parser = new GpciParser(file);
  const out: ShippedLocality[] = [];
  readFileSync(join(REFERENCE, 'gpci', file), 'latin1')
    .split('\n')
    .forEach((line, i) => {
      const row = parser.push(line, i + 1);
      if (!row) return;
      const [mac, , locality, name, withoutFloor, work, pe, mp] = row as string[];
      out.push({ id: `${mac}-${locality}`, name, workGpci: work, workGpciWithoutFloor: withoutFloor, peGpci: pe, mpGpci: mp });
    });
  return out;
}

/** A claim input on the shipped data, national and participating unless overridden. */
export function claimOn(year: 2025 | 2026, overrides: Partial<ClaimPricingInput> & Pick<ClaimPricingInput, 'lines'>): ClaimPricingInput {
  const gpci: GeographicIndices = NATIONAL_GPCI;
  return {
    release: SHIPPED_RELEASES[year],
    gpci,
    setting: 'NON_FACILITY',
    settingBasis: 'Place of service 11 (Office): non-facility rate',
    participating: true,
    nonPhysicianPractitioner: false,
    rowsByCode: shippedRvus(year).byCode,
    oppsCap: null,
    ...overrides,
  };
}
