import { findingsStillIn, highlightSegments } from './highlight-spans';

describe('highlightSegments', () => {
  it('marks a name inside the story and keeps the rest as plain text', () => {
    expect(highlightSegments('Called about Maria Lopez today', [{ start: 13, end: 24 }])).toEqual([
      { text: 'Called about ', finding: null },
      { text: 'Maria Lopez', finding: 0 },
      { text: ' today', finding: null },
    ]);
  });

  it('keeps each finding index when findings arrive out of order', () => {
    expect(highlightSegments('MRN 12345 for Ann Lee', [{ start: 14, end: 21 }, { start: 0, end: 9 }])).toEqual([
      { text: 'MRN 12345', finding: 1 },
      { text: ' for ', finding: null },
      { text: 'Ann Lee', finding: 0 },
    ]);
  });

  it('gives an overlap to the earlier finding and marks only the uncovered tail of the later one', () => {
    expect(highlightSegments('abcdefgh', [{ start: 1, end: 5 }, { start: 3, end: 7 }])).toEqual([
      { text: 'a', finding: null },
      { text: 'bcde', finding: 0 },
      { text: 'fg', finding: 1 },
      { text: 'h', finding: null },
    ]);
  });

  it('drops a finding inside another, clips spans past the end and ignores empty ones', () => {
    expect(highlightSegments('abcdef', [{ start: 0, end: 4 }, { start: 1, end: 2 }, { start: 5, end: 99 }, { start: 2, end: 2 }])).toEqual([
      { text: 'abcd', finding: 0 },
      { text: 'e', finding: null },
      { text: 'f', finding: 2 },
    ]);
  });

  it('counts offsets in UTF-16 code units, like the API', () => {
    const text = 'Café 😀 Jane Roe';
    expect(highlightSegments(text, [{ start: 8, end: 16 }])).toEqual([
      { text: 'Café 😀 ', finding: null },
      { text: 'Jane Roe', finding: 0 },
    ]);
  });

  it('returns the text as one plain run when nothing was found, and nothing for no text', () => {
    expect(highlightSegments('clean story', [])).toEqual([{ text: 'clean story', finding: null }]);
    expect(highlightSegments('', [])).toEqual([]);
  });
});

describe('findingsStillIn', () => {
  const maria = { start: 13, end: 24, text: 'Maria Lopez' };

  it('keeps a finding while its words are where the scan found them', () => {
    expect(findingsStillIn('Called about Maria Lopez twice', [maria])).toEqual([maria]);
  });

  it('drops it once the words are removed or moved', () => {
    expect(findingsStillIn('Called about the claim', [maria])).toEqual([]);
    expect(findingsStillIn('We called about Maria Lopez', [maria])).toEqual([]);
  });
});
