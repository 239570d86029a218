import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('IndicatorMeaning', { description: 'One RVU-file indicator of a row, decoded into plain words with its source.' })
export class IndicatorMeaningObject {
  @Field(() => String) indicator!: string;
  @Field(() => String) value!: string;
  @Field(() => String) meaning!: string;
  @Field(() => String) source!: string;
  @Field(() => Boolean, { description: 'False when the CMS layout does not define this value.' }) known!: boolean;
}
