import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecimalScalar } from '@denialmap/server/core';

const TIP_KINDS = ['RULE', 'COMMUNITY', 'CURATED'] as const;
export const TipKindEnum = Object.fromEntries(TIP_KINDS.map((k) => [k, k])) as { [K in (typeof TIP_KINDS)[number]]: K };
registerEnumType(TipKindEnum, {
  name: 'TipKind',
  description: 'RULE: derived from CMS reference data. COMMUNITY: from published denial reports (5+ billers). CURATED: written by DenialMap staff.',
});

export const TIP_TOPICS = [
  'PROFESSIONAL_TECHNICAL_SPLIT',
  'BILATERAL',
  'MULTIPLE_PROCEDURES',
  'NCCI_BUNDLING',
  'UNIT_LIMIT',
  'ADD_ON',
  'GLOBAL_PERIOD',
  'SURGICAL_TEAM',
  'PAYMENT_STATUS',
  'REDUCED_OR_DISCONTINUED',
  'IMAGING_CAP',
  'DENIAL_PATTERN',
  'CODING',
  'DOCUMENTATION',
  'OTHER',
] as const;
export const TipTopicEnum = Object.fromEntries(TIP_TOPICS.map((t) => [t, t])) as { [K in (typeof TIP_TOPICS)[number]]: K };
registerEnumType(TipTopicEnum, { name: 'TipTopic', description: 'What a billing tip is about.' });

export const CuratedTipStatusEnum = { ACTIVE: 'ACTIVE', RETIRED: 'RETIRED' } as const;
registerEnumType(CuratedTipStatusEnum, { name: 'CuratedTipStatus' });

@ObjectType('TipSource', { description: 'Where a tip comes from.' })
export class TipSourceObject {
  @Field(() => String, { description: 'Who says so, e.g. "CMS MPFS RVU25D".' }) label!: string;
  @Field(() => String, { description: 'Exactly where: file and field, rule, or the basis staff cited.' }) detail!: string;
}

@ObjectType('MoneyAtStake', { description: 'Money a tip is about, computed from the data (never estimated).' })
export class MoneyAtStakeObject {
  @Field(() => DecimalScalar, { description: 'Dollars, exact decimal string ("92.19").' }) amount!: string;
  @Field(() => String, { description: 'How it was computed, with the figures.' }) basis!: string;
}

@ObjectType('TipImpact', { description: 'An impact a staff member stated for a curated tip, with its basis.' })
export class TipImpactObject {
  @Field(() => String) statement!: string;
  @Field(() => String) basis!: string;
}

@ObjectType('BillingTip')
export class BillingTipObject {
  @Field(() => String, { description: 'Stable within a code, e.g. "rule:pctc" or "curated:<id>".' }) key!: string;
  @Field(() => TipKindEnum) kind!: string;
  @Field(() => TipTopicEnum) topic!: string;
  @Field(() => String) title!: string;
  @Field(() => String) advice!: string;
  @Field(() => TipSourceObject) source!: TipSourceObject;
  @Field(() => MoneyAtStakeObject, { nullable: true }) moneyAtStake!: MoneyAtStakeObject | null;
  @Field(() => Int, { nullable: true, description: 'Community tips: published reports behind it.' }) reports!: number | null;
  @Field(() => TipImpactObject, { nullable: true }) impact!: TipImpactObject | null;
}

@ObjectType('BillingTips', { description: "A code's billing tips on a date of service: rule-derived, community and curated, most money at stake first." })
export class BillingTipsObject {
  @Field(() => String) code!: string;
  @Field(() => String) dateOfService!: string;
  @Field(() => String, { description: 'The fee schedule release the rule-derived tips used, e.g. "CMS MPFS RVU25D".' }) releaseLabel!: string;
  @Field(() => [BillingTipObject]) tips!: BillingTipObject[];
  @Field(() => Boolean, { description: 'Whether community tips are possible yet (5 or more billers have reported the code).' }) communityUnlocked!: boolean;
  @Field(() => Int, { description: 'More billers needed before community tips appear (0 once unlocked).' }) reportersNeeded!: number;
}

@ObjectType('CuratedTip', { description: 'A tip staff wrote for a code or a range of codes.' })
export class CuratedTipObject {
  @Field(() => String) id!: string;
  @Field(() => String) codeFrom!: string;
  @Field(() => String) codeTo!: string;
  @Field(() => TipTopicEnum) topic!: string;
  @Field(() => String) title!: string;
  @Field(() => String) advice!: string;
  @Field(() => String) source!: string;
  @Field(() => String, { nullable: true }) impactStatement!: string | null;
  @Field(() => String, { nullable: true }) impactBasis!: string | null;
  @Field(() => CuratedTipStatusEnum) status!: string;
  @Field(() => Boolean, { description: 'True for the tips DenialMap ships with (no staff author).' }) shipped!: boolean;
  @Field(() => String) createdAt!: string;
  @Field(() => String) updatedAt!: string;
  @Field(() => String, { nullable: true }) retiredAt!: string | null;
}

@InputType('CuratedTipInput')
export class CuratedTipInput {
  @Field(() => String, { description: 'The code, or the first code of a range.' }) codeFrom!: string;
  @Field(() => String, { nullable: true, description: 'Last code of the range (inclusive); omit for one code.' }) codeTo?: string | null;
  @Field(() => TipTopicEnum) topic!: (typeof TIP_TOPICS)[number];
  @Field(() => String, { description: '5 to 120 characters.' }) title!: string;
  @Field(() => String, { description: '20 to 1,500 characters, no patient information.' }) advice!: string;
  @Field(() => String, { description: 'Required: where the advice comes from (manual and section, MAC article, CPT guideline...).' }) source!: string;
  @Field(() => String, { nullable: true, description: 'Optional money or outcome at stake; needs impactBasis.' }) impactStatement?: string | null;
  @Field(() => String, { nullable: true, description: 'What the impact statement rests on (figures, file, rule).' }) impactBasis?: string | null;
}
