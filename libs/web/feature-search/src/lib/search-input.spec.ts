import { directCode, isSearchable, nextIndex } from './search-input';

describe('search input helpers', () => {
  it.each([
    ['70390', '70390'],
    [' g0121 ', 'G0121'],
    ['salivary', null],
    ['703', null],
  ])('directCode(%p) = %p', (input, expected) => {
    expect(directCode(input)).toBe(expected);
  });

  it.each([
    ['', false],
    ['s', false],
    ['7', true],
    ['sa', true],
  ])('isSearchable(%p) = %p', (input, expected) => {
    expect(isSearchable(input)).toBe(expected);
  });

  it.each([
    [-1, 3, 'ArrowDown', 0],
    [2, 3, 'ArrowDown', 0],
    [0, 3, 'ArrowUp', 2],
    [-1, 3, 'ArrowUp', 2],
    [0, 0, 'ArrowDown', -1],
  ] as const)('nextIndex(%i, %i, %s) = %i', (current, count, key, expected) => {
    expect(nextIndex(current, count, key)).toBe(expected);
  });
});
