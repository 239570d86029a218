import { HttpException, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '@denialmap/shared/errors';

const logger = new Logger('GraphQL');

const APOLLO_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.GRAPHQL_PARSE_FAILED,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.GRAPHQL_VALIDATION_FAILED,
  BAD_USER_INPUT: ErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
};

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/**
 * The one place errors become GraphQL errors: domain errors keep their message and code,
 * Apollo's own request errors keep theirs, and anything unexpected is logged and, in
 * production, masked (no stack traces or internals leave the server).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof HttpException && HTTP_CODES[original.getStatus()]) {
    return { ...base, message: original.message, extensions: { code: HTTP_CODES[original.getStatus()] } };
  }
  const apolloCode = APOLLO_CODES[String(formatted.extensions?.['code'])];
  if (apolloCode) {
    return { ...base, extensions: { code: apolloCode } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    ...base,
    message: production ? 'Internal server error' : formatted.message,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
