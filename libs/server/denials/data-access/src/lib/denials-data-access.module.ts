import { Module } from '@nestjs/common';
import { DenialReportRepository } from './denial-report.repository';
import { DenialStatsRepository } from './denial-stats.repository';
import { OutboxRepository } from './outbox.repository';
import { ReportFlagRepository } from './report-flag.repository';
import { SubmitterKeyRepository } from './submitter-key.repository';

const REPOSITORIES = [DenialReportRepository, OutboxRepository, DenialStatsRepository, SubmitterKeyRepository, ReportFlagRepository];

@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class DenialsDataAccessModule {}
