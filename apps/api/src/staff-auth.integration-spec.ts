import { createHash } from 'node:crypto';
import { ApiStack, createAdminWithCli, present, signIn } from './testing/api-stack.testing';

const SIGN_IN = `mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { staff { email role } expiresAt } }`;
const ME = `{ me { email role status } }`;
const ADMIN_PASSWORD = 'the first admin passphrase';

let stack: ApiStack;
let admin: Record<string, string>;
const errorOf = (answer: { errors?: { extensions: Record<string, unknown>; message: string }[] }) => answer.errors?.[0];
const me = async (headers: Record<string, string>) => (await stack.graphql<{ me: { email: string } | null }>(ME, {}, headers)).data?.me ?? null;
/** Other suites share this database (and the audit log can never be emptied): count only this file's entries. */
let suiteStartedAt: Date;
const audit = async (action: string) => stack.count(`SELECT count(*) AS n FROM audit_entry WHERE action = $1::"AuditAction" AND at >= $2`, action, suiteStartedAt);

/** Invites a moderator as the admin and accepts the invitation; returns the moderator's cookie. */
async function moderator(email: string, password = 'moderator passphrase 42'): Promise<{ cookie: string; id: string }> {
  const invite = await stack.graphql<{ inviteStaff: { invitationToken: string; invitationPath: string; staff: { id: string; status: string } } }>(
    `mutation ($e: String!) { inviteStaff(email: $e, displayName: "Mod", role: MODERATOR) { invitationToken invitationPath staff { id status } } }`,
    { e: email },
    admin,
  );
  const { invitationToken, invitationPath, staff } = invite.data.inviteStaff;
  expect(staff.status).toBe('INVITED');
  expect(invitationPath).toBe(`/staff/invitation#token=${invitationToken}`);
  const accepted = await stack.post(`mutation ($t: String!, $p: String!) { acceptStaffInvitation(token: $t, password: $p) { staff { status } } }`, { t: invitationToken, p: password });
  expect(accepted.body.errors).toBeUndefined();
  return { cookie: (accepted.headers.get('set-cookie') ?? '').split(';')[0], id: staff.id };
}

beforeAll(async () => {
  stack = await ApiStack.start({ SESSION_IDLE_MINUTES: '30', LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_MINUTES: '15', LOGIN_ATTEMPTS_PER_ADDRESS: '12' });
  suiteStartedAt = (await stack.prisma.$queryRawUnsafe<{ now: Date }[]>(`SELECT now() AS now`))[0].now;
  const created = createAdminWithCli('First.Admin@example.org', ADMIN_PASSWORD);
  expect(created).toMatchObject({ status: 0 });
  expect(created.stdout).toContain('Created admin first.admin@example.org');
  admin = { cookie: await signIn(stack, 'first.admin@example.org', ADMIN_PASSWORD) };
}, 180_000);
afterAll(() => stack?.stop());

describe('the first admin (npm run admin:create)', () => {
  it('is created from the shell with an argon2id hash, never a default password, and audited', async () => {
    const rows = await stack.prisma.$queryRawUnsafe<{ password_hash: string; role: string }[]>(`SELECT password_hash, role FROM staff_account WHERE email = 'first.admin@example.org'`);
    expect(rows[0].role).toBe('ADMIN');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(ADMIN_PASSWORD);
    expect(await audit('STAFF_CREATED_BY_CLI')).toBe(1);
  });

  it('refuses a weak password and an existing email, creating nothing', async () => {
    expect(createAdminWithCli('weak@example.org', 'short')).toMatchObject({ status: 1, stderr: expect.stringContaining('at least 12') });
    expect(createAdminWithCli('first.admin@example.org', 'another long passphrase')).toMatchObject({ status: 1, stderr: expect.stringContaining('already') });
    expect(await stack.count(`SELECT count(*) AS n FROM staff_account WHERE email IN ('first.admin@example.org', 'weak@example.org')`)).toBe(1);
  });
});

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie holding a secret that is stored only hashed', async () => {
    const answer = await stack.post(SIGN_IN, { e: 'FIRST.ADMIN@example.org ', p: ADMIN_PASSWORD }, { 'x-forwarded-for': '198.51.100.20' });
    expect(answer.body.data).toMatchObject({ signIn: { staff: { email: 'first.admin@example.org', role: 'ADMIN' } } });
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^dm_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const token = cookie.split(';')[0].split('=')[1];
    expect(await stack.count(`SELECT count(*) AS n FROM staff_session WHERE token_hash = $1`, token)).toBe(0);
    expect(await me({ cookie: cookie.split(';')[0] })).toMatchObject({ email: 'first.admin@example.org' });
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    const wrong = errorOf((await stack.post(SIGN_IN, { e: 'first.admin@example.org', p: 'not the password at all' }, { 'x-forwarded-for': '198.51.100.21' })).body);
    const unknown = errorOf((await stack.post(SIGN_IN, { e: 'nobody@example.org', p: 'not the password at all' }, { 'x-forwarded-for': '198.51.100.21' })).body);
    expect(wrong).toMatchObject({ message: 'The email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown).toMatchObject({ message: wrong?.message, extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong?.extensions['requiredRole']).toBeUndefined();
  });

  it('locks an email after 5 failed attempts, even for the right password, until the lockout ends', async () => {
    const mod = await moderator('locked@example.org', 'a patient moderator passphrase');
    expect(await me({ cookie: mod.cookie })).not.toBeNull();
    for (let i = 0; i < 4; i++) {
      expect(errorOf((await stack.post(SIGN_IN, { e: 'locked@example.org', p: `guess number ${i}` }, { 'x-forwarded-for': `198.51.100.${30 + i}` })).body)?.extensions['code']).toBe('UNAUTHENTICATED');
    }
    const fifth = errorOf((await stack.post(SIGN_IN, { e: 'locked@example.org', p: 'guess number 5' }, { 'x-forwarded-for': '198.51.100.35' })).body);
    expect(fifth).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(fifth?.message).toMatch(/locked for 15 more minutes/);
    expect(Number(fifth?.extensions['retryAfterSeconds'])).toBeGreaterThan(800);
    const right = errorOf((await stack.post(SIGN_IN, { e: 'locked@example.org', p: 'a patient moderator passphrase' }, { 'x-forwarded-for': '198.51.100.36' })).body);
    expect(right?.extensions['code']).toBe('RATE_LIMITED');
    // Fifteen minutes later (moved back in the database rather than waited for):
    await stack.prisma.$executeRawUnsafe(`UPDATE staff_account SET locked_until = now() - interval '1 second' WHERE email = 'locked@example.org'`);
    expect((await stack.post(SIGN_IN, { e: 'locked@example.org', p: 'a patient moderator passphrase' }, { 'x-forwarded-for': '198.51.100.36' })).body.data).toMatchObject({ signIn: { staff: { role: 'MODERATOR' } } });
  });

  it('limits attempts from one address whatever the email, with a clear error', async () => {
    const from = { 'x-forwarded-for': '203.0.113.99' };
    for (let i = 0; i < 12; i++) await stack.post(SIGN_IN, { e: `someone${i}@example.org`, p: 'wrong password here' }, from);
    const limited = errorOf((await stack.post(SIGN_IN, { e: 'first.admin@example.org', p: ADMIN_PASSWORD }, from)).body);
    expect(limited).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(limited?.message).toMatch(/Too many sign-in attempts from this connection. Try again in \d+ minutes/);
  });
});

describe('sessions', () => {
  it('end when they expire or sit unused too long', async () => {
    const expiring = { cookie: await signIn(stack, 'first.admin@example.org', ADMIN_PASSWORD, '198.51.100.40') };
    const idle = { cookie: await signIn(stack, 'first.admin@example.org', ADMIN_PASSWORD, '198.51.100.41') };
    expect(await me(expiring)).not.toBeNull();
    const hash = (cookie: string) => createHash('sha256').update(cookie.split('=')[1]).digest('hex');
    await stack.prisma.$executeRawUnsafe(`UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, hash(expiring.cookie));
    await stack.prisma.$executeRawUnsafe(`UPDATE staff_session SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = $1`, hash(idle.cookie));
    expect(await me(expiring)).toBeNull();
    expect(await me(idle)).toBeNull();
    expect(errorOf(await stack.graphql(`{ moderationQueue { totalCount } }`, {}, idle))?.extensions['code']).toBe('UNAUTHENTICATED');
  });

  it('can be revoked one by one, and signing out ends the current one', async () => {
    const laptop = { cookie: await signIn(stack, 'first.admin@example.org', ADMIN_PASSWORD, '198.51.100.42') };
    const phone = { cookie: await signIn(stack, 'first.admin@example.org', ADMIN_PASSWORD, '198.51.100.43') };
    const sessions = (await stack.graphql<{ mySessions: { id: string; current: boolean }[] }>(`{ mySessions { id current } }`, {}, laptop)).data.mySessions;
    const current = present(sessions.find((s) => s.current), 'the current session');
    const other = (await stack.graphql<{ mySessions: { id: string; current: boolean }[] }>(`{ mySessions { id current } }`, {}, phone)).data.mySessions.find((s) => s.current);
    expect(other).toBeDefined();
    expect(current.id).not.toBe(other?.id);
    expect((await stack.graphql(`mutation ($id: String!) { revokeMySession(sessionId: $id) }`, { id: other?.id }, laptop)).data).toEqual({ revokeMySession: true });
    expect(await me(phone)).toBeNull();
    expect(await me(laptop)).not.toBeNull();
    const out = await stack.post(`mutation { signOut }`, {}, laptop);
    expect(out.headers.get('set-cookie')).toMatch(/dm_session=;/);
    expect(await me(laptop)).toBeNull();
    expect(await audit('SESSION_REVOKED')).toBeGreaterThanOrEqual(1);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, act with the owner\u2019s role, and stop working when revoked', async () => {
    const mod = await moderator('scripts@example.org');
    const created = await stack.graphql<{ createApiToken: { token: string; apiToken: { id: string; prefix: string } } }>(`mutation { createApiToken(name: "nightly export", expiresInDays: 30) { token apiToken { id prefix } } }`, {}, { cookie: mod.cookie });
    const { token, apiToken } = created.data.createApiToken;
    expect(token).toMatch(/^dm_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect(await stack.count(`SELECT count(*) AS n FROM api_token WHERE token_hash = $1 OR prefix = $1`, token)).toBe(0);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await stack.graphql(`{ moderationQueue { totalCount } }`, {}, bearer)).errors).toBeUndefined();
    expect(errorOf(await stack.graphql(`{ staffAccounts { id } }`, {}, bearer))?.extensions['code']).toBe('FORBIDDEN');
    const listed = await stack.graphql<{ myApiTokens: Record<string, unknown>[] }>(`{ myApiTokens { id name prefix lastUsedAt } }`, {}, bearer);
    expect(listed.data.myApiTokens).toEqual([expect.objectContaining({ name: 'nightly export', lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    await stack.graphql(`mutation ($id: String!) { revokeApiToken(tokenId: $id) }`, { id: apiToken.id }, { cookie: mod.cookie });
    expect(errorOf(await stack.graphql(`{ moderationQueue { totalCount } }`, {}, bearer))?.extensions['code']).toBe('UNAUTHENTICATED');
    expect(await audit('API_TOKEN_CREATED')).toBeGreaterThanOrEqual(1);
    expect(await audit('API_TOKEN_REVOKED')).toBe(1);
  });

  it('stop working once they expire', async () => {
    const mod = await moderator('expiring@example.org');
    const { token } = (await stack.graphql<{ createApiToken: { token: string } }>(`mutation { createApiToken(name: "short", expiresInDays: 1) { token } }`, {}, { cookie: mod.cookie })).data.createApiToken;
    await stack.prisma.$executeRawUnsafe(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE name = 'short'`);
    expect(errorOf(await stack.graphql(`{ mySessions { id } }`, {}, { authorization: `Bearer ${token}` }))?.extensions['code']).toBe('UNAUTHENTICATED');
  });
});

describe('admins manage staff', () => {
  it('invitations work once and only before they expire', async () => {
    const invite = await stack.graphql<{ inviteStaff: { invitationToken: string } }>(`mutation { inviteStaff(email: "Twice@Example.org", displayName: "Twice", role: MODERATOR) { invitationToken } }`, {}, admin);
    const token = invite.data.inviteStaff.invitationToken;
    const accept = (password: string) => stack.post(`mutation ($t: String!, $p: String!) { acceptStaffInvitation(token: $t, password: $p) { staff { email } } }`, { t: token, p: password });
    expect(errorOf((await accept('short')).body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'password' } });
    expect((await accept('second moderator passphrase')).body.data).toMatchObject({ acceptStaffInvitation: { staff: { email: 'twice@example.org' } } });
    expect(errorOf((await accept('second moderator passphrase')).body)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'token' } });
    const late = await stack.graphql<{ inviteStaff: { invitationToken: string } }>(`mutation { inviteStaff(email: "late@example.org", displayName: "Late", role: MODERATOR) { invitationToken } }`, {}, admin);
    await stack.prisma.$executeRawUnsafe(`UPDATE staff_account SET invite_expires_at = now() - interval '1 second' WHERE email = 'late@example.org'`);
    const tooLate = await stack.post(`mutation ($t: String!) { acceptStaffInvitation(token: $t, password: "late moderator passphrase") { staff { email } } }`, { t: late.data.inviteStaff.invitationToken });
    expect(errorOf(tooLate.body)?.message).toMatch(/expired or was already used/);
    expect(errorOf(await stack.graphql(`mutation { inviteStaff(email: "twice@example.org", displayName: "Again", role: MODERATOR) { invitationToken } }`, {}, admin))).toMatchObject({ extensions: { field: 'email' } });
  });

  it('disabling an account ends its sessions and tokens at once, and needs a reason', async () => {
    const mod = await moderator('leaver@example.org');
    const { token } = (await stack.graphql<{ createApiToken: { token: string } }>(`mutation { createApiToken(name: "leaver") { token } }`, {}, { cookie: mod.cookie })).data.createApiToken;
    expect(errorOf(await stack.graphql(`mutation ($id: String!) { disableStaff(accountId: $id, reason: "") { status } }`, { id: mod.id }, admin))).toMatchObject({ extensions: { field: 'reason' } });
    expect(errorOf(await stack.graphql(`mutation ($id: String!) { disableStaff(accountId: $id, reason: "left the team") { status } }`, { id: mod.id }, { cookie: mod.cookie }))?.extensions['code']).toBe('FORBIDDEN');
    const disabled = await stack.graphql(`mutation ($id: String!) { disableStaff(accountId: $id, reason: "left the team") { status disabledAt } }`, { id: mod.id }, admin);
    expect(disabled.data).toMatchObject({ disableStaff: { status: 'DISABLED' } });
    expect(await me({ cookie: mod.cookie })).toBeNull();
    expect(errorOf(await stack.graphql(`{ mySessions { id } }`, {}, { authorization: `Bearer ${token}` }))?.extensions['code']).toBe('UNAUTHENTICATED');
    expect(errorOf((await stack.post(SIGN_IN, { e: 'leaver@example.org', p: 'moderator passphrase 42' }, { 'x-forwarded-for': '198.51.100.60' })).body)?.extensions['code']).toBe('UNAUTHENTICATED');
    const entries = await stack.prisma.$queryRawUnsafe<{ reason: string; actor_email: string }[]>(`SELECT reason, actor_email FROM audit_entry WHERE action = 'STAFF_DISABLED'`);
    expect(entries).toEqual([{ reason: 'left the team', actor_email: 'first.admin@example.org' }]);
    expect((await stack.graphql(`mutation ($id: String!) { enableStaff(accountId: $id) { status } }`, { id: mod.id }, admin)).data).toMatchObject({ enableStaff: { status: 'ACTIVE' } });
  });

  it('an admin cannot disable themselves', async () => {
    const self = (await stack.graphql<{ me: { email: string } }>(`{ staffAccounts { id email } }`, {}, admin)).data as unknown as { staffAccounts: { id: string; email: string }[] };
    const id = present(self.staffAccounts.find((a) => a.email === 'first.admin@example.org'), 'the admin account').id;
    expect(errorOf(await stack.graphql(`mutation ($id: String!) { disableStaff(accountId: $id, reason: "testing") { status } }`, { id }, admin))?.extensions['code']).toBe('FORBIDDEN');
  });
});
