import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@denialmap/server/core';
import { FEE_SCHEDULE_DATASET_PREFIX } from './fee-schedule-staging';
import { AddOnEditView, DatasetReleaseView, MueView, PtpEditQuery, PtpEditView } from './ncci.types';

/** PTP edits with their rationale phrase, which is stored once in ncci_ptp_rationale. */
const PTP_EDITS = Prisma.sql`ncci_ptp_edit LEFT JOIN ncci_ptp_rationale ON ncci_ptp_rationale.id = ncci_ptp_edit.rationale_id`;

const isoDate = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Reads of the active NCCI tables. They have no Prisma models (the importer swaps them whole),
 * so this repository speaks SQL, with every value passed as a parameter.
 */
@Injectable()
export class NcciRepository {
  constructor(private readonly prisma: PrismaService) {}

  async activeReleases(): Promise<DatasetReleaseView[]> {
    const rows = await this.prisma.referenceDatasetRelease.findMany({
      // Fee schedule releases have their own query (feeScheduleReleases); their records here are for the staff workflow.
      where: { status: 'ACTIVE', NOT: { dataset: { startsWith: FEE_SCHEDULE_DATASET_PREFIX } } },
      orderBy: { dataset: 'asc' },
    });
    return rows.map((r) => ({
      id: r.id,
      dataset: r.dataset,
      label: r.label,
      effectiveFrom: isoDate(r.effectiveFrom) as string,
      effectiveTo: isoDate(r.effectiveTo),
      sourceFile: r.sourceFile,
      rowCount: r.rowCount,
      importedAt: r.importedAt,
    }));
  }

  async ptpEdits(query: PtpEditQuery): Promise<{ edits: PtpEditView[]; total: number }> {
    const where: Prisma.Sql[] = [
      query.role === 'COLUMN_1'
        ? Prisma.sql`column_1 = ${query.code}`
        : query.role === 'COLUMN_2'
          ? Prisma.sql`column_2 = ${query.code}`
          : Prisma.sql`(column_1 = ${query.code} OR column_2 = ${query.code})`,
    ];
    if (query.inForceOn) {
      // As isPtpEditInForce: effective through deletion date; indicator 9 (deleted back to its start) never.
      where.push(
        Prisma.sql`(deletion_date IS NULL OR deletion_date >= ${query.inForceOn}::date) AND (effective_date IS NULL OR effective_date <= ${query.inForceOn}::date) AND modifier_indicator <> '9'`,
      );
    }
    if (query.modifierAllowed !== null) {
      where.push(query.modifierAllowed ? Prisma.sql`modifier_indicator = '1'` : Prisma.sql`modifier_indicator <> '1'`);
    }
    const condition = Prisma.join(where, ' AND ');
    const rows = await this.prisma.$queryRaw<
      { column_1: string; column_2: string; effective_date: Date | null; deletion_date: Date | null; modifier_indicator: string; rationale: string | null; total: bigint }[]
    >`SELECT column_1, column_2, effective_date, deletion_date, modifier_indicator, rationale, count(*) OVER () AS total
      FROM ${PTP_EDITS} WHERE ${condition}
      ORDER BY (deletion_date IS NOT NULL), deletion_date DESC NULLS FIRST,
               CASE WHEN column_1 = ${query.code} THEN column_2 ELSE column_1 END, column_1, column_2
      LIMIT ${query.limit} OFFSET ${query.offset}`;
    const total = rows.length > 0 ? Number(rows[0].total) : await this.countPtp(condition, query.offset);
    return {
      total,
      edits: rows.map((r) => ({
        column1: r.column_1,
        column2: r.column_2,
        effectiveDate: isoDate(r.effective_date),
        deletionDate: isoDate(r.deletion_date),
        modifierIndicator: r.modifier_indicator,
        rationale: r.rationale,
      })),
    };
  }

  /** Past the last page the window count is gone; count separately (rare). */
  private async countPtp(condition: Prisma.Sql, offset: number): Promise<number> {
    if (offset === 0) return 0;
    const [row] = await this.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ncci_ptp_edit WHERE ${condition}`;
    return Number(row.n);
  }

  async mue(code: string): Promise<MueView | null> {
    const rows = await this.prisma.$queryRaw<{ hcpcs: string; max_units: number; adjudication_indicator: string; rationale: string | null }[]>`
      SELECT hcpcs, max_units, adjudication_indicator, rationale FROM ncci_mue WHERE hcpcs = ${code} LIMIT 1`;
    return rows[0]
      ? { hcpcs: rows[0].hcpcs, maxUnits: rows[0].max_units, adjudicationIndicator: rows[0].adjudication_indicator, rationale: rows[0].rationale }
      : null;
  }

  /** Edits where the code is the add-on (its primaries) or the primary (add-ons that go with it). */
  async addOnEdits(code: string, role: 'ADD_ON' | 'PRIMARY', limit: number): Promise<{ edits: AddOnEditView[]; total: number }> {
    const column = role === 'ADD_ON' ? Prisma.sql`add_on_code` : Prisma.sql`primary_code`;
    const rows = await this.prisma.$queryRaw<{ primary_code: string; add_on_code: string; edit_type: string; total: bigint }[]>`
      SELECT primary_code, add_on_code, edit_type, count(*) OVER () AS total
      FROM ncci_add_on_edit WHERE ${column} = ${code}
      ORDER BY primary_code, add_on_code LIMIT ${limit}`;
    return {
      total: rows.length > 0 ? Number(rows[0].total) : 0,
      edits: rows.map((r) => ({ primaryCode: r.primary_code, addOnCode: r.add_on_code, editType: r.edit_type })),
    };
  }

  /** The PTP edits whose two codes are both among `codes` (a claim's codes), either direction. */
  async ptpEditsAmong(codes: string[]): Promise<PtpEditView[]> {
    if (codes.length < 2) return [];
    const rows = await this.prisma.$queryRaw<{ column_1: string; column_2: string; effective_date: Date | null; deletion_date: Date | null; modifier_indicator: string; rationale: string | null }[]>`
      SELECT column_1, column_2, effective_date, deletion_date, modifier_indicator, rationale
      FROM ${PTP_EDITS} WHERE column_2 = ANY(${codes}::text[]) AND column_1 = ANY(${codes}::text[])`;
    return rows.map((r) => ({ column1: r.column_1, column2: r.column_2, effectiveDate: isoDate(r.effective_date), deletionDate: isoDate(r.deletion_date), modifierIndicator: r.modifier_indicator, rationale: r.rationale }));
  }

  /** Add-on edits where one of `codes` is the add-on: its primaries and edit type. */
  async addOnEditsFor(codes: string[]): Promise<AddOnEditView[]> {
    if (codes.length === 0) return [];
    const rows = await this.prisma.$queryRaw<{ primary_code: string; add_on_code: string; edit_type: string }[]>`
      SELECT primary_code, add_on_code, edit_type FROM ncci_add_on_edit WHERE add_on_code = ANY(${codes}::text[])`;
    return rows.map((r) => ({ primaryCode: r.primary_code, addOnCode: r.add_on_code, editType: r.edit_type }));
  }
}
