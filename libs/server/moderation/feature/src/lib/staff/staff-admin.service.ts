import { Injectable } from '@nestjs/common';
import { StaffActor, StaffRole } from '@denialmap/server/core';
import { StaffAccount, StaffAccountRepository } from '@denialmap/server/moderation/data-access';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { emailProblem, normaliseEmail } from '../auth/password';
import { newSecret } from '../auth/secret-token';

const INVITATION_DAYS = 7;

export interface Invitation {
  account: StaffAccount;
  token: string;
  expiresAt: Date;
}

function displayNameOf(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 1 || trimmed.length > 80) throw new InvalidInputError('displayName', 'A display name has 1 to 80 characters.');
  return trimmed;
}

/** Admins invite, disable and re-enable staff. Every step is in the audit log. */
@Injectable()
export class StaffAdminService {
  constructor(private readonly accounts: StaffAccountRepository) {}

  list(): Promise<StaffAccount[]> {
    return this.accounts.list();
  }

  async invite(actor: StaffActor, emailInput: string, displayName: string, role: StaffRole, now = new Date()): Promise<Invitation> {
    const email = normaliseEmail(emailInput);
    const problem = emailProblem(email);
    if (problem) throw new InvalidInputError('email', problem);
    const { token, hash } = newSecret('');
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const outcome = await this.accounts.create(
      { email, displayName: displayNameOf(displayName), role, status: 'INVITED', inviteTokenHash: hash, inviteExpiresAt: expiresAt, invitedById: actor.accountId },
      (created) => ({ actorId: actor.accountId, actorEmail: actor.email, action: 'STAFF_INVITED', targetId: created.id, details: { email, role } }),
    );
    if (!outcome.created) throw new InvalidInputError('email', 'There is already a staff account with this email.');
    return { account: outcome.account, token, expiresAt };
  }

  async setEnabled(actor: StaffActor, accountId: string, enabled: boolean, reason: string, now = new Date()): Promise<StaffAccount> {
    const why = reason.trim();
    if (!enabled && (why.length < 3 || why.length > 500)) throw new InvalidInputError('reason', 'Say why (3 to 500 characters); it goes in the audit log.');
    if (!enabled && accountId === actor.accountId) throw new ForbiddenError('You cannot disable your own account; ask another admin.');
    const target = await this.accounts.find(accountId);
    if (!target) throw new NotFoundError('StaffAccount', accountId);
    if (!enabled && target.role === 'ADMIN' && (await this.accounts.countAdmins()) <= 1) throw new ForbiddenError('This is the last active admin.');
    const updated = await this.accounts.setEnabled(
      accountId,
      enabled,
      { actorId: actor.accountId, actorEmail: actor.email, action: enabled ? 'STAFF_ENABLED' : 'STAFF_DISABLED', targetId: accountId, reason: why || null, details: { email: target.email } },
      now,
    );
    if (!updated) throw new InvalidInputError('accountId', 'An invited account that has not accepted cannot be disabled or enabled.');
    return updated;
  }

  /** The first admin, from the server's shell (`npm run admin:create`): no default password ever exists. */
  async createFromCli(emailInput: string, displayName: string, passwordHash: string): Promise<StaffAccount> {
    const email = normaliseEmail(emailInput);
    const problem = emailProblem(email);
    if (problem) throw new InvalidInputError('email', problem);
    const outcome = await this.accounts.create({ email, displayName: displayNameOf(displayName), role: 'ADMIN', status: 'ACTIVE', passwordHash }, (created) => ({
      actorId: null,
      actorEmail: 'cli',
      action: 'STAFF_CREATED_BY_CLI',
      targetId: created.id,
      details: { email, role: 'ADMIN' },
    }));
    if (!outcome.created) throw new InvalidInputError('email', 'There is already a staff account with this email.');
    return outcome.account;
  }
}
