import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@denialmap/server/core';
import { appendAudit } from '@denialmap/server/moderation/data-access';
import type { TipTopic } from '@denialmap/shared/guidance';
import { CuratedTipContent, CuratedTipRecord, CuratedTipStatus, TipEditor } from './curated-tip.types';

interface TipRow {
  id: string;
  code_from: string;
  code_to: string;
  topic: TipTopic;
  title: string;
  advice: string;
  source: string;
  impact_statement: string | null;
  impact_basis: string | null;
  status: CuratedTipStatus;
  created_by_id: string | null;
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
}

const COLUMNS = Prisma.sql`id::text AS id, code_from, code_to, topic, title, advice, source, impact_statement, impact_basis, status,
  created_by_id::text AS created_by_id, created_at, updated_at, retired_at`;

const toRecord = (r: TipRow): CuratedTipRecord => ({
  id: r.id,
  codeFrom: r.code_from,
  codeTo: r.code_to,
  topic: r.topic,
  title: r.title,
  advice: r.advice,
  source: r.source,
  impactStatement: r.impact_statement,
  impactBasis: r.impact_basis,
  status: r.status,
  createdById: r.created_by_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  retiredAt: r.retired_at,
});

type Tx = Pick<PrismaService, '$queryRaw' | '$executeRaw'>;

/**
 * Tips staff write for a code or a range of codes. Every change commits with its audit entry;
 * a retired tip stays in the table (hidden from pages) so the log's references keep meaning.
 */
@Injectable()
export class CuratedTipRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Active tips whose range includes the code, oldest first. */
  async activeFor(code: string): Promise<CuratedTipRecord[]> {
    const rows = await this.prisma.$queryRaw<TipRow[]>`
      SELECT ${COLUMNS} FROM curated_tip WHERE status = 'ACTIVE' AND code_from <= ${code} AND code_to >= ${code} ORDER BY created_at, id`;
    return rows.map(toRecord);
  }

  /** For staff: tips touching the code (or all), active first, newest first. */
  async list(code: string | null, includeRetired: boolean, limit: number): Promise<CuratedTipRecord[]> {
    const conditions = [Prisma.sql`TRUE`];
    if (code) conditions.push(Prisma.sql`code_from <= ${code} AND code_to >= ${code}`);
    if (!includeRetired) conditions.push(Prisma.sql`status = 'ACTIVE'`);
    const rows = await this.prisma.$queryRaw<TipRow[]>`
      SELECT ${COLUMNS} FROM curated_tip WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY status, updated_at DESC, id LIMIT ${limit}`;
    return rows.map(toRecord);
  }

  async find(id: string): Promise<CuratedTipRecord | null> {
    const rows = await this.prisma.$queryRaw<TipRow[]>`SELECT ${COLUMNS} FROM curated_tip WHERE id = ${id}::uuid`;
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async create(editor: TipEditor, content: CuratedTipContent): Promise<CuratedTipRecord> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<TipRow[]>`
        INSERT INTO curated_tip (id, code_from, code_to, topic, title, advice, source, impact_statement, impact_basis, created_by_id)
        VALUES (gen_random_uuid(), ${content.codeFrom}, ${content.codeTo}, ${content.topic}::"TipTopic", ${content.title}, ${content.advice}, ${content.source},
                ${content.impactStatement}, ${content.impactBasis}, ${editor.id}::uuid)
        RETURNING ${COLUMNS}`;
      await audit(tx, editor, 'TIP_CREATED', toRecord(row), null);
      return toRecord(row);
    });
  }

  /** Replaces the content of an active tip; null when there is none with that id. */
  async update(editor: TipEditor, id: string, content: CuratedTipContent, note: string | null): Promise<CuratedTipRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<TipRow[]>`
        UPDATE curated_tip SET code_from = ${content.codeFrom}, code_to = ${content.codeTo}, topic = ${content.topic}::"TipTopic", title = ${content.title},
               advice = ${content.advice}, source = ${content.source}, impact_statement = ${content.impactStatement}, impact_basis = ${content.impactBasis}, updated_at = now()
        WHERE id = ${id}::uuid AND status = 'ACTIVE'
        RETURNING ${COLUMNS}`;
      if (!row) return null;
      await audit(tx, editor, 'TIP_UPDATED', toRecord(row), note);
      return toRecord(row);
    });
  }

  /** Retires an active tip; null when there is none with that id. */
  async retire(editor: TipEditor, id: string, reason: string): Promise<CuratedTipRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<TipRow[]>`
        UPDATE curated_tip SET status = 'RETIRED', retired_at = now(), updated_at = now() WHERE id = ${id}::uuid AND status = 'ACTIVE' RETURNING ${COLUMNS}`;
      if (!row) return null;
      await audit(tx, editor, 'TIP_RETIRED', toRecord(row), reason);
      return toRecord(row);
    });
  }
}

function audit(tx: Tx, editor: TipEditor, action: 'TIP_CREATED' | 'TIP_UPDATED' | 'TIP_RETIRED', tip: CuratedTipRecord, reason: string | null): Promise<void> {
  return appendAudit(tx, {
    actorId: editor.id,
    actorEmail: editor.email,
    action,
    reason,
    code: tip.codeFrom,
    details: { tipId: tip.id, codeFrom: tip.codeFrom, codeTo: tip.codeTo, title: tip.title, topic: tip.topic, hasImpact: tip.impactStatement !== null },
  });
}
