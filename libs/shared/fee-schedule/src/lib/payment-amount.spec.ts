import { computeFeeScheduleAmount, NATIONAL_GPCI, RvuComponents } from './payment-amount';
import { formatMoney } from './money';

const source = 'CMS MPFS test';

function national(rvus: RvuComponents, cf: string): string {
  return formatMoney(computeFeeScheduleAmount({ rvus, gpci: NATIONAL_GPCI, conversionFactor: cf, rvuSource: source, peColumn: 'NON-FAC PE RVU' }).amount);
}

describe('computeFeeScheduleAmount', () => {
  // Golden values published for CPT 70390 (SOURCES.md spot check; CMS PFS look-up tool figures).
  it.each([
    ['70390 global, RVU25D', { workRvu: '0.38', practiceExpenseRvu: '2.98', malpracticeRvu: '0.03' }, '32.3465', '109.65'],
    ['70390-26, RVU25D', { workRvu: '0.38', practiceExpenseRvu: '0.14', malpracticeRvu: '0.02' }, '32.3465', '17.47'],
    ['70390-TC, RVU25D', { workRvu: '0.00', practiceExpenseRvu: '2.84', malpracticeRvu: '0.01' }, '32.3465', '92.19'],
    ['70390 global, RVU26C', { workRvu: '0.37', practiceExpenseRvu: '2.91', malpracticeRvu: '0.03' }, '33.4009', '110.56'],
    ['70390-26, RVU26C', { workRvu: '0.37', practiceExpenseRvu: '0.13', malpracticeRvu: '0.02' }, '33.4009', '17.37'],
    ['70390-TC, RVU26C', { workRvu: '0.00', practiceExpenseRvu: '2.78', malpracticeRvu: '0.01' }, '33.4009', '93.19'],
  ])('%s national non-facility = $%s', (_name, rvus, cf, expected) => {
    expect(national(rvus, cf)).toBe(expected);
  });

  it('is exact where binary floats are not (0.1 + 0.2 style sums)', () => {
    // 0.1 x 3 RVUs at CF 10.05: floats give 3.0149999...; exact decimals give 3.015 -> 3.02.
    expect(national({ workRvu: '0.1', practiceExpenseRvu: '0.1', malpracticeRvu: '0.1' }, '10.05')).toBe('3.02');
  });

  it('rounds half a cent up, once, at the end', () => {
    // 1.00 RVU x 10.005 = 10.005 -> 10.01
    expect(national({ workRvu: '1.00', practiceExpenseRvu: '0', malpracticeRvu: '0' }, '10.005')).toBe('10.01');
  });

  it('applies each GPCI to its own component', () => {
    const result = computeFeeScheduleAmount({
      rvus: { workRvu: '1.00', practiceExpenseRvu: '2.00', malpracticeRvu: '0.10' },
      gpci: { label: 'test locality', work: '1.000', practiceExpense: '1.100', malpractice: '0.500' },
      conversionFactor: '30',
      rvuSource: source,
      peColumn: 'FACILITY PE RVU',
    });
    // 1.00 + 2.20 + 0.05 = 3.25 adjusted RVUs x 30 = 97.50
    expect(result.adjustedRvus.toString()).toBe('3.25');
    expect(formatMoney(result.amount)).toBe('97.50');
  });

  it('shows the math, step by step, with sources', () => {
    const { steps } = computeFeeScheduleAmount({
      rvus: { workRvu: '0.38', practiceExpenseRvu: '2.98', malpracticeRvu: '0.03' },
      gpci: NATIONAL_GPCI,
      conversionFactor: '32.3465',
      rvuSource: 'CMS MPFS RVU25D',
      peColumn: 'NON-FAC PE RVU',
    });
    expect(steps.map((s) => s.result)).toEqual(['0.38', '2.98', '0.03', '3.39', '109.654635', '109.65']);
    expect(steps[1].source).toContain('NON-FAC PE RVU');
    expect(steps[4].formula).toBe('3.39 x 32.3465');
  });
});
