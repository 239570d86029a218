import type { AuditEntry } from '@denialmap/server/moderation/data-access';

export const AUDIT_CSV_HEADER = ['id', 'at', 'actor_id', 'actor_email', 'action', 'reason', 'report_id', 'code', 'target_id', 'details'] as const;

/**
 * RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula
 * (=, +, -, @, tab, carriage return), since reasons are free text.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsvLine(e: AuditEntry): string {
  return [e.id, e.at.toISOString(), e.actorId, e.actorEmail, e.action, e.reason, e.reportId, e.code, e.targetId, JSON.stringify(e.details)].map(csvCell).join(',') + '\r\n';
}
