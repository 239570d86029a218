export * from './lib/staff.types';
export * from './lib/moderation.types';
export * from './lib/audit-log.repository';
export * from './lib/staff-account.repository';
export * from './lib/staff-credential.repository';
export * from './lib/moderation-queue.repository';
export * from './lib/submitter-block.repository';
export * from './lib/moderation-data-access.module';
