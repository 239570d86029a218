import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, LiveEvents } from '@denialmap/server/core';
import { AggregationResult, DenialStatsRepository } from '@denialmap/server/denials/data-access';
import { computeDenialStatsViews } from '@denialmap/shared/denial-stats';

/**
 * The aggregation job's work: recompute a code's stats from PostgreSQL (idempotent), then tell
 * every api instance. A burst of reports for one code collapses into one job (the relay's job id
 * is per code); reports committed while it runs get a follow-up job from the relay, and an event
 * whose job was lost (with Redis, or a killed worker) is re-sent by the sweeper.
 */
@Injectable()
export class DenialStatsAggregator {
  private readonly logger = new Logger(DenialStatsAggregator.name);

  constructor(
    private readonly stats: DenialStatsRepository,
    private readonly live: LiveEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async aggregate(code: string): Promise<AggregationResult> {
    const threshold = this.config.DENIAL_STATS_THRESHOLD;
    const result = await this.stats.recompute(code, (facts) => ({
      views: computeDenialStatsViews(facts, threshold),
      submitters: new Set(facts.map((f) => f.submitter)).size,
      threshold,
    }));
    const { snapshot } = result;
    await this.live
      .publish('denial-stats', { code, computedAt: snapshot.computedAt.toISOString(), reports: snapshot.reports })
      .catch((error: unknown) => this.logger.warn(`Stats for ${code} are stored, but the live update was not sent: ${error instanceof Error ? error.message : String(error)}`));
    return result;
  }
}
