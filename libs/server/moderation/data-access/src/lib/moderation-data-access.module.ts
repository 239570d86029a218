import { Module } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository';
import { ModerationQueueRepository } from './moderation-queue.repository';
import { StaffAccountRepository } from './staff-account.repository';
import { StaffCredentialRepository } from './staff-credential.repository';
import { SubmitterBlockRepository } from './submitter-block.repository';

const REPOSITORIES = [StaffAccountRepository, StaffCredentialRepository, AuditLogRepository, ModerationQueueRepository, SubmitterBlockRepository];

@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class ModerationDataAccessModule {}
