import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobContext, JobHandler, JobHandlerRegistry, JobOf, QUEUES } from '@denialmap/server/core';
import { ShippedReferenceData, UploadStaging } from '@denialmap/server/reference-data/data-access';

type ReferenceDataQueue = typeof QUEUES.referenceData;

/** The reference-data queue's one handler; the worker's processor and inline mode both call it. */
@Injectable()
export class ReferenceDataJobHandler implements JobHandler<ReferenceDataQueue>, OnModuleInit {
  readonly queue = QUEUES.referenceData;

  constructor(
    private readonly shipped: ShippedReferenceData,
    private readonly uploads: UploadStaging,
    private readonly registry: JobHandlerRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobOf<ReferenceDataQueue>, context: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'load-shipped-reference-data': {
        const outcomes = await this.shipped.loadAll();
        await context.reportProgress(100);
        return outcomes;
      }
      case 'stage-upload': {
        const { uploadId, actorId, actorEmail } = job.data;
        const staged = await this.uploads.run(uploadId, { id: actorId, email: actorEmail });
        await context.reportProgress(100);
        return staged.map((s) => ({ releaseId: s.releaseId, rows: s.rows }));
      }
      default: {
        const unknownJob: never = job;
        throw new Error(`reference-data has no handler for job "${(unknownJob as { name: string }).name}"`);
      }
    }
  }
}
