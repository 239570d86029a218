import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { RedisConnection } from '../redis/redis.module';
import { withTimeout } from '../util/with-timeout';

/** At most `limit` hits per `windowSeconds` for one key (a fixed window from the first hit). */
export interface RateRule {
  /** What is limited, e.g. "report-hour"; also shown in refusals. */
  name: string;
  /** Who or what it is counted for, e.g. a submitter hash. No raw addresses. */
  subject: string;
  limit: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; rule: RateRule; retryAfterSeconds: number };

/**
 * Checks every rule and counts the hit only if all of them allow it, atomically in one Redis
 * script, so a refused request uses up nothing. Shared by every api instance. While Redis is
 * unreachable (or absent, JOBS_MODE=inline) the same rules are kept in this process, so limits
 * still hold per instance and nothing is refused just because Redis is down.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();
  private degradedSince: number | null = null;

  constructor(private readonly redis: RedisConnection) {
    // No numberOfKeys: the key count comes first in each call, and ioredis prefixes the keys.
    this.redis.client?.defineCommand('denialmapRateLimit', { lua: CHECK_AND_COUNT });
  }

  async consume(rules: readonly RateRule[], now = Date.now()): Promise<RateDecision> {
    if (rules.length === 0) return { allowed: true };
    const client = this.redis.client;
    if (client) {
      try {
        const answer = await withTimeout(this.viaRedis(rules), 500);
        if (this.degradedSince !== null) {
          this.logger.log('Redis is back: rate limits are shared again.');
          this.degradedSince = null;
        }
        return answer;
      } catch (error) {
        if (this.degradedSince === null) {
          this.degradedSince = now;
          this.logger.warn(`Redis unavailable for rate limits (${error instanceof Error ? error.message : String(error)}); limiting in this process until it is back.`);
        }
      }
    }
    return this.inProcess(rules, now);
  }

  private async viaRedis(rules: readonly RateRule[]): Promise<RateDecision> {
    await this.redis.ensureConnected();
    const keys = rules.map((r) => `rate:${r.name}:${r.subject}`);
    const args = rules.flatMap((r) => [String(r.limit), String(r.windowSeconds * 1000)]);
    const client = this.redis.client as unknown as { denialmapRateLimit(n: number, ...rest: string[]): Promise<[number, number]> };
    const [refused, ttlMs] = await client.denialmapRateLimit(keys.length, ...keys, ...args);
    if (refused === 0) return { allowed: true };
    return { allowed: false, rule: rules[refused - 1], retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
  }

  private inProcess(rules: readonly RateRule[], now: number): RateDecision {
    const entries = rules.map((rule) => {
      const key = `${rule.name}:${rule.subject}`;
      let entry = this.local.get(key);
      if (!entry || entry.resetAt <= now) {
        entry = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
        this.local.set(key, entry);
      }
      return { rule, entry };
    });
    const full = entries.find(({ rule, entry }) => entry.count >= rule.limit);
    if (full) return { allowed: false, rule: full.rule, retryAfterSeconds: Math.max(1, Math.ceil((full.entry.resetAt - now) / 1000)) };
    for (const { entry } of entries) entry.count++;
    if (this.local.size > 100_000) {
      for (const [key, entry] of this.local) if (entry.resetAt <= now) this.local.delete(key);
    }
    return { allowed: true };
  }
}

/**
 * KEYS: one counter per rule (ioredis puts REDIS_PREFIX in front; on Redis Cluster they share the
 * prefix's {hash tag}, so one slot). ARGV: limit and window in ms for each rule, in order.
 * Returns {0, 0} when counted, or {index of the refusing rule (1-based), its remaining ms}.
 */
const CHECK_AND_COUNT = `
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[i * 2 - 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then ttl = 0 end
    return {i, ttl}
  end
end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then
    redis.call('PEXPIRE', key, tonumber(ARGV[i * 2]))
  end
end
return {0, 0}
`;

@Global()
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class RateLimitModule {}
