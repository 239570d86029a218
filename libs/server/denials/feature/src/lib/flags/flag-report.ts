import { Inject, Injectable } from '@nestjs/common';
import { Args, Context, Field, Int, Mutation, ObjectType, registerEnumType, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, RateLimiter } from '@denialmap/server/core';
import { FlagReason, ReportFlagRepository } from '@denialmap/server/denials/data-access';
import { requestOrigin } from '../submission/submission.resolver';
import { RequestOrigin, SubmitterIdentity } from '../submission/submitter-identity';
import { flagRateRules, rateLimitMessage } from '../submission/report-limits';

export enum FlagReasonEnum {
  PATIENT_INFORMATION = 'PATIENT_INFORMATION',
  INACCURATE = 'INACCURATE',
  SPAM = 'SPAM',
  OFFENSIVE = 'OFFENSIVE',
  OTHER = 'OTHER',
}
registerEnumType(FlagReasonEnum, {
  name: 'FlagReason',
  description: 'PATIENT_INFORMATION takes the report out of view at once until a moderator has looked; the others do so once several readers agree.',
});

export enum FlagResultStatusEnum {
  FLAGGED = 'FLAGGED',
  HELD_FOR_REVIEW = 'HELD_FOR_REVIEW',
  ALREADY_FLAGGED = 'ALREADY_FLAGGED',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
}
registerEnumType(FlagResultStatusEnum, { name: 'FlagResultStatus' });

@ObjectType('FlagReportResult')
export class FlagReportResultObject {
  @Field(() => FlagResultStatusEnum) status!: FlagResultStatusEnum;
  @Field(() => String) message!: string;
  @Field(() => Int, { nullable: true }) retryAfterSeconds!: number | null;
}

/** Readers flag a published report; the moderation queue (staff) decides what happens to it. */
@Injectable()
export class FlagReportService {
  constructor(
    private readonly flags: ReportFlagRepository,
    private readonly identity: SubmitterIdentity,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async flag(reportId: string, reason: FlagReason, origin: RequestOrigin): Promise<FlagReportResultObject> {
    const answer = (status: FlagResultStatusEnum, message: string, retryAfterSeconds: number | null = null) => ({ status, message, retryAfterSeconds });
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reportId.trim())) return answer(FlagResultStatusEnum.NOT_FOUND, 'There is no such report.');
    const flagger = await this.identity.hash(origin);
    const decision = await this.limiter.consume(flagRateRules(this.config, flagger));
    if (!decision.allowed) return answer(FlagResultStatusEnum.RATE_LIMITED, rateLimitMessage(decision.rule.name, decision.retryAfterSeconds), decision.retryAfterSeconds);
    const outcome = await this.flags.flag(reportId.trim(), flagger, reason, this.config.FLAGS_TO_HOLD_REPORT);
    switch (outcome.status) {
      case 'NOT_FOUND':
      case 'NOT_PUBLISHED':
        return answer(FlagResultStatusEnum.NOT_FOUND, 'There is no such published report (it may already be under review).');
      case 'ALREADY_FLAGGED':
        return answer(FlagResultStatusEnum.ALREADY_FLAGGED, 'You have already flagged this report.');
      case 'FLAGGED':
        return outcome.held
          ? answer(FlagResultStatusEnum.HELD_FOR_REVIEW, 'Thank you. The report is out of view and out of the stats until a moderator has looked at it.')
          : answer(FlagResultStatusEnum.FLAGGED, 'Thank you. A moderator will look at the report.');
    }
  }
}

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
