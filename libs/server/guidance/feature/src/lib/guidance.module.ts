import { Module } from '@nestjs/common';
import { DenialsDataAccessModule } from '@denialmap/server/denials/data-access';
import { GuidanceDataAccessModule } from '@denialmap/server/guidance/data-access';
import { ReferenceDataAccessModule } from '@denialmap/server/reference-data/data-access';
import { CodeFactsAssembler } from './code-facts.assembler';
import { CuratedTipService } from './curated-tip.service';
import { GuidanceResolver } from './guidance.resolver';
import { GuidanceService } from './guidance.service';
import { ToolkitBuilder } from './toolkit/toolkit-builder';
import { ToolkitContactsCsvController, ToolkitDownloadController } from './toolkit/toolkit.controller';
import { ToolkitJobHandler } from './toolkit/toolkit.job-handler';
import { ToolkitResolver } from './toolkit/toolkit.resolver';
import { ToolkitService } from './toolkit/toolkit.service';
import { ToolkitWorker } from './toolkit/toolkit.worker';

const IMPORTS = [GuidanceDataAccessModule, ReferenceDataAccessModule, DenialsDataAccessModule];
/** What builds a toolkit: in the worker, and in the api only when jobs run inline (no Redis). */
const BUILD = [CodeFactsAssembler, GuidanceService, ToolkitBuilder, ToolkitJobHandler];

/**
 * Billing tips for every code (`billingTips`), the staff-written ones (`curatedTips` and its
 * mutations), and the Revenue Protection Toolkit (request, status, download, consented emails).
 */
@Module({
  imports: IMPORTS,
  controllers: [ToolkitDownloadController, ToolkitContactsCsvController],
  providers: [...BUILD, CuratedTipService, GuidanceResolver, ToolkitService, ToolkitResolver],
})
export class GuidanceModule {}

/** The worker side: the toolkit queue's worker. */
@Module({ imports: IMPORTS, providers: [...BUILD, ToolkitWorker] })
export class GuidanceWorkerModule {}
