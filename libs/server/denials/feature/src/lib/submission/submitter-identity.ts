import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SubmitterKeyRepository } from '@denialmap/server/denials/data-access';

/** Where a request came from, as far as the api can tell. Used for one HMAC and then dropped. */
export interface RequestOrigin {
  ip: string;
  userAgent: string;
}

/** The request's origin for the submitter hash; the address goes no further than the HMAC. */
export function requestOrigin(req: FastifyRequest): RequestOrigin {
  const agent = req.headers['user-agent'];
  return { ip: req.ip, userAgent: (Array.isArray(agent) ? agent[0] : (agent ?? '')).slice(0, 512) };
}

/**
 * A submitter is known only as HMAC-SHA256(the day's key, address + user agent). The key is random,
 * shared by every api instance through the database, and deleted once its day is over (the
 * worker's sweeper does it), so a hash can never be recomputed from an address afterwards. The
 * address itself is never stored or logged.
 */
@Injectable()
export class SubmitterIdentity {
  private current: { day: string; key: Promise<Buffer> } | null = null;

  constructor(private readonly keys: SubmitterKeyRepository) {}

  async hash(origin: RequestOrigin, now = new Date()): Promise<string> {
    const day = now.toISOString().slice(0, 10);
    if (this.current?.day !== day) {
      const key = this.keys.keyFor(day);
      this.current = { day, key };
      key.catch(() => {
        if (this.current?.key === key) this.current = null;
      });
    }
    return hashUnder(await this.current.key, origin);
  }

  /**
   * When a moderator's block covers this origin, its end. Blocks made from an earlier day's report
   * are checked under that day's key (kept while the block runs), so a block outlasts the day.
   */
  async blockedUntil(origin: RequestOrigin, now = new Date()): Promise<Date | null> {
    const blocks = await this.keys.activeBlocks(now);
    let until: Date | null = null;
    for (const block of blocks) {
      const hash = Buffer.from(hashUnder(block.key, origin), 'hex');
      if (timingSafeEqual(hash, Buffer.from(block.submitterHash, 'hex')) && (!until || block.blockedUntil > until)) until = block.blockedUntil;
    }
    return until;
  }
}

function hashUnder(key: Buffer, origin: RequestOrigin): string {
  return createHmac('sha256', key).update(`${origin.ip}\n${origin.userAgent}`).digest('hex');
}
