import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@denialmap/server/core';
import { AdjustmentCodeView, CodeSearchHit, GroupCodeView, Icd10View, ModifierView, ReportCodeFacts } from './code-set.types';

const isoDate = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

type AdjustmentRow = { code: string; description: string; usage: string | null; notes: string | null; start_date: Date | null; last_modified: Date | null; stop_date: Date | null };

const toAdjustment = (r: AdjustmentRow): AdjustmentCodeView => ({
  code: r.code,
  description: r.description,
  usage: r.usage,
  notes: r.notes,
  startDate: isoDate(r.start_date),
  lastModified: isoDate(r.last_modified),
  stopDate: isoDate(r.stop_date),
});

/** Words safe to put in LIKE and regex patterns: letters, digits and hyphens only. */
export function searchWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z0-9-]/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** Reads of the code lists (CARC, RARC, group codes, modifiers, ICD-10-CM) and code search. */
@Injectable()
export class CodeSetRepository {
  constructor(private readonly prisma: PrismaService) {}

  async adjustmentCode(list: 'carc' | 'rarc', code: string): Promise<AdjustmentCodeView | null> {
    const table = list === 'carc' ? Prisma.sql`x12_carc` : Prisma.sql`x12_rarc`;
    const rows = await this.prisma.$queryRaw<AdjustmentRow[]>`
      SELECT code, description, usage, notes, start_date, last_modified, stop_date FROM ${table} WHERE code = ${code} ORDER BY start_date DESC NULLS LAST LIMIT 1`;
    return rows[0] ? toAdjustment(rows[0]) : null;
  }

  async groupCodes(): Promise<GroupCodeView[]> {
    return this.prisma.$queryRaw<GroupCodeView[]>`SELECT code, description FROM x12_group_code ORDER BY code`;
  }

  async modifiers(): Promise<ModifierView[]> {
    return this.prisma.$queryRaw<ModifierView[]>`
      SELECT modifier, modifier_type AS "modifierType", category, description, information_level2 AS "informationLevel2"
      FROM modifier ORDER BY modifier_type, modifier, category`;
  }

  async icd10(code: string): Promise<Icd10View | null> {
    const rows = await this.prisma.$queryRaw<Icd10View[]>`
      SELECT code, billable, description, chapter_name AS "chapterName", category_title AS "categoryTitle" FROM icd10_cm WHERE code = ${code} LIMIT 1`;
    return rows[0] ?? null;
  }

  /** By code prefix (K11, K11.5) or by every word of the description; billable codes first. */
  async searchIcd10(query: string, offset: number, limit: number): Promise<{ hits: Icd10View[]; total: number }> {
    const q = query.trim().toUpperCase();
    const condition = /^[A-Z]\d[0-9A-Z]?(\.[0-9A-Z]{0,4})?$/.test(q)
      ? Prisma.sql`code LIKE ${`${q}%`}`
      : Prisma.join(
          searchWords(query).map((w) => Prisma.sql`description ILIKE ${`%${w}%`}`),
          ' AND ',
        );
    if (searchWords(query).length === 0) return { hits: [], total: 0 };
    const rows = await this.prisma.$queryRaw<(Icd10View & { total: bigint })[]>`
      SELECT code, billable, description, chapter_name AS "chapterName", category_title AS "categoryTitle", count(*) OVER () AS total
      FROM icd10_cm WHERE ${condition}
      ORDER BY billable DESC, length(code), code LIMIT ${limit} OFFSET ${offset}`;
    return { hits: rows.map(({ total: _total, ...hit }) => hit), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /**
   * Codes of a fee schedule release plus HCPCS Level II codes it does not price. A code-like
   * query matches by prefix (exact first); otherwise every word must appear in a descriptor, and
   * words that start a descriptor word, payable codes and shorter descriptors rank first.
   */
  async searchCodes(releaseId: string, query: string, offset: number, limit: number): Promise<{ hits: CodeSearchHit[]; total: number }> {
    const q = query.trim().toUpperCase();
    const codeLike = /^[0-9A-Z]{1,5}$/.test(q) && /\d/.test(q);
    const words = searchWords(query);
    if (!codeLike && words.length === 0) return { hits: [], total: 0 };
    const matches = codeLike
      ? Prisma.sql`code LIKE ${`${q}%`}`
      : Prisma.join(
          words.map((w) => Prisma.sql`(short_descriptor ILIKE ${`%${w}%`} OR coalesce(long_descriptor, '') ILIKE ${`%${w}%`})`),
          ' AND ',
        );
    const order = codeLike
      ? Prisma.sql`(code = ${q}) DESC, code`
      : Prisma.sql`(${Prisma.join(
          words.map((w) => Prisma.sql`(CASE WHEN short_descriptor ~* ${`\\m${w}`} THEN 1 ELSE 0 END)`),
          ' + ',
        )}) DESC, (status_code IN ('A', 'R', 'T')) DESC NULLS LAST, length(short_descriptor), code`;
    const rows = await this.prisma.$queryRaw<(CodeSearchHit & { total: bigint })[]>`
      WITH candidates AS (
        SELECT r.hcpcs AS code, r.description AS short_descriptor, h.long_description AS long_descriptor, r.status_code
        FROM rvu_row r LEFT JOIN hcpcs_level2 h ON h.code = r.hcpcs
        WHERE r.release_id = ${releaseId} AND r.modifier = ''
        UNION ALL
        SELECT h.code, coalesce(h.short_description, h.long_description), h.long_description, NULL
        FROM hcpcs_level2 h
        WHERE h.terminated_on IS NULL AND NOT EXISTS (SELECT 1 FROM rvu_row r WHERE r.release_id = ${releaseId} AND r.hcpcs = h.code)
      )
      SELECT code, short_descriptor AS "shortDescriptor", long_descriptor AS "longDescriptor", status_code AS "statusCode",
             CASE WHEN code ~ '^[0-9]' THEN 'CPT' ELSE 'HCPCS_LEVEL_II' END AS level, count(*) OVER () AS total
      FROM candidates WHERE ${matches}
      ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset}`;
    return { hits: rows.map(({ total: _total, ...hit }) => hit), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** Everything a denial report's codes must be checked against, in one round trip. */
  async reportCodeFacts(q: { code: string; modifiers: string[]; carc: string; rarcs: string[]; icd10Codes: string[] }): Promise<ReportCodeFacts> {
    const rows = await this.prisma.$queryRaw<
      { code_known: boolean; modifiers: string[] | null; carc: { code: string; stop_date: string | null } | null; rarcs: { code: string; stop_date: string | null }[] | null; icd10: { code: string; billable: boolean }[] | null }[]
    >`
      SELECT
        EXISTS (SELECT 1 FROM rvu_row WHERE hcpcs = ${q.code}) OR EXISTS (SELECT 1 FROM hcpcs_level2 WHERE code = ${q.code}) AS code_known,
        (SELECT array_agg(DISTINCT modifier) FROM modifier WHERE modifier = ANY(${q.modifiers}::text[])) AS modifiers,
        (SELECT json_build_object('code', code, 'stop_date', stop_date) FROM x12_carc WHERE code = ${q.carc} ORDER BY start_date DESC NULLS LAST LIMIT 1) AS carc,
        (SELECT json_agg(json_build_object('code', code, 'stop_date', stop_date)) FROM x12_rarc WHERE code = ANY(${q.rarcs}::text[])) AS rarcs,
        (SELECT json_agg(json_build_object('code', code, 'billable', billable)) FROM icd10_cm WHERE code = ANY(${q.icd10Codes}::text[])) AS icd10`;
    const r = rows[0];
    return {
      codeKnown: r.code_known,
      knownModifiers: r.modifiers ?? [],
      carc: r.carc ? { code: r.carc.code, stopDate: r.carc.stop_date } : null,
      rarcs: (r.rarcs ?? []).map((x) => ({ code: x.code, stopDate: x.stop_date })),
      icd10: r.icd10 ?? [],
    };
  }

  async hcpcsLongDescription(code: string): Promise<string | null> {
    const rows = await this.prisma.$queryRaw<{ long_description: string }[]>`SELECT long_description FROM hcpcs_level2 WHERE code = ${code} LIMIT 1`;
    return rows[0]?.long_description ?? null;
  }
}
