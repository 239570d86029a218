import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RateLimiter, StaffActor } from '@denialmap/server/core';
import { SubmitterKeyRepository } from '@denialmap/server/denials/data-access';
import { ApiTokenRecord, StaffAccount, StaffAccountRepository, StaffCredentialRepository, StaffSessionRecord } from '@denialmap/server/moderation/data-access';
import { InvalidInputError, NotFoundError, RateLimitedError, UnauthenticatedError } from '@denialmap/shared/errors';
import { decoyHash, hashPassword, normaliseEmail, passwordProblem, verifyPassword } from './password';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './secret-token';

const LOGIN_WINDOW_SECONDS = 15 * 60;
const WRONG = 'The email or password is wrong.';

export interface NewSession {
  account: StaffAccount;
  token: string;
  expiresAt: Date;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/**
 * Sign-in, sessions and API tokens. Failed sign-ins lock the email address after
 * LOGIN_MAX_FAILURES (stored on the account, so every api instance sees it), and each address is
 * limited to LOGIN_ATTEMPTS_PER_ADDRESS attempts per 15 minutes whatever the email; an unknown
 * email costs the same argon2 work as a known one and gets the same answer.
 */
@Injectable()
export class StaffAuthService {
  constructor(
    private readonly accounts: StaffAccountRepository,
    private readonly credentials: StaffCredentialRepository,
    private readonly submitterKeys: SubmitterKeyRepository,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(emailInput: string, password: string, ip: string, now = new Date()): Promise<NewSession> {
    const email = normaliseEmail(emailInput);
    const address = await this.submitterKeys.addressHash('login', ip, now);
    const decision = await this.limiter.consume([{ name: 'login-address', subject: address, limit: this.config.LOGIN_ATTEMPTS_PER_ADDRESS, windowSeconds: LOGIN_WINDOW_SECONDS }], now.getTime());
    if (!decision.allowed) {
      throw new RateLimitedError(`Too many sign-in attempts from this connection. Try again in ${minutes(decision.retryAfterSeconds * 1000)} minutes.`, decision.retryAfterSeconds);
    }
    const account = await this.accounts.forLogin(email);
    if (account?.lockedUntil && account.lockedUntil > now) throw this.locked(account.lockedUntil, now);
    const ok = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
    if (!account || !ok || account.status !== 'ACTIVE') {
      if (account && account.status === 'ACTIVE') {
        const { lockedUntil } = await this.accounts.recordFailedLogin(account.id, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCKOUT_MINUTES * 60_000, now);
        if (lockedUntil) throw this.locked(lockedUntil, now);
      }
      throw new UnauthenticatedError(WRONG);
    }
    await this.accounts.recordLogin(account.id, now);
    return this.startSession(account, now);
  }

  async startSession(account: StaffAccount, now = new Date()): Promise<NewSession> {
    const { token, hash } = newSecret('');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    await this.credentials.createSession(account.id, hash, expiresAt);
    return { account, token, expiresAt };
  }

  /** Sets the password of an invited account (once, before the invitation expires) and signs in. */
  async acceptInvitation(token: string, password: string, now = new Date()): Promise<NewSession> {
    const account = await this.invitedAccount(token, now);
    const problem = passwordProblem(password, account.email);
    if (problem) throw new InvalidInputError('password', problem);
    const accepted = await this.accounts.acceptInvitation(sha256(token.trim()), await hashPassword(password), now);
    if (!accepted) throw new InvalidInputError('token', 'This invitation has expired or was already used. Ask an admin for a new one.');
    return this.startSession(accepted, now);
  }

  async logout(actor: StaffActor | null, now = new Date()): Promise<void> {
    if (actor?.via === 'SESSION') await this.credentials.revokeSession(actor.accountId, actor.credentialId, now, null);
  }

  sessions(actor: StaffActor, now = new Date()): Promise<StaffSessionRecord[]> {
    return this.credentials.sessionsOf(actor.accountId, now);
  }

  async revokeSession(actor: StaffActor, sessionId: string, now = new Date()): Promise<void> {
    const revoked = await this.credentials.revokeSession(actor.accountId, sessionId, now, { actorId: actor.accountId, actorEmail: actor.email, action: 'SESSION_REVOKED', targetId: actor.accountId, details: { sessionId } });
    if (!revoked) throw new NotFoundError('Session', sessionId);
  }

  tokens(actor: StaffActor): Promise<ApiTokenRecord[]> {
    return this.credentials.tokensOf(actor.accountId);
  }

  async createToken(actor: StaffActor, name: string, expiresInDays: number | null, now = new Date()): Promise<{ token: string; record: ApiTokenRecord }> {
    const label = name.trim();
    if (label.length < 1 || label.length > 80) throw new InvalidInputError('name', 'Give the token a name of 1 to 80 characters (what uses it).');
    if (expiresInDays !== null && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 365)) throw new InvalidInputError('expiresInDays', 'A token lasts 1 to 365 days.');
    const { token, hash } = newSecret(API_TOKEN_PREFIX);
    const expiresAt = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000);
    const record = await this.credentials.createToken({ accountId: actor.accountId, name: label, tokenHash: hash, prefix: token.slice(0, 10), expiresAt }, (t) => ({
      actorId: actor.accountId,
      actorEmail: actor.email,
      action: 'API_TOKEN_CREATED',
      targetId: actor.accountId,
      details: { tokenId: t.id, name: t.name, expiresAt: t.expiresAt?.toISOString() ?? null },
    }));
    return { token, record };
  }

  async revokeToken(actor: StaffActor, tokenId: string, now = new Date()): Promise<void> {
    const revoked = await this.credentials.revokeToken(actor.accountId, tokenId, now, { actorId: actor.accountId, actorEmail: actor.email, action: 'API_TOKEN_REVOKED', targetId: actor.accountId, details: { tokenId } });
    if (!revoked) throw new NotFoundError('ApiToken', tokenId);
  }

  private async invitedAccount(token: string, now: Date): Promise<StaffAccount> {
    const account = await this.accounts.byInvitation(sha256(token.trim()), now);
    if (!account) throw new InvalidInputError('token', 'This invitation has expired or was already used. Ask an admin for a new one.');
    return account;
  }

  private locked(until: Date, now: Date): RateLimitedError {
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    return new RateLimitedError(`Too many failed sign-ins for this email. It is locked for ${minutes(seconds * 1000)} more minutes; try again later or ask an admin.`, seconds);
  }
}
