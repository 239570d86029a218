import { Module } from '@nestjs/common';
import { BullmqRootModule, ConfigModule, DatabaseModule, JobsModule, RedisModule } from '@denialmap/server/core';
import { ReferenceDataWorkerModule } from '@denialmap/server/reference-data/feature';

/** Wiring only: BullMQ processors of every feature. */
@Module({
  imports: [ConfigModule, DatabaseModule, RedisModule, JobsModule, BullmqRootModule, ReferenceDataWorkerModule],
})
export class WorkerModule {}
