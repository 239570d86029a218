import { Module } from '@nestjs/common';
import { DenialsDataAccessModule } from '@denialmap/server/denials/data-access';
import { ReferenceDataAccessModule } from '@denialmap/server/reference-data/data-access';
import { FlagReportResolver } from './flags/flag-report.resolver';
import { FlagReportService } from './flags/flag-report.service';
import { DenialStatsAggregator } from './pipeline/denial-stats.aggregator';
import { DenialStatsJobHandler } from './pipeline/denial-stats.job-handler';
import { OutboxRelay } from './pipeline/outbox-relay';
import { OutboxSweeper } from './pipeline/outbox-sweeper';
import { PIPELINE_HOST, PipelineHost } from './pipeline/pipeline-host';
import { PipelineReadiness } from './pipeline/pipeline-readiness';
import { ScanTextResolver } from './scan-text.resolver';
import { DenialStatsResolver } from './stats/denial-stats.resolver';
import { DenialStatsService } from './stats/denial-stats.service';
import { SubmissionResolver } from './submission/submission.resolver';
import { SubmitReportService } from './submission/submit-report.service';
import { SubmitterIdentity } from './submission/submitter-identity';

/** The report's path after the api: relay, aggregation, sweeper (in the worker; in the api only without Redis). */
const PIPELINE = [DenialStatsAggregator, DenialStatsJobHandler, OutboxRelay, OutboxSweeper];

/**
 * Community denial reports, api side: submission with the patient-information guard, rate limits
 * and duplicate checks; stats and their live updates; readers' flags; scanText for the form.
 */
@Module({
  imports: [DenialsDataAccessModule, ReferenceDataAccessModule],
  providers: [
    { provide: PIPELINE_HOST, useValue: 'api' satisfies PipelineHost },
    ScanTextResolver,
    SubmitterIdentity,
    SubmitReportService,
    SubmissionResolver,
    DenialStatsService,
    DenialStatsResolver,
    FlagReportService,
    FlagReportResolver,
    PipelineReadiness,
    ...PIPELINE,
  ],
})
export class DenialsModule {}
