import { once } from 'node:events';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * One `COPY ... FROM STDIN` in progress: writes wait while PostgreSQL catches up (backpressure),
 * `end` resolves when the server has taken every row, `abort` refuses the whole COPY.
 */
export class CopyWriter {
  private readonly copy: ReturnType<typeof copyFrom>;
  private readonly done: Promise<void>;
  /** Resolves with the server's refusal, if the COPY fails; never otherwise. */
  readonly failure: Promise<Error>;

  constructor(client: ClientBase, copySql: string) {
    this.copy = client.query(copyFrom(copySql));
    this.done = new Promise<void>((resolve, reject) => {
      this.copy.on('finish', resolve);
      this.copy.on('error', reject);
    });
    // Awaited by end() or abort(); a refusal before then is not an unhandled rejection.
    this.done.catch(() => undefined);
    this.failure = new Promise<Error>((resolve) => this.copy.on('error', resolve));
  }

  async write(chunk: string | Buffer): Promise<void> {
    if (chunk.length > 0 && !this.copy.write(chunk)) await once(this.copy, 'drain');
  }

  async end(last: string | Buffer): Promise<void> {
    this.copy.end(last);
    await this.done;
  }

  async abort(error: unknown): Promise<void> {
    this.copy.destroy(error instanceof Error ? error : new Error(String(error)));
    await this.done.catch(() => undefined);
  }
}
