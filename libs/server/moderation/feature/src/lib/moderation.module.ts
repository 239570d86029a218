import { Global, Module } from '@nestjs/common';
import { ACTOR_LOOKUP } from '@denialmap/server/core';
import { DenialsDataAccessModule } from '@denialmap/server/denials/data-access';
import { ModerationDataAccessModule } from '@denialmap/server/moderation/data-access';
import { AuditCsvController } from './audit/audit-csv.controller';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { AuditLogService } from './audit/audit-log.service';
import { StaffActorLookup } from './auth/staff-actor.lookup';
import { StaffAuthResolver } from './auth/staff-auth.resolver';
import { StaffAuthService } from './auth/staff-auth.service';
import { ModerationResolver } from './moderation/moderation.resolver';
import { ModerationService } from './moderation/moderation.service';
import { StaffAdminResolver } from './staff/staff-admin.resolver';
import { StaffAdminService } from './staff/staff-admin.service';

/**
 * Staff accounts, sessions and API tokens; the moderation queue and its actions; the audit log.
 * Global only to hand ACTOR_LOOKUP to core's access guard (without this module every caller is
 * anonymous and every staff operation stays closed).
 */
@Global()
@Module({
  imports: [ModerationDataAccessModule, DenialsDataAccessModule],
  controllers: [AuditCsvController],
  providers: [
    StaffActorLookup,
    { provide: ACTOR_LOOKUP, useExisting: StaffActorLookup },
    StaffAuthService,
    StaffAuthResolver,
    StaffAdminService,
    StaffAdminResolver,
    ModerationService,
    ModerationResolver,
    AuditLogService,
    AuditLogResolver,
  ],
  exports: [ACTOR_LOOKUP],
})
export class ModerationModule {}

/** For the server CLI (`npm run admin:create`): accounts without GraphQL. */
@Module({
  imports: [ModerationDataAccessModule],
  providers: [StaffAdminService],
  exports: [StaffAdminService],
})
export class StaffCliModule {}
