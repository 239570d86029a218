import { CombinedGraphQLErrors } from '@apollo/client';
import { fieldProblem, problemWords, staffProblem } from './staff-error';

const graphqlError = (message: string, extensions: Record<string, unknown>) => new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('staff API errors in words', () => {
  it('keeps the code, the field and the retry time the server sent', () => {
    const locked = staffProblem(graphqlError('Too many failed sign-ins for this email. It is locked for 15 more minutes; try again later or ask an admin.', { code: 'RATE_LIMITED', retryAfterSeconds: '900' }));
    expect(locked).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 900, field: null });
    expect(problemWords(locked, new Date('2026-12-01T10:00:00Z'))).toBe(
      'Too many failed sign-ins for this email. It is locked for 15 more minutes; try again later or ask an admin. You can try again in 15 minutes (at 10:15).',
    );
    const refused = staffProblem(graphqlError('A redaction can only remove text; the new story adds or changes words.', { code: 'BAD_USER_INPUT', field: 'narrative' }));
    expect(fieldProblem(refused, 'narrative')).toBe('A redaction can only remove text; the new story adds or changes words.');
    expect(fieldProblem(refused, 'reason')).toBeNull();
    expect(staffProblem(graphqlError('Sign in as staff to do this.', { code: 'UNAUTHENTICATED' })).code).toBe('UNAUTHENTICATED');
  });

  it('says a network failure in words', () => {
    expect(staffProblem(new TypeError('Failed to fetch'))).toMatchObject({ code: 'NETWORK', retryAfterSeconds: null });
  });
});
