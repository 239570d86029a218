import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { DenialReportInput } from '../graphql/denial-report.input';
import { SubmitDenialReportResult } from '../graphql/submission.objects';
import { SubmitReportService } from './submit-report.service';
import { requestOrigin } from './submitter-identity';
import { Public } from '@denialmap/server/core';

@Public()
@Resolver()
export class SubmissionResolver {
  constructor(private readonly service: SubmitReportService) {}

  @Mutation(() => SubmitDenialReportResult, {
    description:
      'Sends an anonymous denial report. Refusals (invalid fields, patient information, rate limits, duplicates) are answers, not errors, and store nothing. A published report counts in the code\'s stats within seconds.',
  })
  submitDenialReport(@Args('input', { type: () => DenialReportInput }) input: DenialReportInput, @Context('req') req: FastifyRequest): Promise<typeof SubmitDenialReportResult> {
    return this.service.submit(input, requestOrigin(req));
  }
}
