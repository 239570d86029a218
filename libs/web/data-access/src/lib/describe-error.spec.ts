import { CombinedGraphQLErrors } from '@apollo/client';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('keeps the server message, code and field', () => {
    const error = new CombinedGraphQLErrors({
      errors: [{ message: '"7039" is not a CPT/HCPCS code.', extensions: { code: 'BAD_USER_INPUT', field: 'code' } }],
    });
    expect(describeError(error)).toEqual({ code: 'BAD_USER_INPUT', message: '"7039" is not a CPT/HCPCS code.', field: 'code' });
  });

  it('maps unknown codes to UNKNOWN', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(describeError(error).code).toBe('UNKNOWN');
  });

  it('explains a network failure in words', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatchObject({ code: 'NETWORK' });
  });
});
