import { Module } from '@nestjs/common';
import { ReferenceDataAccessModule } from '@denialmap/server/reference-data/data-access';
import { CodeResolver } from './code.resolver';
import { CodeService } from './code.service';
import { CodeSetsResolver } from './code-sets.resolver';
import { CodeSetsService } from './code-sets.service';
import { LocalityResolver } from './locality.resolver';
import { LocalityService } from './locality.service';
import { NcciResolver } from './ncci.resolver';
import { NcciService } from './ncci.service';
import { ReferenceDataJobHandler } from './jobs/reference-data.job-handler';
import { ReferenceDataBootstrap } from './reference-data.bootstrap';
import { ReferenceAnswers } from './reference-answers';
import { ReferenceUploadController } from './uploads/reference-upload.controller';
import { ReferenceUploadsResolver } from './uploads/reference-uploads.resolver';
import { ReferenceUploadsService } from './uploads/reference-uploads.service';
import { DataFreshnessReadiness } from './freshness/data-freshness.readiness';
import { DataFreshnessResolver } from './freshness/data-freshness.resolver';
import { DataFreshnessService } from './freshness/data-freshness.service';

/** The api side: code lookups, first-run loading, readiness. Registers the job handler for inline mode. */
@Module({
  imports: [ReferenceDataAccessModule],
  providers: [CodeService, CodeResolver, LocalityService, LocalityResolver, CodeSetsService, CodeSetsResolver, NcciService, NcciResolver, ReferenceDataBootstrap, ReferenceDataJobHandler, ReferenceAnswers, ReferenceUploadsService, ReferenceUploadsResolver, DataFreshnessService, DataFreshnessResolver, DataFreshnessReadiness],
  controllers: [ReferenceUploadController],
})
export class ReferenceDataModule {}
