import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '@denialmap/shared/errors';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * Expected outcomes (bad input, not found, not signed in) are not server faults. In GraphQL they go
 * to Apollo untouched, where formatGraphqlError gives them their code; on plain HTTP routes (the
 * CSV export) they become a JSON body with the same code and the matching status.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(exception: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() !== 'http') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(HTTP_STATUS[exception.code] ?? 500)
      .header('cache-control', 'no-store')
      .send({ error: { code: exception.code, message: exception.message, ...exception.details } });
  }
}
