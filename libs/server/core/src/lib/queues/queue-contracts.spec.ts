import { assertValidJobId, JOB_NAMES, QUEUES } from './queue-contracts';

describe('queue contracts', () => {
  it('lists job names for every queue', () => {
    expect(Object.keys(JOB_NAMES).sort()).toEqual(Object.values(QUEUES).sort());
    for (const names of Object.values(JOB_NAMES)) {
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('queue and job names are kebab-case', () => {
    for (const [queue, names] of Object.entries(JOB_NAMES)) {
      expect(queue).toMatch(/^[a-z]+(-[a-z]+)*$/);
      names.forEach((n) => expect(n).toMatch(/^[a-z]+(-[a-z]+)*$/));
    }
  });

  it.each(['code-70390', 'shipped-reference-data', 'a'])('accepts job id %p', (id) => {
    expect(() => assertValidJobId(id)).not.toThrow();
  });

  it.each(['', 'code:70390', '70390'])('refuses job id %p', (id) => {
    expect(() => assertValidJobId(id)).toThrow(/Invalid job id/);
  });
});
