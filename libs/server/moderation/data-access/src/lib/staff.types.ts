import type { StaffRole } from '@denialmap/server/core';

export type StaffStatus = 'INVITED' | 'ACTIVE' | 'DISABLED';

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  status: StaffStatus;
  createdAt: Date;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
}

/** What sign-in needs; never leaves the auth service. */
export interface StaffLoginRecord extends StaffAccount {
  passwordHash: string | null;
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export interface StaffSessionRecord {
  id: string;
  accountId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface ApiTokenRecord {
  id: string;
  accountId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export const AUDIT_ACTIONS = [
  'STAFF_CREATED_BY_CLI',
  'STAFF_INVITED',
  'STAFF_INVITATION_ACCEPTED',
  'STAFF_DISABLED',
  'STAFF_ENABLED',
  'API_TOKEN_CREATED',
  'API_TOKEN_REVOKED',
  'SESSION_REVOKED',
  'REPORT_APPROVED',
  'REPORT_REJECTED',
  'REPORT_REDACTED',
  'SUBMITTER_BLOCKED',
  'SUBMITTER_UNBLOCKED',
  'TIP_CREATED',
  'TIP_UPDATED',
  'TIP_RETIRED',
  'REFERENCE_FILES_UPLOADED',
  'REFERENCE_RELEASE_ACTIVATED',
  'REFERENCE_RELEASE_DISCARDED',
  'REFERENCE_RELEASE_ROLLED_BACK',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One staff action as the audit log keeps it. `actorId` is null only for the server's CLI. */
export interface NewAuditEntry {
  actorId: string | null;
  actorEmail: string;
  action: AuditAction;
  reason?: string | null;
  reportId?: string | null;
  code?: string | null;
  targetId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditEntry extends Required<Omit<NewAuditEntry, 'details'>> {
  id: string;
  at: Date;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  actorId?: string | null;
  action?: AuditAction | null;
  reportId?: string | null;
  from?: Date | null;
  to?: Date | null;
}
