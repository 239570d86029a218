import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandler, JobHandlerRegistry, JobOf, QUEUES } from '@denialmap/server/core';
import { DenialStatsAggregator } from './denial-stats.aggregator';

type DenialStatsQueue = typeof QUEUES.denialStats;

/** The denial-stats queue's one handler; the worker's processor and inline mode both call it. */
@Injectable()
export class DenialStatsJobHandler implements JobHandler<DenialStatsQueue>, OnModuleInit {
  readonly queue = QUEUES.denialStats;

  constructor(
    private readonly aggregator: DenialStatsAggregator,
    private readonly registry: JobHandlerRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobOf<DenialStatsQueue>): Promise<unknown> {
    switch (job.name) {
      case 'recompute-code-stats': {
        const { snapshot, claimedEvents } = await this.aggregator.aggregate(job.data.code);
        return { code: snapshot.code, reports: snapshot.reports, claimedEvents };
      }
      default: {
        const unknownJob: never = job.name;
        throw new Error(`denial-stats has no handler for job "${String(unknownJob)}"`);
      }
    }
  }
}
