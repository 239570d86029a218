import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@denialmap/shared/errors';
import { Access, ACCESS_KEY, ACTOR_SLOT, requestOf } from './access.decorators';
import { ACTOR_LOOKUP, ActorLookup, actorOf, roleAllows } from './staff-actor';

/**
 * Default deny for every GraphQL operation and HTTP controller: `@Public()` opens one, `@RequireRole`
 * names the least role; anything unmarked needs ADMIN, so a forgotten decorator never opens data.
 * Field resolvers are not guarded (Nest's default): they are reached only through a guarded operation.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(ACTOR_LOOKUP) private readonly lookup: ActorLookup | null = null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]) ?? 'ADMIN';
    const request = requestOf(context);
    if (access === 'PUBLIC') {
      // Public operations still learn who is calling when a credential came along (e.g. `me`).
      if (request && (request.headers.cookie || request.headers.authorization)) request[ACTOR_SLOT] = await actorOf(request, this.lookup);
      return true;
    }
    const actor = await actorOf(request, this.lookup);
    if (!actor) throw new UnauthenticatedError(undefined, access);
    if (!roleAllows(actor.role, access)) throw new ForbiddenError(`This needs the ${access} role; you are signed in as ${actor.role}.`, access);
    if (request) request[ACTOR_SLOT] = actor;
    return true;
  }
}
