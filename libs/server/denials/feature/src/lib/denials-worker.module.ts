import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@denialmap/server/core';
import { DenialsDataAccessModule } from '@denialmap/server/denials/data-access';
import { DenialStatsAggregator } from './pipeline/denial-stats.aggregator';
import { DenialStatsJobHandler } from './pipeline/denial-stats.job-handler';
import { DenialStatsProcessor } from './pipeline/denial-stats.processor';
import { OutboxRelay } from './pipeline/outbox-relay';
import { OutboxSweeper } from './pipeline/outbox-sweeper';
import { PIPELINE_HOST, PipelineHost } from './pipeline/pipeline-host';

/** The worker side of denial reports: outbox relay, sweeper and the aggregation processor. */
@Module({
  imports: [DenialsDataAccessModule, BullModule.registerQueue({ name: QUEUES.denialStats })],
  providers: [{ provide: PIPELINE_HOST, useValue: 'worker' satisfies PipelineHost }, DenialStatsAggregator, DenialStatsJobHandler, DenialStatsProcessor, OutboxRelay, OutboxSweeper],
})
export class DenialsWorkerModule {}
