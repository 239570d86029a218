import { InvalidInputError, NotFoundError, ServiceUnavailableError } from './domain-errors';
import { ErrorCode } from './error-code';

describe('domain errors', () => {
  it.each([
    [new InvalidInputError('code', 'bad'), ErrorCode.BAD_USER_INPUT, { field: 'code' }],
    [new NotFoundError('Code', '99999'), ErrorCode.NOT_FOUND, { entity: 'Code', key: '99999' }],
    [new ServiceUnavailableError('loading'), ErrorCode.SERVICE_UNAVAILABLE, {}],
  ])('%s carries code %s and details', (error, code, details) => {
    expect(error.code).toBe(code);
    expect(error.details).toEqual(details);
    expect(error).toBeInstanceOf(Error);
  });

  it('names the class so logs say what failed', () => {
    expect(new NotFoundError('Code', '1').name).toBe('NotFoundError');
    expect(new NotFoundError('Code', '99999').message).toBe('Code 99999 was not found.');
  });
});
