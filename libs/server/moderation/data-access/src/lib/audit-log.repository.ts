import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@denialmap/server/core';
import { AuditEntry, AuditFilter, NewAuditEntry } from './staff.types';

type Sql = Pick<PrismaService, '$executeRaw' | '$queryRaw'>;

/** Appends one entry inside the caller's transaction, so an action and its record commit together. */
export async function appendAudit(sql: Sql, entry: NewAuditEntry): Promise<void> {
  await sql.$executeRaw`
    INSERT INTO audit_entry (actor_id, actor_email, action, reason, report_id, code, target_id, details)
    VALUES (${entry.actorId}::uuid, ${entry.actorEmail}, ${entry.action}::"AuditAction", ${entry.reason ?? null},
            ${entry.reportId ?? null}::uuid, ${entry.code ?? null}, ${entry.targetId ?? null}::uuid, ${JSON.stringify(entry.details ?? {})}::jsonb)`;
}

interface AuditRow {
  id: bigint;
  at: Date;
  actor_id: string | null;
  actor_email: string;
  action: AuditEntry['action'];
  reason: string | null;
  report_id: string | null;
  code: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id.toString(),
  at: r.at,
  actorId: r.actor_id,
  actorEmail: r.actor_email,
  action: r.action,
  reason: r.reason,
  reportId: r.report_id,
  code: r.code,
  targetId: r.target_id,
  details: r.details,
});

/**
 * The audit log, read newest first. There is deliberately no update or delete here (and a trigger
 * refuses them in the database).
 */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  append(entry: NewAuditEntry): Promise<void> {
    return appendAudit(this.prisma, entry);
  }

  /** Entries older than the cursor (`beforeId`), newest first. */
  async page(filter: AuditFilter, beforeId: bigint | null, limit: number): Promise<AuditEntry[]> {
    const conditions = [Prisma.sql`TRUE`];
    if (beforeId !== null) conditions.push(Prisma.sql`id < ${beforeId}`);
    if (filter.actorId) conditions.push(Prisma.sql`actor_id = ${filter.actorId}::uuid`);
    if (filter.action) conditions.push(Prisma.sql`action = ${filter.action}::"AuditAction"`);
    if (filter.reportId) conditions.push(Prisma.sql`report_id = ${filter.reportId}::uuid`);
    if (filter.from) conditions.push(Prisma.sql`at >= ${filter.from}`);
    if (filter.to) conditions.push(Prisma.sql`at < ${filter.to}`);
    const rows = await this.prisma.$queryRaw<AuditRow[]>`
      SELECT id, at, actor_id::text AS actor_id, actor_email, action, reason, report_id::text AS report_id, code, target_id::text AS target_id, details
      FROM audit_entry WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY id DESC LIMIT ${limit}`;
    return rows.map(toEntry);
  }

  /** Every matching entry, newest first, a batch at a time (for the CSV export). */
  async *each(filter: AuditFilter, batch = 1000): AsyncGenerator<AuditEntry> {
    let before: bigint | null = null;
    for (;;) {
      const rows = await this.page(filter, before, batch);
      yield* rows;
      if (rows.length < batch) return;
      before = BigInt(rows[rows.length - 1].id);
    }
  }
}
