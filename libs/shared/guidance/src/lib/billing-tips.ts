import type { DenialStats } from '@denialmap/shared/denial-stats';
import { BillingTip, orderTips, TipTopic } from './billing-tip';
import { CodeFacts } from './code-facts';
import { communityTips } from './community-tips';
import { feeScheduleTips } from './fee-schedule-tips';
import { ncciTips } from './ncci-tips';

/** A tip written by staff for a code or a range of codes. */
export interface CuratedTip {
  id: string;
  topic: TipTopic;
  title: string;
  advice: string;
  /** Required: where the advice comes from (manual chapter, MAC article, CPT guideline...). */
  source: string;
  impact: { statement: string; basis: string } | null;
}

export interface TipInputs {
  facts: CodeFacts;
  /** The code's all-payers stats, as published (null when no report yet). */
  stats: DenialStats | null;
  curated: readonly CuratedTip[];
  carcDescriptions?: Readonly<Record<string, string>>;
}

/** Every tip for a code: rule-derived, community and curated, most money at stake first. */
export function billingTips({ facts, stats, curated, carcDescriptions }: TipInputs): BillingTip[] {
  return orderTips([...curated.map(fromCurated), ...feeScheduleTips(facts), ...ncciTips(facts), ...communityTips(facts.code, stats, carcDescriptions)]);
}

function fromCurated(tip: CuratedTip): BillingTip {
  return {
    key: `curated:${tip.id}`,
    kind: 'CURATED',
    topic: tip.topic,
    title: tip.title,
    advice: tip.advice,
    source: { label: 'DenialMap editors', detail: tip.source },
    moneyAtStake: null,
    reports: null,
    impact: tip.impact,
  };
}
