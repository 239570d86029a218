import { priceClaim } from './claim-pricing';
import type { Setting } from '../setting-amount';
import { claimOn, shippedLocalities, shippedRvus } from './shipped-data.testing';

/**
 * Property: for every row of both shipped years (global, 26, TC, 53), every locality in that
 * year's GPCI file and both settings, the unmodified amount equals the base MPFS formula
 *   round([(work x work GPCI) + (PE x PE GPCI) + (MP x MP GPCI)] x CF, 2)
 * computed here independently, in scaled integers (BigInt), not with the library's decimals.
 * Rows the rules must not price (status other than A/R/T, NA in the setting, no RVUs) must come
 * back without an amount, never $0.00.
 */
const scaled = (value: string, places: number): bigint => {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole + fraction.padEnd(places, '0').slice(0, places));
};

/** Cents, rounded half up, of the formula at scale 10^9 (RVU 10^2 x GPCI 10^3 x CF 10^4). */
function independentAmount(rvus: [string, string, string], gpcis: [string, string, string], cf: string): string {
  const adjusted = rvus.reduce((sum, rvu, i) => sum + scaled(rvu, 2) * scaled(gpcis[i], 3), 0n);
  const total = adjusted * scaled(cf, 4);
  const cents = (total + 5_000_000n) / 10_000_000n;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/** Runs the property for one year (one spec file per year, so the two run in parallel). */
export function describeBaseFormulaProperty(year: 2025 | 2026): void {
  describe(`base formula property, ${year}`, () => {
    const { byCode } = shippedRvus(year);
    const localities = shippedLocalities(year);
    const settings: Setting[] = ['NON_FACILITY', 'FACILITY'];

    it(`every code x locality x setting matches the independent formula`, () => {
      let priced = 0;
      let unpriced = 0;
      const mismatches: string[] = [];
      for (const locality of localities) {
        // 2026 dates after January use the work GPCI without the 1.0 floor (Addendum E footnote).
        const work = year === 2026 ? (locality.workGpciWithoutFloor ?? locality.workGpci) : locality.workGpci;
        const gpci = { label: `GPCI${year} ${locality.id}`, work, practiceExpense: locality.peGpci, malpractice: locality.mpGpci };
        for (const setting of settings) {
          const base = claimOn(year, { lines: [], gpci, setting, settingBasis: setting });
          for (const [code, rows] of byCode) {
            for (const row of rows) {
              const claim = priceClaim({ ...base, lines: [{ code, modifiers: row.modifier ? [row.modifier] : [], units: 1 }] });
              const [l] = claim.lines;
              const facility = setting === 'FACILITY';
              const pe = facility ? row.facilityPeRvu : row.nonFacilityPeRvu;
              const payable =
                ['A', 'R', 'T'].includes(row.statusCode) &&
                !(facility ? row.facilityNa : row.nonFacilityNa) &&
                [row.workRvu, pe, row.mpRvu].some((v) => Number(v) !== 0);
              if (!payable) {
                unpriced++;
                if (l.amount !== null) mismatches.push(`${code}-${row.modifier} ${locality.id} ${setting}: priced ${l.amount}, expected no amount`);
                continue;
              }
              priced++;
              const expected = independentAmount([row.workRvu, pe, row.mpRvu], [gpci.work, gpci.practiceExpense, gpci.malpractice], base.release.conversionFactor);
              if (l.amount !== expected) mismatches.push(`${code}-${row.modifier} ${locality.id} ${setting}: ${l.amount} != ${expected}`);
            }
          }
        }
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      // Every locality and both settings were covered, with most rows payable.
      expect(localities.length).toBeGreaterThanOrEqual(100);
      expect(priced).toBeGreaterThan(localities.length * 2 * 6_000);
      expect(unpriced).toBeGreaterThan(0);
    });
  });
}
