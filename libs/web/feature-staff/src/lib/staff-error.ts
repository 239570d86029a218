import { CombinedGraphQLErrors } from '@apollo/client';
import { describeError } from '@denialmap/web/data-access';
import { retryWords } from './words';

/** An API error as the staff area needs it: its code, the server's words, the field, when to retry. */
export interface StaffProblem {
  /** extensions.code: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, RATE_LIMITED, NOT_FOUND, NETWORK... */
  code: string;
  message: string;
  field: string | null;
  retryAfterSeconds: number | null;
}

export function staffProblem(error: unknown): StaffProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = first?.extensions ?? {};
    const retry = Number(extensions['retryAfterSeconds']);
    return {
      code: String(extensions['code'] ?? 'UNKNOWN'),
      message: first?.message ?? 'The server could not answer.',
      field: typeof extensions['field'] === 'string' ? extensions['field'] : null,
      retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null,
    };
  }
  const described = describeError(error);
  return { code: described.code, message: described.message, field: described.field, retryAfterSeconds: null };
}

/** The server's words, plus when to try again for RATE_LIMITED and what to do for UNAUTHENTICATED. */
export function problemWords(problem: StaffProblem, now = new Date()): string {
  if (problem.code === 'RATE_LIMITED' && problem.retryAfterSeconds) return `${problem.message} You can try again ${retryWords(problem.retryAfterSeconds, now)}.`;
  return problem.message;
}

/** A problem the server pinned on one field, or null. */
export function fieldProblem(problem: StaffProblem | null, field: string): string | null {
  return problem && problem.code === 'BAD_USER_INPUT' && problem.field === field ? problem.message : null;
}
