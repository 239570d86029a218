import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, JobsModule, LiveEventsModule, RedisModule } from '@denialmap/server/core';
import { DenialsWorkerModule } from '@denialmap/server/denials/feature';
import { GuidanceWorkerModule } from '@denialmap/server/guidance/feature';
import { ReferenceDataWorkerModule } from '@denialmap/server/reference-data/feature';

/** Wiring only: every feature's queue workers and background loops. */
@Module({
  imports: [ConfigModule, DatabaseModule, RedisModule, JobsModule, LiveEventsModule, ReferenceDataWorkerModule, DenialsWorkerModule, GuidanceWorkerModule],
})
export class WorkerModule {}
