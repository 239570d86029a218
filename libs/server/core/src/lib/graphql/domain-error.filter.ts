import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@denialmap/shared/errors';

/**
 * Expected outcomes (bad input, not found) are not server faults: hand them to Apollo untouched,
 * where formatGraphqlError gives them their code, instead of Nest logging them as crashes.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(exception: DomainError): DomainError {
    return exception;
  }
}
