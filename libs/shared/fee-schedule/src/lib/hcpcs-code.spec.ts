import { InvalidInputError } from '@denialmap/shared/errors';
import { hcpcsLevel, parseHcpcsCode } from './hcpcs-code';

describe('parseHcpcsCode', () => {
  it.each([
    ['70390', '70390'],
    [' 70390 ', '70390'],
    ['0001f', '0001F'],
    ['0042T', '0042T'],
    ['0001U', '0001U'],
    ['g0121', 'G0121'],
    ['D0120', 'D0120'],
    ['J9035', 'J9035'],
  ])('accepts %p as %p', (raw, expected) => {
    expect(parseHcpcsCode(raw)).toBe(expected);
  });

  it.each(['', '7039', '703900', '70-90', 'W1234', 'ABCDE', '7039X', "70390' OR 1=1"])('refuses %p naming the field', (raw) => {
    expect(() => parseHcpcsCode(raw, 'lines.0.code')).toThrow(InvalidInputError);
    try {
      parseHcpcsCode(raw, 'lines.0.code');
    } catch (error) {
      expect((error as InvalidInputError).field).toBe('lines.0.code');
    }
  });
});

describe('hcpcsLevel', () => {
  it.each([
    ['70390', 'CPT'],
    ['0001F', 'CPT'],
    ['G0121', 'HCPCS_LEVEL_II'],
  ])('%s is %s', (code, level) => {
    expect(hcpcsLevel(code)).toBe(level);
  });
});
