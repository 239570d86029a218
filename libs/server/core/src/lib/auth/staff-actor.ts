import type { FastifyRequest } from 'fastify';

/** Staff roles, lowest first: each role may do everything the ones before it may. */
export const STAFF_ROLES = ['MODERATOR', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is calling, once a session cookie or an API token has been checked. */
export interface StaffActor {
  accountId: string;
  email: string;
  displayName: string;
  role: StaffRole;
  /** How the caller proved who they are, and which session or token it was. */
  via: 'SESSION' | 'TOKEN';
  credentialId: string;
}

/** Finds the staff member behind a request (session cookie or `Authorization: Bearer`), or null. */
export interface ActorLookup {
  resolve(request: FastifyRequest): Promise<StaffActor | null>;
}

/** Provided by the staff feature; without it every caller is anonymous (staff operations stay closed). */
export const ACTOR_LOOKUP = Symbol('ACTOR_LOOKUP');

export function roleAllows(actual: StaffRole, required: StaffRole): boolean {
  return STAFF_ROLES.indexOf(actual) >= STAFF_ROLES.indexOf(required);
}

const resolved = new WeakMap<object, Promise<StaffActor | null>>();

/**
 * The request's actor, looked up once per request however many operations it carries. A request
 * with neither a cookie nor an Authorization header never touches the database.
 */
export function actorOf(request: FastifyRequest | undefined, lookup: ActorLookup | null): Promise<StaffActor | null> {
  if (!request || !lookup) return Promise.resolve(null);
  let actor = resolved.get(request);
  if (!actor) {
    actor = lookup.resolve(request);
    resolved.set(request, actor);
  }
  return actor;
}
