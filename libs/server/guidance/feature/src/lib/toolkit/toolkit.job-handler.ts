import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobContext, JobHandler, JobHandlerRegistry, JobOf, QUEUES } from '@denialmap/server/core';
import { ToolkitBuilder } from './toolkit-builder';

type ToolkitQueue = typeof QUEUES.toolkit;

/** The toolkit queue's one handler; the worker's processor and inline mode both call it. */
@Injectable()
export class ToolkitJobHandler implements JobHandler<ToolkitQueue>, OnModuleInit {
  readonly queue = QUEUES.toolkit;

  constructor(
    private readonly builder: ToolkitBuilder,
    private readonly registry: JobHandlerRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: JobOf<ToolkitQueue>, context: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'build-toolkit':
        return this.builder.build(job.data.documentId, (percent) => context.reportProgress(percent));
      default: {
        const unknownJob: never = job.name;
        throw new Error(`toolkit has no handler for job "${String(unknownJob)}"`);
      }
    }
  }
}
