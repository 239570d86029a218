import { Injectable } from '@nestjs/common';
import { DenialStatsRepository } from '@denialmap/server/denials/data-access';
import { CuratedTipRepository } from '@denialmap/server/guidance/data-access';
import { CodeSetRepository } from '@denialmap/server/reference-data/data-access';
import { IsoDate, parseHcpcsCode, parseIsoDate } from '@denialmap/shared/fee-schedule';
import { DEFAULT_THRESHOLD } from '@denialmap/shared/denial-stats';
import { BillingTip, billingTips, CodeFacts } from '@denialmap/shared/guidance';
import type { FeeScheduleReleaseView } from '@denialmap/server/reference-data/data-access';
import { CodeFactsAssembler } from './code-facts.assembler';
import { BillingTipObject, BillingTipsObject } from './graphql/tip.objects';

export interface CodeTips {
  facts: CodeFacts;
  descriptor: string;
  release: FeeScheduleReleaseView;
  /** Said when the release in force on the date is not loaded and the nearest one is used. */
  releaseNote: string | null;
  tips: BillingTip[];
  communityUnlocked: boolean;
  reportersNeeded: number;
}

/**
 * A code's billing tips. Not cached as a whole answer: community tips follow the live stats and
 * curated tips change when staff edit them; the reference reads underneath are cheap and indexed.
 */
@Injectable()
export class GuidanceService {
  constructor(
    private readonly facts: CodeFactsAssembler,
    private readonly stats: DenialStatsRepository,
    private readonly curated: CuratedTipRepository,
    private readonly codeSets: CodeSetRepository,
  ) {}

  async billingTips(rawCode: string, rawDate: string | null | undefined, today: () => Date = () => new Date()): Promise<BillingTipsObject> {
    const code = parseHcpcsCode(rawCode, 'code');
    const dateOfService = rawDate ? parseIsoDate(rawDate, 'dateOfService') : (today().toISOString().slice(0, 10) as IsoDate);
    const answer = await this.tipsFor(code, dateOfService);
    return {
      code,
      dateOfService,
      releaseLabel: answer.facts.release.label,
      tips: answer.tips.map(toTipObject),
      communityUnlocked: answer.communityUnlocked,
      reportersNeeded: answer.reportersNeeded,
    };
  }

  /** Every tip for a checked code, with the facts they came from (the toolkit reuses both). */
  async tipsFor(code: string, dateOfService: IsoDate): Promise<CodeTips> {
    const [{ facts, descriptor, release, releaseNote }, snapshot, curated] = await Promise.all([this.facts.facts(code, dateOfService), this.stats.find(code), this.curated.activeFor(code)]);
    const stats = snapshot?.views.all ?? null;
    const carcDescriptions = stats?.status === 'UNLOCKED' ? await this.carcDescriptions(stats.reasons.cells.slice(0, 3).map((c) => c.key.split('-')[1] ?? '')) : {};
    const tips = billingTips({
      facts,
      stats,
      carcDescriptions,
      curated: curated.map((t) => ({
        id: t.id,
        topic: t.topic,
        title: t.title,
        advice: t.advice,
        source: t.source,
        impact: t.impactStatement && t.impactBasis ? { statement: t.impactStatement, basis: t.impactBasis } : null,
      })),
    });
    const threshold = snapshot?.threshold ?? DEFAULT_THRESHOLD;
    return {
      facts,
      descriptor,
      release,
      releaseNote,
      tips,
      communityUnlocked: stats?.status === 'UNLOCKED',
      reportersNeeded: stats?.status === 'LOCKED' ? stats.needed : stats?.status === 'UNLOCKED' ? 0 : threshold,
    };
  }

  private async carcDescriptions(codes: string[]): Promise<Record<string, string>> {
    const found = await Promise.all(codes.filter(Boolean).map((c) => this.codeSets.adjustmentCode('carc', c)));
    return Object.fromEntries(found.filter((c) => c !== null).map((c) => [c.code, c.description]));
  }
}

function toTipObject(tip: BillingTip): BillingTipObject {
  return { ...tip, impact: tip.impact ?? null };
}
