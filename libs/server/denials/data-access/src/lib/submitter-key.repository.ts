import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { PrismaService } from '@denialmap/server/core';

/**
 * The random key of each day's submitter hashes, shared by every api instance through the
 * database. Keys of past days are deleted, after which no hash can be linked to an address again.
 */
@Injectable()
export class SubmitterKeyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The key for `day` (YYYY-MM-DD), created by whichever instance asks first. */
  async keyFor(day: string): Promise<Buffer> {
    const rows = await this.prisma.$queryRaw<{ key: Buffer | Uint8Array }[]>`
      WITH created AS (
        INSERT INTO submitter_key (day, key) VALUES (${day}::date, ${randomBytes(32)}) ON CONFLICT (day) DO NOTHING RETURNING key
      )
      SELECT key FROM created UNION ALL SELECT key FROM submitter_key WHERE day = ${day}::date LIMIT 1`;
    return Buffer.from(rows[0].key);
  }

  /**
   * An address as an HMAC under the day's key, for counting requests (rate limits): the address
   * itself is never stored. `purpose` keeps one limit's counts apart from another's.
   */
  async addressHash(purpose: string, ip: string, now: Date): Promise<string> {
    const key = await this.keyFor(now.toISOString().slice(0, 10));
    return createHmac('sha256', key).update(`${purpose}\n${ip}`).digest('hex');
  }

  /**
   * Deletes every key older than `day`, except the keys of days a running moderator's block was
   * made from: those go when the last such block ends or is lifted.
   */
  async forgetBefore(day: string): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM submitter_key k WHERE k.day < ${day}::date
        AND NOT EXISTS (SELECT 1 FROM submitter_block b WHERE b.key_day = k.day AND b.lifted_at IS NULL AND b.blocked_until > now())`;
  }

  /** Running blocks with the key each hash was made under, so a request's origin can be checked against them. */
  async activeBlocks(now: Date): Promise<{ submitterHash: string; key: Buffer; blockedUntil: Date }[]> {
    const rows = await this.prisma.$queryRaw<{ submitter_hash: string; key: Buffer | Uint8Array; blocked_until: Date }[]>`
      SELECT b.submitter_hash, k.key, b.blocked_until FROM submitter_block b JOIN submitter_key k ON k.day = b.key_day
      WHERE b.lifted_at IS NULL AND b.blocked_until > ${now}`;
    return rows.map((r) => ({ submitterHash: r.submitter_hash, key: Buffer.from(r.key), blockedUntil: r.blocked_until }));
  }
}
