import { redactionProblem } from './redaction';

const story = 'Denied CO-4 because modifier 26 was missing. Called Jane at the MAC, resubmitted with 26 and it paid.';

describe('redactionProblem', () => {
  it.each([
    ['removes a name', 'Denied CO-4 because modifier 26 was missing. Called at the MAC, resubmitted with 26 and it paid.'],
    ['marks where text was removed', 'Denied CO-4 because modifier 26 was missing. Called [removed] at the MAC, resubmitted with 26 and it paid.'],
    ['removes a whole sentence and tidies spaces', 'Denied CO-4 because modifier 26 was missing.  resubmitted with 26 and it paid.'],
  ])('accepts a redaction that %s', (_name, after) => {
    expect(redactionProblem(story, after)).toBeNull();
  });

  it('accepts removing the whole story', () => {
    expect(redactionProblem(story, '')).toBeNull();
    expect(redactionProblem(story, null)).toBeNull();
  });

  it.each([
    ['adds words', `${story} Great payer.`, /only remove/],
    ['changes a word', story.replace('paid', 'was paid in full'), /only remove/],
    ['swaps a digit', story.replace('CO-4', 'CO-5'), /only remove/],
    ['changes nothing', story, /Nothing was removed/],
  ])('refuses an edit that %s', (_name, after, message) => {
    expect(redactionProblem(story, after)).toMatch(message);
  });

  it('refuses when there is no story', () => {
    expect(redactionProblem(null, '')).toMatch(/no story/);
  });
});
