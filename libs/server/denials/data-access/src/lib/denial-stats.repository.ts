import { Injectable } from '@nestjs/common';
import { PrismaService } from '@denialmap/server/core';
import type { DenialStatsViews, ReportFacts } from '@denialmap/shared/denial-stats';
import { FactsRow, publishedFactsQuery, toFacts } from './denial-report.repository';
import { AggregationResult, StatsSnapshot } from './denial-report.types';

type StatsRow = { code: string; reports: number; submitters: number; threshold: number; views: DenialStatsViews; computed_at: Date };
const toSnapshot = (r: StatsRow): StatsSnapshot => ({ code: r.code, reports: r.reports, submitters: r.submitters, threshold: r.threshold, views: r.views, computedAt: r.computed_at });

/** The derived per-code stats: recomputed from the reports, never incremented. */
@Injectable()
export class DenialStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One aggregation, in one transaction under a per-code lock (so two workers never interleave):
   * claim the code's outbox events committed so far, then read every published report (which
   * includes at least the claimed ones, as each report commits with its event), compute, store.
   * Running it again gives the same stats; events that arrive meanwhile stay for the next run.
   */
  async recompute(code: string, compute: (facts: ReportFacts[]) => { views: DenialStatsViews; submitters: number; threshold: number }): Promise<AggregationResult> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('denial-stats'), hashtext(${code}))`;
        const claimed = await tx.$executeRaw`UPDATE outbox_event SET aggregated_at = now() WHERE code = ${code} AND aggregated_at IS NULL`;
        const facts = (await tx.$queryRaw<FactsRow[]>(publishedFactsQuery(code))).map(toFacts);
        const { views, submitters, threshold } = compute(facts);
        const stored = await tx.$queryRaw<StatsRow[]>`
          INSERT INTO code_denial_stats (code, reports, submitters, threshold, views, computed_at)
          VALUES (${code}, ${facts.length}, ${submitters}, ${threshold}, ${JSON.stringify(views)}::jsonb, clock_timestamp())
          ON CONFLICT (code) DO UPDATE SET reports = EXCLUDED.reports, submitters = EXCLUDED.submitters, threshold = EXCLUDED.threshold,
            views = EXCLUDED.views, computed_at = EXCLUDED.computed_at
          RETURNING code, reports, submitters, threshold, views, computed_at`;
        return { snapshot: toSnapshot(stored[0]), claimedEvents: claimed };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  async find(code: string): Promise<StatsSnapshot | null> {
    const rows = await this.prisma.$queryRaw<StatsRow[]>`SELECT code, reports, submitters, threshold, views, computed_at FROM code_denial_stats WHERE code = ${code}`;
    return rows[0] ? toSnapshot(rows[0]) : null;
  }
}
