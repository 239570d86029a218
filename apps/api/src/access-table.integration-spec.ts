import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_TABLE } from './access-table';
import { ApiStack, createAdminWithCli, signIn } from './testing/api-stack.testing';

const schema = buildSchema(readFileSync(join(__dirname, '../schema.graphql'), 'utf8'));
const ROOTS = { Query: schema.getQueryType(), Mutation: schema.getMutationType(), Subscription: schema.getSubscriptionType() };

/** A value of the argument's type that passes GraphQL validation, so the call reaches the access guard. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
  }
  if (isScalarType(type)) return ({ Int: 1, Float: 1, Boolean: false, ID: '00000000-0000-4000-8000-000000000000' } as Record<string, unknown>)[type.name] ?? '00000000-0000-4000-8000-000000000000';
  throw new Error(`no sample for ${String(type)}`);
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isUnionType(named) ? `{ __typename }` : '';
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { text: string; variables: Record<string, unknown> } {
  const args = field.args as readonly GraphQLArgument[];
  const defs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    text: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${uses ? `(${uses})` : ''} ${selection(field)} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])),
  };
}

type Caller = 'anonymous' | 'MODERATOR' | 'ADMIN';
const allowed = (rule: string, caller: Caller) => rule === 'PUBLIC' || (caller !== 'anonymous' && (rule === 'MODERATOR' || caller === 'ADMIN'));

let stack: ApiStack;
const headers: Record<Caller, Record<string, string>> = { anonymous: {}, MODERATOR: {}, ADMIN: {} };

beforeAll(async () => {
  stack = await ApiStack.start();
  expect(createAdminWithCli('root@example.org', 'a long admin passphrase').status).toBe(0);
  const admin = await signIn(stack, 'root@example.org', 'a long admin passphrase');
  headers.ADMIN = { cookie: admin };
  const invite = await stack.graphql<{ inviteStaff: { invitationToken: string } }>(`mutation { inviteStaff(email: "mod@example.org", displayName: "Mo", role: MODERATOR) { invitationToken } }`, {}, headers.ADMIN);
  const token = invite.data?.inviteStaff.invitationToken as string;
  const accepted = await stack.post(`mutation ($t: String!) { acceptStaffInvitation(token: $t, password: "moderator passphrase 1") { staff { role } } }`, { t: token });
  // The moderator calls with an API token (the other way to authenticate); the admin with the cookie.
  const created = await stack.graphql<{ createApiToken: { token: string } }>(`mutation { createApiToken(name: "access test") { token } }`, {}, { cookie: (accepted.headers.get('set-cookie') ?? '').split(';')[0] });
  headers.MODERATOR = { authorization: `Bearer ${created.data?.createApiToken.token}` };
}, 180_000);
afterAll(() => stack?.stop());

describe('default deny: the access table', () => {
  const fields = Object.entries(ROOTS).flatMap(([root, type]) => Object.values((type as GraphQLObjectType).getFields()).map((f) => ({ root, field: f, key: `${root}.${f.name}` })));

  it('lists every operation in the schema, and nothing else', () => {
    expect(fields.map((f) => f.key).sort()).toEqual(Object.keys(ACCESS_TABLE).sort());
  });

  it('has only public subscriptions (WebSocket connections are anonymous)', () => {
    expect(fields.filter((f) => f.root === 'Subscription').every((f) => ACCESS_TABLE[f.key] === 'PUBLIC')).toBe(true);
  });

  it('offers no operation that edits or deletes audit entries', () => {
    expect(fields.filter((f) => f.root === 'Mutation' && /audit/i.test(f.field.name))).toEqual([]);
  });

  // signOut goes last: it ends the admin's session, and every call after it would be anonymous.
  const lastly = (key: string) => (key === 'Mutation.signOut' ? 1 : 0);
  const calls = fields
    .filter((f) => f.root !== 'Subscription')
    .sort((a, b) => lastly(a.key) - lastly(b.key))
    .flatMap((f) => (['anonymous', 'MODERATOR', 'ADMIN'] as Caller[]).map((caller) => ({ ...f, caller })));
  it.each(calls.map((c) => [c.key, c.caller, c] as const))('%s as %s gets exactly what the table allows', async (key, caller, call) => {
    const rule = ACCESS_TABLE[key];
    const { text, variables } = operation(call.root === 'Query' ? 'query' : 'mutation', call.field);
    const answer = await stack.graphql(text, variables, { ...headers[caller], 'x-forwarded-for': `192.0.2.${10 + Object.keys(ACCESS_TABLE).indexOf(key)}` });
    const denial = answer.errors?.find((e) => e.extensions['requiredRole']);
    if (allowed(rule, caller)) {
      expect(denial).toBeUndefined();
      expect(answer.errors?.map((e) => e.extensions['code']) ?? []).not.toContain('GRAPHQL_VALIDATION_FAILED');
    } else {
      expect(denial?.extensions['code']).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(answer.data?.[call.field.name] ?? null).toBeNull();
    }
  });

  it.each([
    ['anonymous', 401],
    ['MODERATOR', 403],
    ['ADMIN', 200],
  ] as const)('the audit CSV export answers %s with %i', async (caller, status) => {
    // The calls above include signOut as ADMIN, which ended that session: sign in again.
    const admin = caller === 'ADMIN' ? { cookie: await signIn(stack, 'root@example.org', 'a long admin passphrase') } : headers[caller];
    const response = await fetch(`${stack.base}/exports/audit-log.csv`, { headers: admin });
    expect(response.status).toBe(status);
    if (status === 200) expect((await response.text()).split('\r\n')[0]).toBe('id,at,actor_id,actor_email,action,reason,report_id,code,target_id,details');
    else expect(((await response.json()) as { error: { code: string } }).error.code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  });

  it('keeps health checks public', async () => {
    expect((await fetch(`${stack.base}/health/live`)).status).toBe(200);
  });
});
