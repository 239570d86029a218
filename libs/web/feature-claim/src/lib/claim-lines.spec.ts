import { parsePastedCodes, readLines, writeLines } from './claim-lines';

describe('claim lines', () => {
  it('round-trips through the URL', () => {
    const lines = [
      { code: '70390', modifiers: ['26'], units: 1 },
      { code: '97110', modifiers: [], units: 3 },
      { code: '20610', modifiers: ['RT', '59'], units: 1 },
    ];
    expect(writeLines(lines)).toBe('70390:26:1;97110::3;20610:RT+59:1');
    expect(readLines(writeLines(lines))).toEqual(lines);
  });

  it('drops malformed pieces instead of guessing', () => {
    expect(readLines('7039:26:1;99213:2XY+25:0;abc;HELLO::1')).toEqual([{ code: '99213', modifiers: ['25'], units: 1 }]);
    expect(readLines(null)).toEqual([]);
  });

  it('reads a pasted list with modifiers and unit counts', () => {
    expect(parsePastedCodes('70390-26, 76000 x2; 99213-25\n97110 *3 hello')).toEqual([
      { code: '70390', modifiers: ['26'], units: 1 },
      { code: '76000', modifiers: [], units: 2 },
      { code: '99213', modifiers: ['25'], units: 1 },
      { code: '97110', modifiers: [], units: 3 },
    ]);
  });
});
