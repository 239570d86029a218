import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BullmqJobProducer } from './bullmq-job-producer';
import { InlineJobProducer } from './inline-job-producer';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobProducer } from './job-producer';

@Global()
@Module({
  providers: [
    JobHandlerRegistry,
    {
      provide: JobProducer,
      inject: [APP_CONFIG, JobHandlerRegistry],
      useFactory: (config: AppConfig, registry: JobHandlerRegistry) =>
        config.JOBS_MODE === 'inline' ? new InlineJobProducer(registry) : new BullmqJobProducer(config),
    },
  ],
  exports: [JobProducer, JobHandlerRegistry],
})
export class JobsModule {}
