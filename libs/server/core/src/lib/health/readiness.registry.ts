import { Injectable } from '@nestjs/common';
import { withTimeout } from '../util/with-timeout';

export interface ReadinessResult {
  ok: boolean;
  detail: string;
  /** Working, but not as designed (e.g. jobs inline without Redis). Does not fail readiness. */
  degraded?: boolean;
  /** Facts for operators reading the JSON (e.g. which reference tables are behind CMS). Never affects readiness. */
  info?: Record<string, unknown>;
}

export interface ReadinessCheck {
  name: string;
  check(): Promise<ReadinessResult>;
}

/** Features add their own readiness checks (e.g. "reference data loaded"). */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  add(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async run(timeoutMs = 2000): Promise<{ ready: boolean; checks: Record<string, ReadinessResult> }> {
    const results = await Promise.all(
      this.checks.map(async (c) => [c.name, await checkWithin(c, timeoutMs)] as const),
    );
    return { ready: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
  }
}

function checkWithin(check: ReadinessCheck, ms: number): Promise<ReadinessResult> {
  return withTimeout(check.check(), ms).catch((error: unknown) => ({ ok: false, detail: error instanceof Error ? error.message : String(error) }));
}
