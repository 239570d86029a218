import { computeDenialStatsViews, Outcome, PayerType, ReportFacts } from '@denialmap/shared/denial-stats';
import { LOAD_CODES, loadReport, ProcessStack, SUBMIT } from './support/process-stack';

/**
 * npm run test:faults: 2,000 reports while the worker is killed (SIGKILL, twice), stopped
 * gracefully (SIGTERM) and started again, and Redis is killed and restarted once (losing every
 * queued job: it keeps nothing on disk). Afterwards every accepted report is in PostgreSQL and
 * each code's stored stats equal a recomputation from scratch.
 */
const TOTAL = 2_000;
const CONCURRENCY = 16;
const THRESHOLD = 5;

type Answer = { submitDenialReport: { __typename: string; reportId?: string; reason?: string; message?: string } };
type Row = {
  code: string;
  submitter_hash: string;
  payer_type: PayerType;
  group_code: string;
  carc: string;
  rarcs: string[] | null;
  modifiers: string[] | null;
  fix: string | null;
  appeal_level: number | null;
  outcome: Outcome;
  days_to_resolution: number | null;
  service_year: number;
  service_quarter: number;
};

describe('the report pipeline under faults', () => {
  let stack: ProcessStack;
  beforeAll(async () => {
    stack = await ProcessStack.start({ name: 'faults', logDir: 'tmp/faults', env: { REPORTS_PER_MINUTE: '100000', DENIAL_STATS_THRESHOLD: String(THRESHOLD), OUTBOX_STUCK_SECONDS: '5' } });
  }, 180_000);
  afterAll(() => stack?.stop());

  it('loses no accepted report, and the stats equal a recomputation from scratch', async () => {
    const accepted: string[] = [];
    const refused: string[] = [];
    const failed: string[] = [];
    const faults: string[] = [];
    let sent = 0;
    // Fault schedule by number of reports sent.
    const stops: string[] = [];
    const stop = async (signal: NodeJS.Signals) => {
      const { stoppedBy, ms } = await stack.killWorker(signal);
      stops.push(`${signal} -> ${stoppedBy === signal ? 'exited' : 'had to be killed'} in ${ms} ms`);
    };
    const schedule: [number, () => Promise<void>, string][] = [
      [300, () => stop('SIGKILL'), 'worker killed (SIGKILL)'],
      [500, () => stack.startWorker(), 'worker started'],
      [800, () => stack.restartRedis(1_500), 'Redis killed and restarted empty'],
      [1_100, () => stop('SIGTERM'), 'worker stopped (SIGTERM)'],
      [1_200, () => stack.startWorker(), 'worker started'],
      [1_500, () => stop('SIGKILL'), 'worker killed (SIGKILL)'],
      [1_700, () => stack.startWorker(), 'worker started'],
    ];
    let faultInProgress: Promise<void> = Promise.resolve();
    const started = Date.now();

    async function client(): Promise<void> {
      while (sent < TOTAL) {
        const i = sent++;
        const next = schedule[0];
        if (next && i >= next[0]) {
          schedule.shift();
          faults.push(`${next[2]} at report ${i} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
          faultInProgress = faultInProgress.then(next[1]);
        }
        // 400 submitters with five reports each, each report for another code: within every limit.
        const submitter = i % 400;
        const code = LOAD_CODES[(Math.floor(i / 400) * 4 + submitter) % LOAD_CODES.length];
        try {
          const answer = await stack.graphql<Answer>(SUBMIT, { input: loadReport(i, code) }, submitter);
          const result = answer.data?.submitDenialReport;
          if (result?.__typename === 'DenialReportReceipt' && result.reportId) accepted.push(result.reportId);
          else refused.push(result ? `${result.reason}: ${result.message}` : JSON.stringify(answer.errors));
        } catch (error) {
          failed.push(String(error));
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    await faultInProgress;
    const loadSeconds = (Date.now() - started) / 1000;
    if (!stack.worker) await stack.startWorker();
    const drainMs = await stack.drained(120_000);
    console.log(
      [`${TOTAL} reports in ${loadSeconds.toFixed(1)} s: ${accepted.length} accepted, ${refused.length} refused, ${failed.length} failed`, ...faults, ...stops, `outbox drained ${(drainMs / 1000).toFixed(1)} s after the load`].join('\n'),
    );
    // Graceful shutdown: SIGTERM lets the worker finish the job in hand and exit on its own, promptly.
    const sigterm = stops.filter((s) => s.startsWith('SIGTERM'));
    expect(sigterm).toEqual([expect.stringMatching(/^SIGTERM -> exited in \d+ ms$/)]);
    expect(Number(/(\d+) ms/.exec(sigterm[0])?.[1])).toBeLessThan(10_000);

    // A worker that lived through a Redis restart keeps aggregating, without being restarted.
    await stack.restartRedis(1_000);
    for (let i = TOTAL; i < TOTAL + 40; i++) {
      const answer = await stack.graphql<Answer>(SUBMIT, { input: loadReport(i, LOAD_CODES[i % LOAD_CODES.length]) }, 1_000 + i);
      const result = answer.data?.submitDenialReport;
      if (result?.__typename === 'DenialReportReceipt' && result.reportId) accepted.push(result.reportId);
      else refused.push(JSON.stringify(answer));
    }
    const recoveredMs = await stack.drained(30_000);
    console.log(`after a second Redis restart with the same worker: 40 more reports aggregated ${(recoveredMs / 1000).toFixed(1)} s after the last`);

    // The api never went down and every report was valid and within limits: all are accepted.
    expect(failed).toEqual([]);
    expect(refused).toEqual([]);
    expect(accepted).toHaveLength(TOTAL + 40);
    const stored = await stack.query<{ id: string }>('SELECT id::text AS id FROM denial_report WHERE id = ANY($1::uuid[])', [accepted]);
    expect(stored).toHaveLength(TOTAL + 40);
    expect(Number((await stack.query<{ n: string }>('SELECT count(*) AS n FROM denial_report'))[0].n)).toBe(TOTAL + 40);

    const rows = await stack.query<Row>(
      `SELECT code, submitter_hash, payer_type, group_code, carc, rarcs, modifiers, fix, appeal_level, outcome, days_to_resolution, service_year, service_quarter
       FROM denial_report WHERE status = 'PUBLISHED' ORDER BY id`,
    );
    const statsRows = await stack.query<{ code: string; reports: number; views: unknown }>('SELECT code, reports, views FROM code_denial_stats ORDER BY code');
    const byCode = new Map<string, ReportFacts[]>();
    for (const r of rows) {
      const facts: ReportFacts = {
        submitter: r.submitter_hash,
        payerType: r.payer_type,
        groupCode: r.group_code,
        carc: r.carc,
        rarcs: r.rarcs ?? [],
        modifiers: r.modifiers ?? [],
        fix: r.fix,
        appealLevel: r.appeal_level,
        outcome: r.outcome,
        daysToResolution: r.days_to_resolution,
        yearQuarter: `${r.service_year}Q${r.service_quarter}`,
      };
      byCode.set(r.code, [...(byCode.get(r.code) ?? []), facts]);
    }
    expect(statsRows.map((s) => s.code)).toEqual([...byCode.keys()].sort());
    for (const s of statsRows) {
      const facts = byCode.get(s.code) ?? [];
      expect({ code: s.code, reports: s.reports }).toEqual({ code: s.code, reports: facts.length });
      expect(s.views).toEqual(JSON.parse(JSON.stringify(computeDenialStatsViews(facts, THRESHOLD))));
    }
    expect(statsRows.filter((s) => (s.views as { all: { status: string } }).all.status === 'UNLOCKED').length).toBeGreaterThan(10);
  });
});
