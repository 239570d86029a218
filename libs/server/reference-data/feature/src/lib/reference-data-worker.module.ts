import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@denialmap/server/core';
import { ReferenceDataAccessModule } from '@denialmap/server/reference-data/data-access';
import { ReferenceDataJobHandler } from './jobs/reference-data.job-handler';
import { ReferenceDataProcessor } from './jobs/reference-data.processor';

/** The worker side: the reference-data queue's processor. Only the worker app imports this. */
@Module({
  imports: [ReferenceDataAccessModule, BullModule.registerQueue({ name: QUEUES.referenceData })],
  providers: [ReferenceDataJobHandler, ReferenceDataProcessor],
})
export class ReferenceDataWorkerModule {}
