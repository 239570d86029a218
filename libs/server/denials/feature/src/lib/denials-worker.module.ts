import { Module } from '@nestjs/common';
import { DenialsDataAccessModule } from '@denialmap/server/denials/data-access';
import { DenialStatsAggregator } from './pipeline/denial-stats.aggregator';
import { DenialStatsJobHandler } from './pipeline/denial-stats.job-handler';
import { DenialStatsWorker } from './pipeline/denial-stats.worker';
import { OutboxRelay } from './pipeline/outbox-relay';
import { OutboxSweeper } from './pipeline/outbox-sweeper';
import { PIPELINE_HOST, PipelineHost } from './pipeline/pipeline-host';

/** The worker side of denial reports: outbox relay, sweeper and the aggregation queue's worker. */
@Module({
  imports: [DenialsDataAccessModule],
  providers: [{ provide: PIPELINE_HOST, useValue: 'worker' satisfies PipelineHost }, DenialStatsAggregator, DenialStatsJobHandler, DenialStatsWorker, OutboxRelay, OutboxSweeper],
})
export class DenialsWorkerModule {}
