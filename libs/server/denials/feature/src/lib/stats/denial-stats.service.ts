import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ConnectionArgs, ConnectionShape, MemoCache, pageRequest, toConnection } from '@denialmap/server/core';
import { DenialReportRepository, DenialStatsRepository, StatsSnapshot } from '@denialmap/server/denials/data-access';
import { CodeSetRepository, DatasetCatalog } from '@denialmap/server/reference-data/data-access';
import { appealLevelName, PAYER_TYPES, PayerType, REPORT_FIXES, REPORT_OUTCOMES } from '@denialmap/shared/denial-reports';
import { Breakdown, DenialStats } from '@denialmap/shared/denial-stats';
import { InvalidInputError } from '@denialmap/shared/errors';
import { parseHcpcsCode } from '@denialmap/shared/fee-schedule';
import { DenialBreakdownObject, DenialStatsObject, DenialStatsStatusEnum, DenialStoryObject } from '../graphql/denial-stats.objects';

type Labeller = (key: string) => Promise<string> | string;

/** denialStats: the stored snapshot of a code, in words. Reads only what the aggregation stored. */
@Injectable()
export class DenialStatsService {
  private readonly descriptions = new MemoCache<string>(5_000);

  constructor(
    private readonly stats: DenialStatsRepository,
    private readonly reports: DenialReportRepository,
    private readonly codeSets: CodeSetRepository,
    private readonly editions: DatasetCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forCode(rawCode: string, payerType: PayerType | null): Promise<DenialStatsObject> {
    const code = parseHcpcsCode(rawCode);
    if (payerType !== null && !(payerType in PAYER_TYPES)) throw new InvalidInputError('payerType', `Unknown payer type ${payerType}.`);
    const snapshot = await this.stats.find(code);
    return this.present(code, payerType, snapshot);
  }

  /** Stories of published reports, only once the code is unlocked (before that, none are shown). */
  async stories(rawCode: string, args: ConnectionArgs): Promise<ConnectionShape<DenialStoryObject>> {
    const code = parseHcpcsCode(rawCode);
    const request = pageRequest(args);
    const snapshot = await this.stats.find(code);
    if (snapshot?.views.all.status !== 'UNLOCKED') return toConnection([], request, 0);
    const { stories, total } = await this.reports.publishedStories(code, request.offset, request.limit);
    return toConnection(stories.map((s) => ({ reportId: s.id, narrative: s.narrative })), request, total);
  }

  private async present(code: string, payerType: PayerType | null, snapshot: StatsSnapshot | null): Promise<DenialStatsObject> {
    const threshold = snapshot?.threshold ?? this.config.DENIAL_STATS_THRESHOLD;
    const view: DenialStats = snapshot
      ? payerType
        ? snapshot.views.byPayerType[payerType]
        : snapshot.views.all
      : payerType
        ? { status: 'WITHHELD', threshold }
        : { status: 'LOCKED', reports: 0, submitters: 0, needed: threshold, threshold };
    const base = {
      code,
      payerType,
      threshold,
      computedAt: snapshot ? snapshot.computedAt.toISOString() : null,
      source: `DenialMap community reports: anonymous billers, published reports only; a code unlocks at ${threshold} distinct billers, and no group of fewer than ${threshold} billers is shown or can be worked out from what is shown.`,
      reasons: null,
      remarks: null,
      modifiers: null,
      fixes: null,
      quarters: null,
      outcomes: null,
      payerTypes: null,
      appealLevels: null,
      appealLevelsSuppressed: null,
      appealRate: null,
      successRate: null,
      medianDaysToResolution: null,
      submittersNeeded: null,
    };
    if (view.status === 'LOCKED') {
      const billers = view.needed === 1 ? '1 more biller needs' : `${view.needed} more billers need`;
      return {
        ...base,
        status: DenialStatsStatusEnum.LOCKED,
        reports: view.reports,
        submittersNeeded: view.needed,
        message: `${view.reports === 1 ? '1 report' : `${view.reports} reports`} so far; ${billers} to report before denial patterns for ${code} are shown.`,
      };
    }
    if (view.status === 'WITHHELD') {
      return { ...base, status: DenialStatsStatusEnum.WITHHELD, reports: null, message: `Not enough billers have reported ${code} for this payer type to show anything without exposing a small group.` };
    }
    const [carcs, rarcs] = [this.describer('carc'), this.describer('rarc')];
    return {
      ...base,
      status: DenialStatsStatusEnum.UNLOCKED,
      reports: view.reports,
      message: `${view.reports} published reports from at least ${threshold} billers.`,
      reasons: await labelled(view.reasons, (key) => carcs(key.slice(key.indexOf('-') + 1)).then((d) => `${key}: ${d}`)),
      remarks: await labelled(view.remarks, (key) => rarcs(key).then((d) => `${key}: ${d}`)),
      modifiers: await labelled(view.modifiers, (key) => `Modifier ${key}`),
      fixes: await labelled(view.fixes, (key) => REPORT_FIXES[key as keyof typeof REPORT_FIXES] ?? key),
      quarters: await labelled(view.quarters, (key) => key.replace('Q', ' Q')),
      outcomes: await labelled(view.outcomes, (key) => REPORT_OUTCOMES[key as keyof typeof REPORT_OUTCOMES] ?? key),
      payerTypes: view.payerTypes ? await labelled(view.payerTypes, (key) => PAYER_TYPES[key as PayerType] ?? key) : null,
      appealLevels: view.appealLevels.cells.map((c) => ({ ...c, name: appealLevelName(c.level, payerType ?? undefined) })),
      appealLevelsSuppressed: view.appealLevels.suppressed,
      appealRate: view.appealRate,
      successRate: view.successRate,
      medianDaysToResolution: view.medianDaysToResolution,
    };
  }

  /** X12 descriptions, memoised per loaded edition. */
  private describer(list: 'carc' | 'rarc'): (code: string) => Promise<string> {
    return async (code) => {
      const key = `${await this.editions.key()}|${list}|${code}`;
      return this.descriptions.get(key, async () => (await this.codeSets.adjustmentCode(list, code))?.description ?? 'not in the loaded X12 list');
    };
  }
}

async function labelled(breakdown: Breakdown, label: Labeller): Promise<DenialBreakdownObject> {
  return { cells: await Promise.all(breakdown.cells.map(async (c) => ({ ...c, label: await label(c.key) }))), suppressed: breakdown.suppressed };
}
