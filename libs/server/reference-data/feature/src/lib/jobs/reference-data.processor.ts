import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleDestroy } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobOf, QUEUES } from '@denialmap/server/core';
import { ReferenceDataJobHandler } from './reference-data.job-handler';

/** Imports are heavy and serialised: one at a time per worker process. */
@Processor(QUEUES.referenceData, { concurrency: 1 })
export class ReferenceDataProcessor extends WorkerHost implements OnModuleDestroy {
  constructor(private readonly handler: ReferenceDataJobHandler) {
    super();
  }

  /** First at shutdown: finish the import in hand before the database connections close. */
  async onModuleDestroy(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job): Promise<unknown> {
    return this.handler.handle({ name: job.name, data: job.data } as JobOf<typeof QUEUES.referenceData>, {
      reportProgress: (percent) => job.updateProgress(percent),
    });
  }
}
