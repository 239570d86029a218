import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@denialmap/server/core';
import { PayerTypeEnum } from './report-enums';

export enum DenialStatsStatusEnum {
  LOCKED = 'LOCKED',
  WITHHELD = 'WITHHELD',
  UNLOCKED = 'UNLOCKED',
}
registerEnumType(DenialStatsStatusEnum, {
  name: 'DenialStatsStatus',
  description:
    'LOCKED: too few distinct billers have reported this code; only the count and how many more are needed. WITHHELD: this payer-type view would expose a small group, so nothing about it is shown. UNLOCKED: the patterns, with small groups withheld.',
});

@ObjectType('DenialStatsCell')
export class DenialStatsCellObject {
  @Field(() => String, { description: 'E.g. "CO-97", "N290", "26", "MEDICARE_FFS", "2025Q3".' }) key!: string;
  @Field(() => String, { description: 'The key in words (the X12 text for CARC/RARC).' }) label!: string;
  @Field(() => Int) reports!: number;
  @Field(() => String, { description: 'Percent of the reports in this view, one decimal, e.g. "42.9".' }) share!: string;
}

@ObjectType('DenialBreakdown')
export class DenialBreakdownObject {
  @Field(() => [DenialStatsCellObject], { description: 'Largest first; each backed by at least `threshold` distinct billers.' }) cells!: DenialStatsCellObject[];
  @Field(() => Int, { description: 'Groups withheld: too few billers, or one that could be worked out from the others.' }) suppressed!: number;
}

@ObjectType('AppealLevelStats')
export class AppealLevelStatsObject {
  @Field(() => Int) level!: number;
  @Field(() => String, { description: 'E.g. "Level 1: Redetermination by the MAC".' }) name!: string;
  @Field(() => Int) appeals!: number;
  @Field(() => String, { nullable: true, description: 'Paid or partially paid, percent of resolved appeals at this level; null when withheld or none resolved.' })
  successRate!: string | null;
}

@ObjectType('DenialStats', { description: 'Community denial patterns for one code (and optionally one payer type), with the anonymity rules applied.' })
export class DenialStatsObject {
  @Field(() => String) code!: string;
  @Field(() => PayerTypeEnum, { nullable: true, description: 'The payer-type filter; null for all payers.' }) payerType!: PayerTypeEnum | null;
  @Field(() => DenialStatsStatusEnum) status!: DenialStatsStatusEnum;
  @Field(() => Int, { description: 'Distinct billers needed before anything is shown; also the smallest group ever shown.' }) threshold!: number;
  @Field(() => Int, { nullable: true, description: 'Published reports in this view; null when WITHHELD.' }) reports!: number | null;
  @Field(() => Int, { nullable: true, description: 'LOCKED only: how many more distinct billers must report before it unlocks.' }) submittersNeeded!: number | null;
  @Field(() => String, { description: 'The state in words, e.g. "3 reports so far; 2 more billers need to report before patterns are shown."' }) message!: string;
  @Field(() => String, { nullable: true, description: 'When these numbers were computed (ISO 8601); null before the first report.' }) computedAt!: string | null;
  @Field(() => DenialBreakdownObject, { nullable: true, description: 'Group code and CARC.' }) reasons!: DenialBreakdownObject | null;
  @Field(() => DenialBreakdownObject, { nullable: true, description: 'RARCs (a report may carry several).' }) remarks!: DenialBreakdownObject | null;
  @Field(() => DenialBreakdownObject, { nullable: true, description: 'Modifiers billed (a report may carry several).' }) modifiers!: DenialBreakdownObject | null;
  @Field(() => DenialBreakdownObject, { nullable: true, description: 'What fixed it.' }) fixes!: DenialBreakdownObject | null;
  @Field(() => DenialBreakdownObject, { nullable: true, description: 'Reports by service quarter (the trend).' }) quarters!: DenialBreakdownObject | null;
  @Field(() => DenialBreakdownObject, { nullable: true }) outcomes!: DenialBreakdownObject | null;
  @Field(() => DenialBreakdownObject, { nullable: true, description: 'All-payers view only.' }) payerTypes!: DenialBreakdownObject | null;
  @Field(() => [AppealLevelStatsObject], { nullable: true }) appealLevels!: AppealLevelStatsObject[] | null;
  @Field(() => Int, { nullable: true }) appealLevelsSuppressed!: number | null;
  @Field(() => String, { nullable: true, description: 'Percent of reports appealed, one decimal.' }) appealRate!: string | null;
  @Field(() => String, { nullable: true, description: 'Percent of resolved reports ending paid or partially paid, one decimal.' }) successRate!: string | null;
  @Field(() => Float, { nullable: true }) medianDaysToResolution!: number | null;
  @Field(() => String, { description: 'Where the numbers come from and the rules applied.' }) source!: string;
}

@ObjectType('DenialStory', { description: 'What one biller wrote about a denial of this code: the text only, so it adds nothing the stats withhold.' })
export class DenialStoryObject {
  @Field(() => String, { description: 'Pass to flagReport to ask a moderator to look at it.' }) reportId!: string;
  @Field(() => String) narrative!: string;
}

export const DenialStoryConnection = ConnectionType(DenialStoryObject, 'DenialStory');
