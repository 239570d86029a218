import { ForbiddenException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { formatGraphqlError } from './format-error';

function resolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['code'] });
}

describe('formatGraphqlError', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('keeps a domain error message, code and details', () => {
    const error = resolverError(new InvalidInputError('dateOfService', 'not a date'));
    expect(formatGraphqlError({ message: error.message, path: ['code'] }, error, true)).toEqual({
      message: 'not a date',
      path: ['code'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'dateOfService' },
    });
  });

  it('maps NOT_FOUND', () => {
    const error = resolverError(new NotFoundError('Code', '99999'));
    expect(formatGraphqlError({ message: 'x' }, error, true).extensions).toEqual({ code: 'NOT_FOUND', entity: 'Code', key: '99999' });
  });

  it('maps Nest HTTP exceptions by status', () => {
    const error = resolverError(new ForbiddenException());
    expect(formatGraphqlError({ message: 'x' }, error, true).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('keeps Apollo request errors under our enum', () => {
    const formatted = { message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatGraphqlError(formatted, new GraphQLError(formatted.message), true).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('masks unexpected errors in production only', () => {
    const error = resolverError(new Error('connection refused at 10.0.0.5'));
    expect(formatGraphqlError({ message: error.message }, error, true)).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatGraphqlError({ message: error.message }, error, false).message).toBe('connection refused at 10.0.0.5');
  });
});
