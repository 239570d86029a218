import { Injectable } from '@nestjs/common';
import { PrismaService, StaffRole } from '@denialmap/server/core';
import { appendAudit } from './audit-log.repository';
import { NewAuditEntry, StaffAccount, StaffLoginRecord, StaffStatus } from './staff.types';

const PUBLIC_FIELDS = { id: true, email: true, displayName: true, role: true, status: true, createdAt: true, lastLoginAt: true, disabledAt: true } as const;

export type CreateAccountOutcome = { created: true; account: StaffAccount } | { created: false; reason: 'EMAIL_TAKEN' };

/** Staff accounts. Every change that is a staff action writes its audit entry in the same transaction. */
@Injectable()
export class StaffAccountRepository {
  constructor(private readonly prisma: PrismaService) {}

  async find(id: string): Promise<StaffAccount | null> {
    return this.prisma.staffAccount.findUnique({ where: { id }, select: PUBLIC_FIELDS });
  }

  /** The invited account an unexpired invitation token (as its hash) belongs to. */
  async byInvitation(inviteTokenHash: string, now: Date): Promise<StaffAccount | null> {
    return this.prisma.staffAccount.findFirst({ where: { inviteTokenHash, status: 'INVITED', inviteExpiresAt: { gt: now } }, select: PUBLIC_FIELDS });
  }

  async forLogin(email: string): Promise<StaffLoginRecord | null> {
    return this.prisma.staffAccount.findUnique({
      where: { email },
      select: { ...PUBLIC_FIELDS, passwordHash: true, failedLoginCount: true, lockedUntil: true },
    });
  }

  async list(): Promise<StaffAccount[]> {
    return this.prisma.staffAccount.findMany({ select: PUBLIC_FIELDS, orderBy: [{ status: 'asc' }, { email: 'asc' }] });
  }

  async countAdmins(): Promise<number> {
    return this.prisma.staffAccount.count({ where: { role: 'ADMIN', status: 'ACTIVE' } });
  }

  /** A new account: ACTIVE with a password (CLI), or INVITED with a one-time token's hash. */
  async create(
    account: { email: string; displayName: string; role: StaffRole; status: StaffStatus; passwordHash?: string; inviteTokenHash?: string; inviteExpiresAt?: Date; invitedById?: string },
    audit: (created: StaffAccount) => NewAuditEntry,
  ): Promise<CreateAccountOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const taken = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM staff_account WHERE email = ${account.email}`;
      if (Number(taken[0].n) > 0) return { created: false, reason: 'EMAIL_TAKEN' } as const;
      const created = await tx.staffAccount.create({ data: account, select: PUBLIC_FIELDS });
      await appendAudit(tx, audit(created));
      return { created: true, account: created } as const;
    });
  }

  /** Accepts an unexpired invitation once: sets the password and activates the account. */
  async acceptInvitation(inviteTokenHash: string, passwordHash: string, now: Date): Promise<StaffAccount | null> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE staff_account SET status = 'ACTIVE', password_hash = ${passwordHash}, invite_token_hash = NULL, invite_expires_at = NULL
        WHERE invite_token_hash = ${inviteTokenHash} AND status = 'INVITED' AND invite_expires_at > ${now}
        RETURNING id::text AS id`;
      if (rows.length === 0) return null;
      const account = await tx.staffAccount.findUniqueOrThrow({ where: { id: rows[0].id }, select: PUBLIC_FIELDS });
      await appendAudit(tx, { actorId: account.id, actorEmail: account.email, action: 'STAFF_INVITATION_ACCEPTED', targetId: account.id });
      return account;
    });
  }

  /** Counts a failed sign-in; locks the account for `lockFor` ms once `maxFailures` is reached. */
  async recordFailedLogin(id: string, maxFailures: number, lockFor: number, now: Date): Promise<{ lockedUntil: Date | null }> {
    const rows = await this.prisma.$queryRaw<{ locked_until: Date | null }[]>`
      UPDATE staff_account SET
        failed_login_count = CASE WHEN failed_login_count + 1 >= ${maxFailures} THEN 0 ELSE failed_login_count + 1 END,
        locked_until = CASE WHEN failed_login_count + 1 >= ${maxFailures} THEN ${new Date(now.getTime() + lockFor)} ELSE locked_until END
      WHERE id = ${id}::uuid RETURNING locked_until`;
    const lockedUntil = rows[0]?.locked_until ?? null;
    return { lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null };
  }

  async recordLogin(id: string, now: Date): Promise<void> {
    await this.prisma.staffAccount.update({ where: { id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  }

  /** Disables or re-enables; disabling revokes every session and token in the same transaction. */
  async setEnabled(id: string, enabled: boolean, audit: NewAuditEntry, now: Date): Promise<StaffAccount | null> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE staff_account SET status = ${enabled ? 'ACTIVE' : 'DISABLED'}::"StaffStatus", disabled_at = ${enabled ? null : now}
        WHERE id = ${id}::uuid AND status <> 'INVITED' RETURNING id::text AS id`;
      if (rows.length === 0) return null;
      if (!enabled) {
        await tx.$executeRaw`UPDATE staff_session SET revoked_at = ${now} WHERE account_id = ${id}::uuid AND revoked_at IS NULL`;
        await tx.$executeRaw`UPDATE api_token SET revoked_at = ${now} WHERE account_id = ${id}::uuid AND revoked_at IS NULL`;
      }
      await appendAudit(tx, audit);
      return tx.staffAccount.findUniqueOrThrow({ where: { id }, select: PUBLIC_FIELDS });
    });
  }
}
