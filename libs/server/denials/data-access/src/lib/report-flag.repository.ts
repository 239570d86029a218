import { Injectable } from '@nestjs/common';
import { PrismaService } from '@denialmap/server/core';
import type { FlagReason } from '@denialmap/shared/denial-reports';
import { FlagOutcome } from './denial-report.types';
import { OUTBOX_CHANNEL } from './denial-report.repository';

/** Readers' flags. Enough distinct flaggers hold a published report until a moderator decides. */
@Injectable()
export class ReportFlagRepository {
  constructor(private readonly prisma: PrismaService) {}

  async flag(reportId: string, flaggerHash: string, reason: FlagReason, holdAt: number): Promise<FlagOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const reports = await tx.$queryRaw<{ code: string; status: string }[]>`SELECT code, status FROM denial_report WHERE id = ${reportId}::uuid FOR UPDATE`;
      if (reports.length === 0) return { status: 'NOT_FOUND' };
      if (reports[0].status !== 'PUBLISHED') return { status: 'NOT_PUBLISHED' };
      const added = await tx.$executeRaw`
        INSERT INTO report_flag (report_id, flagger_hash, reason) VALUES (${reportId}::uuid, ${flaggerHash}, ${reason}::"FlagReason") ON CONFLICT DO NOTHING`;
      if (added === 0) return { status: 'ALREADY_FLAGGED' };
      // A flag for patient information holds the report at once: it must not stay visible. Flags a
      // moderator has already weighed (reviewed_flag_count) do not count towards holding it again.
      const updated = await tx.$queryRaw<{ held: boolean }[]>`
        UPDATE denial_report SET flag_count = flag_count + 1, updated_at = now(),
          status = CASE WHEN flag_count + 1 - reviewed_flag_count >= ${holdAt} OR ${reason} = 'PATIENT_INFORMATION' THEN 'HELD'::"DenialReportStatus" ELSE status END,
          hold_reason = CASE WHEN flag_count + 1 - reviewed_flag_count >= ${holdAt} OR ${reason} = 'PATIENT_INFORMATION' THEN 'FLAGGED' ELSE hold_reason END
        WHERE id = ${reportId}::uuid RETURNING status = 'HELD' AS held`;
      const held = updated[0].held;
      if (held) {
        await tx.$executeRaw`INSERT INTO outbox_event (kind, code) VALUES ('report-held', ${reports[0].code})`;
        await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${reports[0].code})`;
      }
      return { status: 'FLAGGED', held, code: reports[0].code };
    });
  }
}
