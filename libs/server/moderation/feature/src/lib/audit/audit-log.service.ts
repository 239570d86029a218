import { Injectable } from '@nestjs/common';
import { pageSize } from '@denialmap/server/core';
import { AuditEntry, AuditFilter, AuditLogRepository } from '@denialmap/server/moderation/data-access';
import { InvalidInputError } from '@denialmap/shared/errors';

export interface AuditQuery extends AuditFilter {
  from?: Date | null;
  to?: Date | null;
}

/** Reads of the audit log for admins: pages for the staff area, every entry for the CSV export. */
@Injectable()
export class AuditLogService {
  constructor(private readonly audit: AuditLogRepository) {}

  async page(filter: AuditFilter, first: number | null, after: string | null): Promise<{ entries: AuditEntry[]; hasNextPage: boolean }> {
    const limit = pageSize(first);
    if (after !== null && !/^[0-9]{1,18}$/.test(after)) throw new InvalidInputError('after', 'after is not a cursor from the audit log.');
    const rows = await this.audit.page(checked(filter), after === null ? null : BigInt(after), limit + 1);
    return { entries: rows.slice(0, limit), hasNextPage: rows.length > limit };
  }

  each(filter: AuditFilter): AsyncGenerator<AuditEntry> {
    return this.audit.each(checked(filter));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checked(filter: AuditFilter): AuditFilter {
  if (filter.actorId && !UUID.test(filter.actorId)) throw new InvalidInputError('actorId', 'actorId is a staff account id.');
  if (filter.reportId && !UUID.test(filter.reportId)) throw new InvalidInputError('reportId', 'reportId is a report id.');
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value && Number.isNaN(value.getTime())) throw new InvalidInputError(field, `${field} is a date like 2026-12-01.`);
  }
  return filter;
}

/** ISO date or date-time from a query string or argument, or null. */
export function parseAuditDate(value: string | null | undefined, field: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new InvalidInputError(field, `${field} is a date like 2026-12-01.`);
  return date;
}
