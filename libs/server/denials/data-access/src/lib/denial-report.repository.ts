import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@denialmap/server/core';
import type { ReportFacts } from '@denialmap/shared/denial-stats';
import { yearQuarter } from '@denialmap/shared/denial-reports';
import { NewDenialReport, StoredReport } from './denial-report.types';

/** The channel the outbox relay listens on; NOTIFY is delivered when the report commits. */
export const OUTBOX_CHANNEL = 'denialmap_outbox';

export type FactsRow = {
  submitter_hash: string;
  payer_type: ReportFacts['payerType'];
  group_code: string;
  carc: string;
  rarcs: string[] | null;
  modifiers: string[] | null;
  fix: string | null;
  appeal_level: number | null;
  outcome: ReportFacts['outcome'];
  days_to_resolution: number | null;
  service_year: number;
  service_quarter: number;
};

/** What the stats are computed from: the code's published reports, in a stable order. */
export function publishedFactsQuery(code: string): Prisma.Sql {
  return Prisma.sql`
    SELECT submitter_hash, payer_type, group_code, carc, rarcs, modifiers, fix, appeal_level, outcome, days_to_resolution, service_year, service_quarter
    FROM denial_report WHERE code = ${code} AND status = 'PUBLISHED' ORDER BY id`;
}

export function toFacts(r: FactsRow): ReportFacts {
  return {
    submitter: r.submitter_hash,
    payerType: r.payer_type,
    groupCode: r.group_code,
    carc: r.carc,
    rarcs: r.rarcs ?? [],
    modifiers: r.modifiers ?? [],
    fix: r.fix,
    appealLevel: r.appeal_level,
    outcome: r.outcome,
    daysToResolution: r.days_to_resolution,
    yearQuarter: yearQuarter(r.service_year, r.service_quarter),
  };
}

/** Denial reports. A report and the outbox event announcing it are written in one statement. */
@Injectable()
export class DenialReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Stores the report and its outbox event atomically, and wakes the relay on commit. */
  async insertWithOutbox(r: NewDenialReport): Promise<StoredReport> {
    const rows = await this.prisma.$queryRaw<{ id: string; code: string; status: StoredReport['status']; created_at: Date }[]>`
      WITH report AS (
        INSERT INTO denial_report (
          id, code, modifiers, service_year, service_quarter, payer_type, payer_name, state, place_of_service,
          group_code, carc, rarcs, icd10_codes, denial_category, action_taken, appeal_level, fix, outcome,
          days_to_resolution, narrative, status, hold_reason, submitter_hash, fingerprint, sampled_for_review)
        VALUES (
          gen_random_uuid(), ${r.code}, ${r.modifiers}::varchar[], ${r.serviceYear}::smallint, ${r.serviceQuarter}::smallint,
          ${r.payerType}::"PayerType", ${r.payerName}, ${r.state}, ${r.placeOfService},
          ${r.groupCode}, ${r.carc}, ${r.rarcs}::varchar[], ${r.icd10Codes}::varchar[], ${r.denialCategory}::"DenialCategory",
          ${r.actionTaken}::"ActionTaken", ${r.appealLevel}::smallint, ${r.fix}::"ReportFix", ${r.outcome}::"ReportOutcome",
          ${r.daysToResolution}::smallint, ${r.narrative}, ${r.status}::"DenialReportStatus", ${r.holdReason}, ${r.submitterHash}, ${r.fingerprint}, ${r.sampledForReview})
        RETURNING id, code, status, created_at
      ), event AS (
        INSERT INTO outbox_event (kind, code) SELECT 'report-submitted', code FROM report RETURNING code
      )
      SELECT report.id::text AS id, report.code, report.status, report.created_at, pg_notify(${OUTBOX_CHANNEL}, event.code)::text AS notified
      FROM report, event`;
    const row = rows[0];
    return { id: row.id, code: row.code, status: row.status, createdAt: row.created_at };
  }

  /** True when a report with this fingerprint arrived after `since`. */
  async fingerprintSeen(fingerprint: string, since: Date): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ seen: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM denial_report WHERE fingerprint = ${fingerprint} AND created_at > ${since}) AS seen`;
    return rows[0].seen;
  }

  /** Narratives of the code's recent reports, newest first, for near-duplicate checks. */
  async recentNarratives(code: string, since: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ narrative: string }[]>`
      SELECT narrative FROM denial_report
      WHERE code = ${code} AND narrative IS NOT NULL AND created_at > ${since} AND status <> 'REJECTED'
      ORDER BY created_at DESC LIMIT ${limit}`;
    return rows.map((r) => r.narrative);
  }

  async publishedFacts(code: string): Promise<ReportFacts[]> {
    return (await this.prisma.$queryRaw<FactsRow[]>(publishedFactsQuery(code))).map(toFacts);
  }

  /** Published reports' stories, newest first: the id (to flag it) and the text, nothing else. */
  async publishedStories(code: string, offset: number, limit: number): Promise<{ stories: { id: string; narrative: string }[]; total: number }> {
    const rows = await this.prisma.$queryRaw<{ id: string; narrative: string; total: bigint }[]>`
      SELECT id::text AS id, narrative, count(*) OVER () AS total FROM denial_report
      WHERE code = ${code} AND status = 'PUBLISHED' AND narrative IS NOT NULL
      ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`;
    return { stories: rows.map((r) => ({ id: r.id, narrative: r.narrative })), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async find(id: string): Promise<StoredReport | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows = await this.prisma.$queryRaw<{ id: string; code: string; status: StoredReport['status']; created_at: Date }[]>`
      SELECT id::text AS id, code, status, created_at FROM denial_report WHERE id = ${id}::uuid`;
    return rows[0] ? { id: rows[0].id, code: rows[0].code, status: rows[0].status, createdAt: rows[0].created_at } : null;
  }
}
