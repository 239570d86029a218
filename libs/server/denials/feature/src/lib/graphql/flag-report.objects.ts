import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum FlagResultStatusEnum {
  FLAGGED = 'FLAGGED',
  HELD_FOR_REVIEW = 'HELD_FOR_REVIEW',
  ALREADY_FLAGGED = 'ALREADY_FLAGGED',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
}
registerEnumType(FlagResultStatusEnum, { name: 'FlagResultStatus' });

@ObjectType('FlagReportResult')
export class FlagReportResultObject {
  @Field(() => FlagResultStatusEnum) status!: FlagResultStatusEnum;
  @Field(() => String) message!: string;
  @Field(() => Int, { nullable: true }) retryAfterSeconds!: number | null;
}
