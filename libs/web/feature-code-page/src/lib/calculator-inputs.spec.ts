import { DEFAULT_INPUTS, parseModifiers, readInputs, writeInputs } from './calculator-inputs';

describe('calculator inputs in the URL', () => {
  it('parses modifiers as typed, at most four', () => {
    expect(parseModifiers(' 26, tc;lt  rt 59')).toEqual(['26', 'TC', 'LT', 'RT']);
    expect(parseModifiers('')).toEqual([]);
  });

  it('round-trips through the query string, keeping other parameters', () => {
    const inputs = { ...DEFAULT_INPUTS, placeOfService: '22', zip: '35004', modifiers: ['26'], units: 2, participating: false, nonPhysicianPractitioner: true };
    const params = writeInputs(new URLSearchParams('dos=2025-06-01'), inputs);
    expect(params.toString()).toBe('dos=2025-06-01&pos=22&zip=35004&mod=26&units=2&par=0&npp=1');
    expect(readInputs(params)).toEqual(inputs);
  });

  it('writes nothing for defaults and falls back on malformed values', () => {
    expect(writeInputs(new URLSearchParams(), DEFAULT_INPUTS).toString()).toBe('');
    expect(readInputs(new URLSearchParams('pos=office&units=-3&loc=SF&zip=12'))).toEqual(DEFAULT_INPUTS);
  });
});
