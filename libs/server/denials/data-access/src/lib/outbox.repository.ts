import { Injectable } from '@nestjs/common';
import { PrismaService } from '@denialmap/server/core';

/**
 * The outbox between a committed report and its aggregation job. An event is relayed (its code
 * enqueued) once, aggregated by the job that included it, re-sent by the sweeper if it waited
 * too long in between, and deleted a day after it was aggregated.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Takes up to `limit` unrelayed events no other relay holds (SKIP LOCKED), hands the codes
   * still waiting for aggregation to `enqueue`, and marks them relayed in the same transaction:
   * if `enqueue` fails nothing is marked and the events are tried again.
   */
  async relayBatch(limit: number, enqueue: (codes: string[]) => Promise<void>): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<{ id: bigint; code: string; aggregated: boolean }[]>`
          SELECT id, code, aggregated_at IS NOT NULL AS aggregated FROM outbox_event
          WHERE relayed_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        const codes = [...new Set(rows.filter((r) => !r.aggregated).map((r) => r.code))];
        if (codes.length > 0) await enqueue(codes);
        await tx.$executeRaw`UPDATE outbox_event SET relayed_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
        return rows.length;
      },
      { timeout: 15_000, maxWait: 5_000 },
    );
  }

  /** Events relayed more than `seconds` ago and still not aggregated go back to the relay. */
  async resendStuck(seconds: number): Promise<number> {
    return this.prisma.$executeRaw`
      UPDATE outbox_event SET relayed_at = NULL
      WHERE aggregated_at IS NULL AND relayed_at < now() - make_interval(secs => ${seconds})`;
  }

  async deleteAggregatedBefore(hours: number): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM outbox_event WHERE aggregated_at < now() - make_interval(hours => ${hours})`;
  }

  /** Events not yet aggregated, and how long the oldest has waited. */
  async backlog(): Promise<{ events: number; oldestSeconds: number | null }> {
    const rows = await this.prisma.$queryRaw<{ events: bigint; oldest: number | null }[]>`
      SELECT count(*) AS events, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS oldest FROM outbox_event WHERE aggregated_at IS NULL`;
    return { events: Number(rows[0].events), oldestSeconds: rows[0].oldest };
  }
}
