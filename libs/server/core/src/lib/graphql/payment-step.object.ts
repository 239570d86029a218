import { Field, ObjectType } from '@nestjs/graphql';

/** Shared by every feature that shows money: one line of "how we got this". */
@ObjectType('PaymentStep', { description: 'One step of the payment math, with the rule and where each input came from.' })
export class PaymentStepObject {
  @Field(() => String) rule!: string;
  @Field(() => String, { description: 'The inputs as used, e.g. "3.39 x 32.3465".' }) formula!: string;
  @Field(() => String) result!: string;
  @Field(() => String, { description: 'Release, file and field, or the rule\'s citation.' }) source!: string;
}
