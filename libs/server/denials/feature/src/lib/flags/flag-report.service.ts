import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RateLimiter } from '@denialmap/server/core';
import { ReportFlagRepository } from '@denialmap/server/denials/data-access';
import type { FlagReason } from '@denialmap/shared/denial-reports';
import { FlagReportResultObject, FlagResultStatusEnum } from '../graphql/flag-report.objects';
import { flagRateRules, rateLimitMessage } from '../submission/report-limits';
import { RequestOrigin, SubmitterIdentity } from '../submission/submitter-identity';

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
