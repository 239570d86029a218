import { Injectable } from '@nestjs/common';
import { PrismaService } from '@denialmap/server/core';
import { appendAudit } from './audit-log.repository';
import { NewAuditEntry } from './staff.types';

export interface SubmitterBlock {
  id: string;
  submitterRef: string;
  blockedUntil: Date;
  reason: string;
  createdAt: Date;
  liftedAt: Date | null;
}

interface BlockRow {
  id: string;
  submitter_hash: string;
  blocked_until: Date;
  reason: string;
  created_at: Date;
  lifted_at: Date | null;
}

const toBlock = (r: BlockRow): SubmitterBlock => ({
  id: r.id,
  submitterRef: r.submitter_hash.slice(0, 8),
  blockedUntil: r.blocked_until,
  reason: r.reason,
  createdAt: r.created_at,
  liftedAt: r.lifted_at,
});

/**
 * Pauses on anonymous submitters. A block names the report it was made from: its submitter hash
 * and the day whose key made it (that key is then kept until the block ends, see
 * SubmitterKeyRepository.forgetBefore).
 */
@Injectable()
export class SubmitterBlockRepository {
  constructor(private readonly prisma: PrismaService) {}

  async blockFromReport(reportId: string, until: Date, reason: string, createdById: string, audit: (code: string, block: SubmitterBlock) => NewAuditEntry): Promise<SubmitterBlock | null> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<(BlockRow & { code: string })[]>`
        WITH report AS (SELECT submitter_hash, (created_at AT TIME ZONE 'UTC')::date AS key_day, code FROM denial_report WHERE id = ${reportId}::uuid),
        created AS (
          INSERT INTO submitter_block (id, submitter_hash, key_day, blocked_until, reason, created_by_id)
          SELECT gen_random_uuid(), submitter_hash, key_day, ${until}, ${reason}, ${createdById}::uuid FROM report
          RETURNING id::text AS id, submitter_hash, blocked_until, reason, created_at, lifted_at
        )
        SELECT created.*, report.code FROM created, report`;
      if (rows.length === 0) return null;
      const block = toBlock(rows[0]);
      await appendAudit(tx, audit(rows[0].code, block));
      return block;
    });
  }

  async lift(blockId: string, audit: (block: SubmitterBlock) => NewAuditEntry): Promise<SubmitterBlock | null> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<BlockRow[]>`
        UPDATE submitter_block SET lifted_at = now() WHERE id = ${blockId}::uuid AND lifted_at IS NULL
        RETURNING id::text AS id, submitter_hash, blocked_until, reason, created_at, lifted_at`;
      if (rows.length === 0) return null;
      const block = toBlock(rows[0]);
      await appendAudit(tx, audit(block));
      return block;
    });
  }

  async active(now: Date): Promise<SubmitterBlock[]> {
    const rows = await this.prisma.$queryRaw<BlockRow[]>`
      SELECT id::text AS id, submitter_hash, blocked_until, reason, created_at, lifted_at FROM submitter_block
      WHERE lifted_at IS NULL AND blocked_until > ${now} ORDER BY blocked_until DESC`;
    return rows.map(toBlock);
  }
}
