import { csvLine } from '@denialmap/server/core';
import type { AuditEntry } from '@denialmap/server/moderation/data-access';

export const AUDIT_CSV_HEADER = ['id', 'at', 'actor_id', 'actor_email', 'action', 'reason', 'report_id', 'code', 'target_id', 'details'] as const;

export function auditCsvLine(e: AuditEntry): string {
  return csvLine([e.id, e.at.toISOString(), e.actorId, e.actorEmail, e.action, e.reason, e.reportId, e.code, e.targetId, JSON.stringify(e.details)]);
}
