import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ConnectionShape, RequireRole, toKeysetConnection } from '@denialmap/server/core';
import type { AuditAction } from '@denialmap/server/moderation/data-access';
import { AuditActionEnum, AuditEntryObject, AuditLogConnection } from '../graphql/audit.objects';
import { toAuditObject } from '../graphql/mappers';
import { AuditLogService, parseAuditDate } from './audit-log.service';

@RequireRole('ADMIN')
@Resolver()
export class AuditLogResolver {
  constructor(private readonly audit: AuditLogService) {}

  @Query(() => AuditLogConnection, { description: 'Every staff action, newest first. The same entries download as CSV from /exports/audit-log.csv.' })
  async auditLog(
    @Args('actorId', { type: () => String, nullable: true }) actorId: string | null,
    @Args('action', { type: () => AuditActionEnum, nullable: true }) action: AuditAction | null,
    @Args('reportId', { type: () => String, nullable: true }) reportId: string | null,
    @Args('from', { type: () => String, nullable: true, description: 'ISO date or date-time (inclusive).' }) from: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'ISO date or date-time (exclusive).' }) to: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ConnectionShape<AuditEntryObject>> {
    const filter = { actorId, action, reportId, from: parseAuditDate(from, 'from'), to: parseAuditDate(to, 'to') };
    const { entries, hasNextPage } = await this.audit.page(filter, first ?? null, after ?? null);
    const edges = entries.map((e) => ({ cursor: e.id, node: toAuditObject(e) }));
    // Counting a growing log on every page is wasted work: totalCount is this page's, hasNextPage says whether there is more.
    return toKeysetConnection(edges, { hasNextPage, hasPreviousPage: Boolean(after), totalCount: edges.length });
  }
}
