import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { RequireRole } from '@denialmap/server/core';
import { AUDIT_ACTIONS, AuditAction } from '@denialmap/server/moderation/data-access';
import { InvalidInputError } from '@denialmap/shared/errors';
import { AUDIT_CSV_HEADER, auditCsvLine } from './audit-csv';
import { AuditLogService, parseAuditDate } from './audit-log.service';

/** GET /exports/audit-log.csv (admins; session cookie or API token): the audit log, streamed. */
@RequireRole('ADMIN')
@Controller('exports')
export class AuditCsvController {
  constructor(private readonly audit: AuditLogService) {}

  @Get('audit-log.csv')
  download(@Res() reply: FastifyReply, @Query('from') from?: string, @Query('to') to?: string, @Query('action') action?: string): FastifyReply {
    if (action && !AUDIT_ACTIONS.includes(action as AuditAction)) throw new InvalidInputError('action', `action is one of ${AUDIT_ACTIONS.join(', ')}.`);
    const entries = this.audit.each({ from: parseAuditDate(from, 'from'), to: parseAuditDate(to, 'to'), action: (action as AuditAction) || null });
    async function* lines() {
      yield AUDIT_CSV_HEADER.join(',') + '\r\n';
      for await (const entry of entries) yield auditCsvLine(entry);
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="denialmap-audit-log-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  }
}
