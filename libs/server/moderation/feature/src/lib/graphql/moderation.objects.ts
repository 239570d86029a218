import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@denialmap/server/core';

export enum ModeratedReportStatusEnum {
  PUBLISHED = 'PUBLISHED',
  HELD = 'HELD',
  REJECTED = 'REJECTED',
}
registerEnumType(ModeratedReportStatusEnum, {
  name: 'ModeratedReportStatus',
  description: 'PUBLISHED: counted in the stats. HELD: out of the stats until a moderator decides. REJECTED: removed by a moderator.',
});

export enum QueueReasonEnum {
  HELD_BY_CHECKS = 'HELD_BY_CHECKS',
  FLAGGED = 'FLAGGED',
  SAMPLED = 'SAMPLED',
}
registerEnumType(QueueReasonEnum, {
  name: 'ModerationQueueReason',
  description: 'HELD_BY_CHECKS: an automated check held it (e.g. a near-duplicate story). FLAGGED: readers flagged it since a moderator last looked. SAMPLED: picked at random for a second look (still published).',
});

export enum QueueOrderEnum {
  NEWEST = 'NEWEST',
  MOST_FLAGGED = 'MOST_FLAGGED',
}
registerEnumType(QueueOrderEnum, { name: 'ModerationQueueOrder' });

@ObjectType('FlagReasonCount')
export class FlagReasonCountObject {
  @Field(() => String, { description: 'A FlagReason value.' }) reason!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('ModerationReport', { description: 'A denial report as moderators see it, with why it is in the queue.' })
export class ModerationReportObject {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => ModeratedReportStatusEnum) status!: ModeratedReportStatusEnum;
  @Field(() => String, { nullable: true, description: 'Why an automated check or readers held it (NEAR_DUPLICATE, FLAGGED).' }) holdReason!: string | null;
  @Field(() => [QueueReasonEnum], { description: 'Empty once a moderator has dealt with it.' }) queueReasons!: QueueReasonEnum[];
  @Field(() => [String]) modifiers!: string[];
  @Field(() => String, { description: 'e.g. 2025Q3.' }) serviceQuarter!: string;
  @Field(() => String, { description: 'A PayerType value.' }) payerType!: string;
  @Field(() => String, { nullable: true }) payerName!: string | null;
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => String, { nullable: true }) placeOfService!: string | null;
  @Field(() => String) groupCode!: string;
  @Field(() => String) carc!: string;
  @Field(() => [String]) rarcs!: string[];
  @Field(() => [String]) icd10Codes!: string[];
  @Field(() => String) denialCategory!: string;
  @Field(() => String) actionTaken!: string;
  @Field(() => Int, { nullable: true }) appealLevel!: number | null;
  @Field(() => String, { nullable: true }) fix!: string | null;
  @Field(() => String) outcome!: string;
  @Field(() => Int, { nullable: true }) daysToResolution!: number | null;
  @Field(() => String, { nullable: true }) narrative!: string | null;
  @Field(() => Int) flagCount!: number;
  @Field(() => Int, { description: 'Flags since a moderator last decided on it.' }) unseenFlags!: number;
  @Field(() => [FlagReasonCountObject]) flagReasons!: FlagReasonCountObject[];
  @Field(() => String, { description: "The first characters of the anonymous submitter hash: the same value means the same submitter (that day's key)." })
  submitterRef!: string;
  @Field(() => Int, { description: 'Reports under the same submitter hash.' }) submitterReports!: number;
  @Field(() => String, { nullable: true }) submitterBlockedUntil!: string | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => String, { nullable: true }) reviewedAt!: string | null;
  @Field(() => String) createdAt!: string;
}

export const ModerationQueueConnection = ConnectionType(ModerationReportObject, 'ModerationQueue');

@ObjectType('SubmitterBlock', { description: 'A pause on one anonymous submitter (new reports are refused until it ends).' })
export class SubmitterBlockObject {
  @Field(() => ID) id!: string;
  @Field(() => String) submitterRef!: string;
  @Field(() => String) blockedUntil!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) liftedAt!: string | null;
}

@ObjectType('ModerationRule', { description: 'One of the published rules moderators apply.' })
export class ModerationRuleObject {
  @Field(() => String) title!: string;
  @Field(() => String) text!: string;
}
