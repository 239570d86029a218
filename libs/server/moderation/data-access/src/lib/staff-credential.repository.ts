import { Injectable } from '@nestjs/common';
import { PrismaService, StaffActor, StaffRole } from '@denialmap/server/core';
import { appendAudit } from './audit-log.repository';
import { ApiTokenRecord, NewAuditEntry, StaffSessionRecord } from './staff.types';

const SESSION_FIELDS = { id: true, accountId: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true } as const;
const TOKEN_FIELDS = { id: true, accountId: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

interface ActorRow {
  credential_id: string;
  account_id: string;
  email: string;
  display_name: string;
  role: StaffRole;
}

const toActor = (row: ActorRow, via: StaffActor['via']): StaffActor => ({
  accountId: row.account_id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  via,
  credentialId: row.credential_id,
});

/** Sessions and API tokens: only SHA-256 hashes of the secrets are stored. */
@Injectable()
export class StaffCredentialRepository {
  constructor(private readonly prisma: PrismaService) {}

  async createSession(accountId: string, tokenHash: string, expiresAt: Date): Promise<StaffSessionRecord> {
    return this.prisma.staffSession.create({ data: { accountId, tokenHash, expiresAt }, select: SESSION_FIELDS });
  }

  /**
   * The actor behind a live session, touching `last_seen_at` (at most once a minute) in the same
   * statement. Expired, idle, revoked or disabled-account sessions give null.
   */
  async actorForSession(tokenHash: string, idleMs: number, now: Date): Promise<StaffActor | null> {
    const rows = await this.prisma.$queryRaw<ActorRow[]>`
      WITH live AS (
        SELECT s.id, s.last_seen_at FROM staff_session s JOIN staff_account a ON a.id = s.account_id
        WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL AND s.expires_at > ${now}
          AND s.last_seen_at > ${new Date(now.getTime() - idleMs)} AND a.status = 'ACTIVE'
      ), touched AS (
        UPDATE staff_session SET last_seen_at = ${now} WHERE id IN (SELECT id FROM live WHERE last_seen_at < ${new Date(now.getTime() - 60_000)})
      )
      SELECT s.id::text AS credential_id, a.id::text AS account_id, a.email, a.display_name, a.role
      FROM live JOIN staff_session s ON s.id = live.id JOIN staff_account a ON a.id = s.account_id`;
    return rows[0] ? toActor(rows[0], 'SESSION') : null;
  }

  async actorForToken(tokenHash: string, now: Date): Promise<StaffActor | null> {
    const rows = await this.prisma.$queryRaw<ActorRow[]>`
      UPDATE api_token t SET last_used_at = ${now}
      FROM staff_account a
      WHERE t.token_hash = ${tokenHash} AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${now})
        AND a.id = t.account_id AND a.status = 'ACTIVE'
      RETURNING t.id::text AS credential_id, a.id::text AS account_id, a.email, a.display_name, a.role`;
    return rows[0] ? toActor(rows[0], 'TOKEN') : null;
  }

  async sessionsOf(accountId: string, now: Date): Promise<StaffSessionRecord[]> {
    return this.prisma.staffSession.findMany({
      where: { accountId, revokedAt: null, expiresAt: { gt: now } },
      select: SESSION_FIELDS,
      orderBy: { createdAt: 'desc' },
    });
  }

  /** Revokes one of the account's sessions; signing out is not audited, revoking another session is. */
  async revokeSession(accountId: string, sessionId: string, now: Date, audit: NewAuditEntry | null): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const n = await tx.$executeRaw`UPDATE staff_session SET revoked_at = ${now} WHERE id = ${sessionId}::uuid AND account_id = ${accountId}::uuid AND revoked_at IS NULL`;
      if (n > 0 && audit) await appendAudit(tx, audit);
      return n > 0;
    });
  }

  async createToken(token: { accountId: string; name: string; tokenHash: string; prefix: string; expiresAt: Date | null }, audit: (t: ApiTokenRecord) => NewAuditEntry): Promise<ApiTokenRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.apiToken.create({ data: token, select: TOKEN_FIELDS });
      await appendAudit(tx, audit(created));
      return created;
    });
  }

  async tokensOf(accountId: string): Promise<ApiTokenRecord[]> {
    return this.prisma.apiToken.findMany({ where: { accountId }, select: TOKEN_FIELDS, orderBy: { createdAt: 'desc' } });
  }

  async revokeToken(accountId: string, tokenId: string, now: Date, audit: NewAuditEntry): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const n = await tx.$executeRaw`UPDATE api_token SET revoked_at = ${now} WHERE id = ${tokenId}::uuid AND account_id = ${accountId}::uuid AND revoked_at IS NULL`;
      if (n > 0) await appendAudit(tx, audit);
      return n > 0;
    });
  }
}
