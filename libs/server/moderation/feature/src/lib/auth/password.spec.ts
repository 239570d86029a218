import { emailProblem, hashPassword, normaliseEmail, passwordProblem, verifyPassword } from './password';

describe('passwordProblem', () => {
  it.each([
    ['short1', 'too short', /at least 12/],
    ['x'.repeat(257), 'too long', /at most 256/],
    ['jane.doe-2026-secret', 'contains the email name', /email address/],
    ['aaaaaaaaaaaabbbb', 'too few different characters', /different characters/],
    ['Password123!', 'a common word with a suffix', /too easy/],
  ])('refuses %s (%s)', (password, _why, message) => {
    expect(passwordProblem(password, 'Jane.Doe@example.org')).toMatch(message);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('correct horse battery staple', 'jane@example.org')).toBeNull();
  });
});

describe('emails', () => {
  it.each([['jane@example.org', null], ['not-an-email', /like name@/], ['a b@example.org', /like name@/]])('%s', (email, expected) => {
    const problem = emailProblem(email);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('compares addresses lower-cased and trimmed', () => {
    expect(normaliseEmail('  Jane@Example.ORG ')).toBe('jane@example.org');
  });
});

describe('argon2id hashing', () => {
  it('stores an argon2id PHC string and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
