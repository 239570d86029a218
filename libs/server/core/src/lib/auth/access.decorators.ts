import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { StaffActor, StaffRole } from './staff-actor';

export const ACCESS_KEY = 'denialmap:access';
export type Access = 'PUBLIC' | StaffRole;

/** Anyone may call this, signed in or not. Everything not marked so needs a staff role. */
export const Public = () => SetMetadata(ACCESS_KEY, 'PUBLIC' satisfies Access);

/** Needs at least this role (ADMIN includes MODERATOR). */
export const RequireRole = (role: StaffRole) => SetMetadata(ACCESS_KEY, role satisfies Access);

/** Where the guard leaves the checked actor on the request, for `@CurrentActor()`. */
export const ACTOR_SLOT = Symbol('staffActor');
export type RequestWithActor = FastifyRequest & { [ACTOR_SLOT]?: StaffActor | null };

export function requestOf(context: ExecutionContext): RequestWithActor | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: RequestWithActor }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithActor>();
}

/** The staff member the access guard let through (null on public operations called anonymously). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): StaffActor | null => requestOf(context)?.[ACTOR_SLOT] ?? null);
