import { Module } from '@nestjs/common';
import { ApiCoreModule } from '@denialmap/server/core';
import { DenialsModule } from '@denialmap/server/denials/feature';
import { GuidanceModule } from '@denialmap/server/guidance/feature';
import { ModerationModule } from '@denialmap/server/moderation/feature';
import { PricingModule } from '@denialmap/server/pricing/feature';
import { ReferenceDataModule } from '@denialmap/server/reference-data/feature';

/** Wiring only: the api is the GraphQL endpoint, health checks and the web app's files. */
@Module({
  imports: [ApiCoreModule, ReferenceDataModule, PricingModule, DenialsModule, ModerationModule, GuidanceModule],
})
export class AppModule {}
