import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ActorLookup, APP_CONFIG, AppConfig, StaffActor } from '@denialmap/server/core';
import { StaffCredentialRepository } from '@denialmap/server/moderation/data-access';
import { sha256 } from './secret-token';
import { bearerTokenOf, sessionTokenOf } from './session-cookie';

/** Session cookie first, then an API token; anything unknown, expired or revoked is anonymous. */
@Injectable()
export class StaffActorLookup implements ActorLookup {
  constructor(
    private readonly credentials: StaffCredentialRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(request: FastifyRequest): Promise<StaffActor | null> {
    const now = new Date();
    const session = sessionTokenOf(request);
    if (session) {
      const actor = await this.credentials.actorForSession(sha256(session), this.config.SESSION_IDLE_MINUTES * 60_000, now);
      if (actor) return actor;
    }
    const bearer = bearerTokenOf(request);
    return bearer ? this.credentials.actorForToken(sha256(bearer), now) : null;
  }
}
