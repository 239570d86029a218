import { CombinedGraphQLErrors } from '@apollo/client';

export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'NETWORK'
  | 'UNKNOWN';

export interface ApiErrorDescription {
  code: ApiErrorCode;
  /** Words a biller can act on. */
  message: string;
  field: string | null;
}

/** Turns an Apollo error into plain words for the page (never a blank screen or a stack). */
export function describeError(error: unknown): ApiErrorDescription {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = String(first?.extensions?.['code'] ?? 'UNKNOWN');
    const known: ApiErrorCode[] = ['BAD_USER_INPUT', 'NOT_FOUND', 'SERVICE_UNAVAILABLE'];
    return {
      code: known.includes(code as ApiErrorCode) ? (code as ApiErrorCode) : 'UNKNOWN',
      message: first?.message ?? 'The server could not answer.',
      field: typeof first?.extensions?.['field'] === 'string' ? (first.extensions['field'] as string) : null,
    };
  }
  if (error instanceof Error && /fetch|network|Failed to fetch|ECONNREFUSED/i.test(error.message)) {
    return { code: 'NETWORK', message: 'DenialMap could not reach its server. Check your connection and try again.', field: null };
  }
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : 'Something went wrong.', field: null };
}
