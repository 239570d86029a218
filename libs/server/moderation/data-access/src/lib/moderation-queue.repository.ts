import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@denialmap/server/core';
import { OUTBOX_CHANNEL } from '@denialmap/server/denials/data-access';
import { appendAudit } from './audit-log.repository';
import { DecisionOutcome, ModerationReport, QueueCursor, QueueFilter, QueueOrder, QueueReason, ReportStatus } from './moderation.types';
import { NewAuditEntry } from './staff.types';

type Tx = Prisma.TransactionClient;

/** SQL for the reasons a report is queued; a report with none is not in the queue. */
const REASONS_SQL = Prisma.sql`array_remove(ARRAY[
    CASE WHEN r.status = 'HELD' AND coalesce(r.hold_reason, '') <> 'FLAGGED' THEN 'HELD_BY_CHECKS' END,
    CASE WHEN r.flag_count > r.reviewed_flag_count AND r.status <> 'REJECTED' THEN 'FLAGGED' END,
    CASE WHEN r.sampled_for_review AND r.reviewed_at IS NULL AND r.status = 'PUBLISHED' THEN 'SAMPLED' END
  ], NULL)`;

const DETAIL_SQL = Prisma.sql`
  SELECT r.id::text AS id, r.code, r.status, r.hold_reason, ${REASONS_SQL} AS queue_reasons, r.modifiers, r.service_year, r.service_quarter,
    r.payer_type, r.payer_name, r.state, r.place_of_service, r.group_code, r.carc, r.rarcs, r.icd10_codes, r.denial_category,
    r.action_taken, r.appeal_level, r.fix, r.outcome, r.days_to_resolution, r.narrative, r.flag_count,
    r.flag_count - r.reviewed_flag_count AS unseen_flags, r.submitter_hash, r.rejection_reason, r.reviewed_at, r.created_at,
    (SELECT coalesce(json_agg(json_build_object('reason', f.reason, 'count', f.n) ORDER BY f.n DESC, f.reason), '[]'::json)
       FROM (SELECT reason, count(*)::int AS n FROM report_flag WHERE report_id = r.id GROUP BY reason) f) AS flag_reasons,
    (SELECT count(*)::int FROM denial_report o WHERE o.submitter_hash = r.submitter_hash) AS submitter_reports,
    (SELECT max(b.blocked_until) FROM submitter_block b WHERE b.submitter_hash = r.submitter_hash AND b.lifted_at IS NULL AND b.blocked_until > now()) AS blocked_until
  FROM denial_report r`;

interface DetailRow {
  id: string;
  code: string;
  status: ReportStatus;
  hold_reason: string | null;
  queue_reasons: QueueReason[];
  modifiers: string[] | null;
  service_year: number;
  service_quarter: number;
  payer_type: string;
  payer_name: string | null;
  state: string | null;
  place_of_service: string | null;
  group_code: string;
  carc: string;
  rarcs: string[] | null;
  icd10_codes: string[] | null;
  denial_category: string;
  action_taken: string;
  appeal_level: number | null;
  fix: string | null;
  outcome: string;
  days_to_resolution: number | null;
  narrative: string | null;
  flag_count: number;
  unseen_flags: number;
  flag_reasons: { reason: string; count: number }[];
  submitter_hash: string;
  submitter_reports: number;
  blocked_until: Date | null;
  rejection_reason: string | null;
  reviewed_at: Date | null;
  created_at: Date;
}

const toReport = (r: DetailRow): ModerationReport => ({
  id: r.id,
  code: r.code,
  status: r.status,
  holdReason: r.hold_reason,
  queueReasons: r.queue_reasons,
  modifiers: r.modifiers ?? [],
  serviceYear: r.service_year,
  serviceQuarter: r.service_quarter,
  payerType: r.payer_type,
  payerName: r.payer_name,
  state: r.state,
  placeOfService: r.place_of_service,
  groupCode: r.group_code,
  carc: r.carc,
  rarcs: r.rarcs ?? [],
  icd10Codes: r.icd10_codes ?? [],
  denialCategory: r.denial_category,
  actionTaken: r.action_taken,
  appealLevel: r.appeal_level,
  fix: r.fix,
  outcome: r.outcome,
  daysToResolution: r.days_to_resolution,
  narrative: r.narrative,
  flagCount: r.flag_count,
  unseenFlags: r.unseen_flags,
  flagReasons: r.flag_reasons,
  submitterRef: r.submitter_hash.slice(0, 8),
  submitterReports: r.submitter_reports,
  submitterBlockedUntil: r.blocked_until,
  rejectionReason: r.rejection_reason,
  reviewedAt: r.reviewed_at,
  createdAt: r.created_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The moderation queue and the decisions on it. Every decision changes the report, writes an
 * outbox event (so the code's stats are recomputed) and its audit entry in one transaction.
 */
@Injectable()
export class ModerationQueueRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(filter: QueueFilter, order: QueueOrder, after: QueueCursor | null, limit: number): Promise<{ items: ModerationReport[]; total: number }> {
    const where = [Prisma.sql`cardinality(${REASONS_SQL}) > 0`];
    if (filter.status) where.push(Prisma.sql`r.status = ${filter.status}::"DenialReportStatus"`);
    if (filter.code) where.push(Prisma.sql`r.code = ${filter.code}`);
    if (filter.reason) where.push(Prisma.sql`${filter.reason} = ANY(${REASONS_SQL})`);
    const total = await this.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM denial_report r WHERE ${Prisma.join(where, ' AND ')}`;
    if (after) {
      where.push(
        order === 'MOST_FLAGGED'
          ? Prisma.sql`(r.flag_count - r.reviewed_flag_count, r.created_at, r.id) < (${after.unseenFlags}, ${after.createdAt}, ${after.id}::uuid)`
          : Prisma.sql`(r.created_at, r.id) < (${after.createdAt}, ${after.id}::uuid)`,
      );
    }
    const orderBy = order === 'MOST_FLAGGED' ? Prisma.sql`r.flag_count - r.reviewed_flag_count DESC, r.created_at DESC, r.id DESC` : Prisma.sql`r.created_at DESC, r.id DESC`;
    const rows = await this.prisma.$queryRaw<DetailRow[]>`${DETAIL_SQL} WHERE ${Prisma.join(where, ' AND ')} ORDER BY ${orderBy} LIMIT ${limit}`;
    return { items: rows.map(toReport), total: total[0].n };
  }

  async find(id: string): Promise<ModerationReport | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.prisma.$queryRaw<DetailRow[]>`${DETAIL_SQL} WHERE r.id = ${id}::uuid`;
    return rows[0] ? toReport(rows[0]) : null;
  }

  /** Publishes the report (again) and marks every flag so far as seen. */
  approve(id: string, audit: (r: ModerationReport) => NewAuditEntry): Promise<DecisionOutcome> {
    return this.decide(id, audit, async (tx) => {
      await tx.$executeRaw`UPDATE denial_report SET status = 'PUBLISHED', hold_reason = NULL, rejection_reason = NULL,
        reviewed_flag_count = flag_count, reviewed_at = now(), updated_at = now() WHERE id = ${id}::uuid`;
      return null;
    });
  }

  reject(id: string, reason: string, audit: (r: ModerationReport) => NewAuditEntry): Promise<DecisionOutcome> {
    return this.decide(id, audit, async (tx) => {
      await tx.$executeRaw`UPDATE denial_report SET status = 'REJECTED', hold_reason = NULL, rejection_reason = ${reason},
        reviewed_flag_count = flag_count, reviewed_at = now(), updated_at = now() WHERE id = ${id}::uuid`;
      return null;
    });
  }

  /**
   * Replaces the narrative with `redact(before)`'s text; the old text is overwritten, not kept.
   * `redact` may refuse (e.g. the new text adds words), and then nothing changes.
   */
  redact(id: string, redact: (before: string | null) => { narrative: string | null } | { field: string; message: string }, audit: (r: ModerationReport, before: string | null) => NewAuditEntry): Promise<DecisionOutcome> {
    let before: string | null = null;
    return this.decide(
      id,
      (r) => audit(r, before),
      async (tx, current) => {
        before = current.narrative;
        const result = redact(current.narrative);
        if ('field' in result) return result;
        await tx.$executeRaw`UPDATE denial_report SET narrative = ${result.narrative}, updated_at = now() WHERE id = ${id}::uuid`;
        return null;
      },
    );
  }

  private async decide(
    id: string,
    audit: (r: ModerationReport) => NewAuditEntry,
    change: (tx: Tx, current: ModerationReport) => Promise<{ field: string; message: string } | null>,
  ): Promise<DecisionOutcome> {
    if (!UUID.test(id)) return { status: 'NOT_FOUND' };
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM denial_report WHERE id = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) return { status: 'NOT_FOUND' } as const;
      const current = toReport((await tx.$queryRaw<DetailRow[]>`${DETAIL_SQL} WHERE r.id = ${id}::uuid`)[0]);
      const refused = await change(tx, current);
      if (refused) return { status: 'REFUSED', ...refused } as const;
      const after = toReport((await tx.$queryRaw<DetailRow[]>`${DETAIL_SQL} WHERE r.id = ${id}::uuid`)[0]);
      await tx.$executeRaw`INSERT INTO outbox_event (kind, code) VALUES ('report-moderated', ${after.code})`;
      await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${after.code})`;
      await appendAudit(tx, audit(after));
      return { status: 'DONE', report: after } as const;
    });
  }
}
