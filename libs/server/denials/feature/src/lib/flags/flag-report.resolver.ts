import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { FlagReportResultObject } from '../graphql/flag-report.objects';
import { FlagReasonEnum } from '../graphql/report-enums';
import { requestOrigin } from '../submission/submitter-identity';
import { FlagReportService } from './flag-report.service';
import { Public } from '@denialmap/server/core';

@Public()
@Resolver()
export class FlagReportResolver {
  constructor(private readonly service: FlagReportService) {}

  @Mutation(() => FlagReportResultObject, { description: 'Flags a published report for the moderators (anonymous, rate-limited, once per reader and report).' })
  flagReport(
    @Args('reportId', { type: () => String }) reportId: string,
    @Args('reason', { type: () => FlagReasonEnum }) reason: FlagReasonEnum,
    @Context('req') req: FastifyRequest,
  ): Promise<FlagReportResultObject> {
    return this.service.flag(reportId, reason, requestOrigin(req));
  }
}
