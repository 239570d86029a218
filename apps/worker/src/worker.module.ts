import { Module } from '@nestjs/common';
import { BullmqRootModule, ConfigModule, DatabaseModule, JobsModule, LiveEventsModule, RedisModule } from '@denialmap/server/core';
import { DenialsWorkerModule } from '@denialmap/server/denials/feature';
import { ReferenceDataWorkerModule } from '@denialmap/server/reference-data/feature';

/** Wiring only: BullMQ processors of every feature. */
@Module({
  imports: [ConfigModule, DatabaseModule, RedisModule, JobsModule, LiveEventsModule, BullmqRootModule, ReferenceDataWorkerModule, DenialsWorkerModule],
})
export class WorkerModule {}
