import type { ApiTokenRecord, AuditEntry, ModerationReport, StaffAccount, SubmitterBlock } from '@denialmap/server/moderation/data-access';
import { AuditEntryObject } from './audit.objects';
import { ModeratedReportStatusEnum, ModerationReportObject, QueueReasonEnum, SubmitterBlockObject } from './moderation.objects';
import { ApiTokenObject, StaffAccountObject, StaffRoleEnum, StaffStatusEnum } from './staff.objects';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toStaffObject = (a: StaffAccount): StaffAccountObject => ({
  id: a.id,
  email: a.email,
  displayName: a.displayName,
  role: a.role as StaffRoleEnum,
  status: a.status as StaffStatusEnum,
  createdAt: a.createdAt.toISOString(),
  lastLoginAt: iso(a.lastLoginAt),
  disabledAt: iso(a.disabledAt),
});

export const toApiTokenObject = (t: ApiTokenRecord): ApiTokenObject => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  expiresAt: iso(t.expiresAt),
  revokedAt: iso(t.revokedAt),
});

export const toModerationReportObject = (r: ModerationReport): ModerationReportObject => ({
  ...r,
  status: r.status as ModeratedReportStatusEnum,
  queueReasons: r.queueReasons as QueueReasonEnum[],
  serviceQuarter: `${r.serviceYear}Q${r.serviceQuarter}`,
  submitterBlockedUntil: iso(r.submitterBlockedUntil),
  reviewedAt: iso(r.reviewedAt),
  createdAt: r.createdAt.toISOString(),
});

export const toBlockObject = (b: SubmitterBlock): SubmitterBlockObject => ({
  id: b.id,
  submitterRef: b.submitterRef,
  blockedUntil: b.blockedUntil.toISOString(),
  reason: b.reason,
  createdAt: b.createdAt.toISOString(),
  liftedAt: iso(b.liftedAt),
});

export const toAuditObject = (e: AuditEntry): AuditEntryObject => ({
  id: e.id,
  at: e.at.toISOString(),
  actorId: e.actorId,
  actorEmail: e.actorEmail,
  action: e.action,
  reason: e.reason,
  reportId: e.reportId,
  code: e.code,
  targetId: e.targetId,
  details: JSON.stringify(e.details),
});
