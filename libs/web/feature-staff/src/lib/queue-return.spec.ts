import { queueLink } from './queue-return';

describe('queueLink', () => {
  it.each([
    [{ queueSearch: 'reason=FLAGGED&code=71250' }, '/staff?reason=FLAGGED&code=71250'],
    [{ queueSearch: '' }, '/staff'],
    [null, '/staff'],
    [undefined, '/staff'],
    [{ queueSearch: 42 }, '/staff'],
  ])('%p -> %s', (state, link) => {
    expect(queueLink(state)).toBe(link);
  });
});
