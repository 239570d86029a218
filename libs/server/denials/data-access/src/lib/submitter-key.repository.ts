import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
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

  /** Deletes every key older than `day`. */
  async forgetBefore(day: string): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM submitter_key WHERE day < ${day}::date`;
  }
}
