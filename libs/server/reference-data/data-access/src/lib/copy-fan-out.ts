import type { ClientBase } from 'pg';
import { CopyWriter } from './copy-writer';

/** One `COPY ... FROM STDIN` on its own connection. */
export interface CopyTarget {
  client: ClientBase;
  sql: string;
}

/**
 * Several COPYs fed side by side (one per partition, each on its connection), by one or more
 * readers: `write` takes one chunk of whole rows per COPY. A COPY the server refuses (a bad value,
 * a partition's bound) or an `abort` fails every pending and later write at once, so no reader
 * waits on a COPY that will never drain.
 */
export class CopyFanOut {
  private readonly copies: CopyWriter[];
  private readonly failed: Promise<never>;
  private fail!: (error: unknown) => void;
  private failure: unknown = null;

  /** `frame`: what each COPY's data starts and ends with (binary COPY's header and trailer). */
  constructor(
    targets: readonly CopyTarget[],
    private readonly frame?: { header: Buffer; trailer: Buffer },
  ) {
    this.copies = targets.map((t) => new CopyWriter(t.client, t.sql));
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
    for (const copy of this.copies) void copy.failure.then((error) => this.abort(error));
    if (frame) void this.write(this.copies.map(() => frame.header)).catch(() => undefined);
  }

  async write(parts: readonly Buffer[]): Promise<void> {
    if (this.failure) throw this.failure;
    await Promise.race([Promise.all(this.copies.map((c, k) => c.write(parts[k]))), this.failed]);
  }

  /** Ends every COPY; resolves when the server has taken every row of each. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    const ended = await Promise.allSettled(this.copies.map((c) => c.end(this.frame?.trailer ?? Buffer.alloc(0))));
    const refused = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (refused) throw refused.reason;
  }

  /** Refuses every COPY (nothing of them is kept) and fails the writers waiting. */
  async abort(error: unknown): Promise<void> {
    if (!this.failure) {
      this.failure = error;
      this.fail(error);
    }
    await Promise.all(this.copies.map((c) => c.abort(error)));
  }
}
