/**
 * npm run bench:reports: the production api and one worker (dist/, built first) on a fresh
 * database with the shipped reference data and a Redis of their own. For BENCH_SECONDS (20) it
 * sends valid reports from BENCH_CONNECTIONS (32) concurrent clients, every one from a new
 * submitter, across 20 codes, and prints the sustained accepted submissions per second and the
 * lag from a report's receipt to the live stats update that includes it (p50/p95/max).
 * Targets on the 2-core reference machine: at least 300 accepted/s; p95 lag under 2 s.
 */
import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { LOAD_CODES, loadReport, ProcessStack, SUBMIT } from '../tests/faults/src/support/process-stack';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);

type Answer = { submitDenialReport: { __typename: string; reportId?: string; reason?: string } };

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'run-many', '-t', 'build', '-p', 'api', 'worker', '--output-style=static'], {
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) throw new Error('build failed');
  const stack = await ProcessStack.start({ name: 'bench_reports', logDir: 'tmp/bench-reports', env: { REPORTS_PER_MINUTE: '1000000', LOG_LEVEL: 'error' } });
  const events = new Redis(stack.env['REDIS_URL']);
  try {
    // Receipt times per code, in the order receipts arrived; each live event for a code with n
    // published reports covers the first n of them.
    const receipts = new Map<string, number[]>();
    const covered = new Map<string, number>();
    const lags: number[] = [];
    await events.subscribe(`${stack.env['REDIS_PREFIX']}:live:denial-stats`);
    events.on('message', (_channel: string, message: string) => {
      const now = performance.now();
      const { code, reports } = JSON.parse(message) as { code: string; reports: number };
      const times = receipts.get(code) ?? [];
      const from = covered.get(code) ?? 0;
      const upTo = Math.min(reports, times.length);
      for (let k = from; k < upTo; k++) lags.push(now - times[k]);
      if (upTo > from) covered.set(code, upTo);
    });

    let sent = 0;
    let accepted = 0;
    const refused = new Map<string, number>();
    let failed = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    async function client(): Promise<void> {
      while (performance.now() < deadline) {
        const i = sent++;
        const code = LOAD_CODES[i % LOAD_CODES.length];
        try {
          const answer = await stack.graphql<Answer>(SUBMIT, { input: loadReport(i, code) }, i + 1);
          const result = answer.data?.submitDenialReport;
          if (result?.__typename === 'DenialReportReceipt') {
            accepted++;
            const times = receipts.get(code) ?? [];
            times.push(performance.now());
            receipts.set(code, times);
          } else {
            const reason = result?.reason ?? 'ERROR';
            refused.set(reason, (refused.get(reason) ?? 0) + 1);
          }
        } catch {
          failed++;
        }
      }
    }
    await Promise.all(Array.from({ length: CONNECTIONS }, client));
    const elapsed = (performance.now() - started) / 1000;
    const drainMs = await stack.drained(60_000);
    await new Promise((r) => setTimeout(r, 500));
    const sorted = [...lags].sort((a, b) => a - b);
    const uncovered = accepted - lags.length;

    console.log(`\nbench:reports: ${CONNECTIONS} connections for ${elapsed.toFixed(1)} s; api, worker, PostgreSQL, Redis and the load generator on the same cores`);
    console.log(`  sent ${sent}, accepted ${accepted}, refused ${[...refused].map(([r, n]) => `${r} ${n}`).join(', ') || '0'}, failed ${failed}`);
    console.log(`  accepted submissions/s     ${(accepted / elapsed).toFixed(0)}   (target >= 300)`);
    console.log(`  receipt -> live stats lag  p50 ${percentile(sorted, 50).toFixed(0)} ms   p95 ${percentile(sorted, 95).toFixed(0)} ms   max ${percentile(sorted, 100).toFixed(0)} ms   (target p95 < 2000 ms)`);
    console.log(`  reports not seen in a live update: ${uncovered}; outbox drained ${drainMs} ms after the load`);
  } finally {
    events.disconnect();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
