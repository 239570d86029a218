import { formatDollars } from './Money';

describe('formatDollars', () => {
  it.each([
    ['109.65', '$109.65'],
    ['0.5', '$0.50'],
    ['1234567.00', '$1,234,567.00'],
    ['-17.47', '-$17.47'],
    ['12', '$12.00'],
  ])('%s -> %s', (amount, expected) => {
    expect(formatDollars(amount)).toBe(expected);
  });
});
