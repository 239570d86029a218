import { NATIONAL_GPCI } from './payment-amount';
import { RvuRowForPricing, settingAmount } from './setting-amount';

const row70390: RvuRowForPricing = {
  statusCode: 'A',
  workRvu: '0.38',
  nonFacilityPeRvu: '2.98',
  nonFacilityNa: false,
  facilityPeRvu: '2.98',
  facilityNa: true,
  mpRvu: '0.03',
};

describe('settingAmount', () => {
  it('prices an active code in the office', () => {
    expect(settingAmount(row70390, 'NON_FACILITY', NATIONAL_GPCI, '32.3465', 'RVU25D')).toMatchObject({ amount: '109.65', reason: null });
  });

  it('says NA instead of pricing a setting CMS marks NA', () => {
    const result = settingAmount(row70390, 'FACILITY', NATIONAL_GPCI, '32.3465', 'RVU25D');
    expect(result.amount).toBeNull();
    expect(result.reason).toMatch(/^NA: .*FACILITY NA INDICATOR/);
  });

  it.each(['B', 'C', 'I', 'X', 'N', 'E', 'J', 'M', 'P'])('never prints $0.00 for status %s', (statusCode) => {
    const result = settingAmount({ ...row70390, statusCode }, 'NON_FACILITY', NATIONAL_GPCI, '32.3465', 'RVU25D');
    expect(result.amount).toBeNull();
    expect(result.reason).toContain(`status ${statusCode}`);
  });

  it.each(['R', 'T'])('prices status %s from RVUs', (statusCode) => {
    expect(settingAmount({ ...row70390, statusCode }, 'NON_FACILITY', NATIONAL_GPCI, '32.3465', 'x').amount).toBe('109.65');
  });
});
