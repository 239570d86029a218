import { Kind } from 'graphql';
import { Decimal } from '@denialmap/shared/fee-schedule';
import { DecimalScalar } from './decimal.scalar';

describe('DecimalScalar', () => {
  it.each([
    ['109.65', '109.65'],
    [new Decimal('32.3465'), '32.3465'],
    [new Decimal('0.0000001'), '0.0000001'],
    ['-1.5', '-1.5'],
  ])('serializes %p as %p', (value, expected) => {
    expect(DecimalScalar.serialize(value)).toBe(expected);
  });

  it.each([109.65, '1e5', 'abc', null, undefined])('refuses to serialize %p', (value) => {
    expect(() => DecimalScalar.serialize(value)).toThrow(/Decimal cannot represent/);
  });

  it('parses strings only', () => {
    expect(DecimalScalar.parseValue(' 1.25 ')).toBe('1.25');
    expect(() => DecimalScalar.parseValue(1.25)).toThrow();
    expect(DecimalScalar.parseLiteral({ kind: Kind.STRING, value: '2.50' })).toBe('2.50');
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '2.50' })).toThrow();
  });
});
