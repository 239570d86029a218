import { Module } from '@nestjs/common';
import { DenialsDataAccessModule } from '@denialmap/server/denials/data-access';
import { GuidanceDataAccessModule } from '@denialmap/server/guidance/data-access';
import { ReferenceDataAccessModule } from '@denialmap/server/reference-data/data-access';
import { CodeFactsAssembler } from './code-facts.assembler';
import { CuratedTipService } from './curated-tip.service';
import { GuidanceResolver } from './guidance.resolver';
import { GuidanceService } from './guidance.service';

/** Billing tips for every code (`billingTips`) and the staff-written ones (`curatedTips` and its mutations). */
@Module({
  imports: [GuidanceDataAccessModule, ReferenceDataAccessModule, DenialsDataAccessModule],
  providers: [CodeFactsAssembler, GuidanceService, CuratedTipService, GuidanceResolver],
})
export class GuidanceModule {}
