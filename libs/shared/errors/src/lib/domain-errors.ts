import { ErrorCode } from './error-code';

/** Base of every expected failure. The API maps `code` to `extensions.code`; messages are safe to show. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra machine-readable facts for the client (e.g. which field was wrong). */
  readonly details: Record<string, string>;

  protected constructor(message: string, details: Record<string, string> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Input that can never succeed as given: names the field so a form can point at it. */
export class InvalidInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, { field });
  }
}

/** A well-formed request for something that does not exist (e.g. a code not in the fee schedule). */
export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;

  constructor(
    readonly entity: string,
    readonly key: string,
    message?: string,
  ) {
    super(message ?? `${entity} ${key} was not found.`, { entity, key });
  }
}

/** A dependency the request needs is not ready (e.g. reference data still loading). */
export class ServiceUnavailableError extends DomainError {
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;

  constructor(message: string) {
    super(message);
  }
}

/** The operation needs a signed-in staff member (or an API token) and the request has neither. */
export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;

  /** `requiredRole` when the access guard refused (not, say, a wrong password). */
  constructor(message = 'Sign in as staff to do this.', requiredRole?: string) {
    super(message, requiredRole ? { requiredRole } : {});
  }
}

/** The caller is known but their role does not allow the operation. */
export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;

  constructor(message = 'Your role does not allow this.', requiredRole?: string) {
    super(message, requiredRole ? { requiredRole } : {});
  }
}

/** Too many attempts: says when to try again (also as `retryAfterSeconds` for clients). */
export class RateLimitedError extends DomainError {
  readonly code = ErrorCode.RATE_LIMITED;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds: String(retryAfterSeconds) });
  }
}
