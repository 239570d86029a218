import { isTooShortToCompare, narrativeSimilarity, NEAR_DUPLICATE_SIMILARITY } from './narrative-similarity';

const STORY = 'The MAC denied 70390 with CO-97 because the hospital billed the technical component; we resubmitted with modifier 26 and it paid in 21 days.';

describe('narrative similarity', () => {
  it('sees a pasted story with a number and a word changed as a near duplicate', () => {
    const edited = STORY.replace('21 days', '30 days').replace('resubmitted', 'then resubmitted');
    expect(narrativeSimilarity(STORY, edited)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    expect(narrativeSimilarity(STORY, STORY.toUpperCase())).toBe(1);
  });

  it('keeps two different stories about the same denial apart', () => {
    const other = 'CO-97 on 70390 again. Our coder found the sialogram was bundled into the injection procedure; added XS and the appeal went through at redetermination.';
    expect(narrativeSimilarity(STORY, other)).toBeLessThan(0.2);
  });

  it('does not compare one-liners, which say nothing about who wrote them', () => {
    expect(isTooShortToCompare('Resubmitted with 26, paid.')).toBe(true);
    expect(isTooShortToCompare(STORY)).toBe(false);
    expect(narrativeSimilarity('', STORY)).toBe(0);
  });
});
