import { Module } from '@nestjs/common';
import { ReferenceDataAccessModule } from '@denialmap/server/reference-data/data-access';
import { ReferenceDataJobHandler } from './jobs/reference-data.job-handler';
import { ReferenceDataWorker } from './jobs/reference-data.worker';

/** The worker side: the reference-data queue's worker. Only the worker app imports this. */
@Module({
  imports: [ReferenceDataAccessModule],
  providers: [ReferenceDataJobHandler, ReferenceDataWorker],
})
export class ReferenceDataWorkerModule {}
