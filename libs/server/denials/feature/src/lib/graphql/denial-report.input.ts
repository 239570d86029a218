import { Field, InputType, Int } from '@nestjs/graphql';
import { ActionTakenEnum, DenialCategoryEnum, PayerTypeEnum, ReportFixEnum, ReportOutcomeEnum } from './report-enums';

@InputType('DenialReportInput', {
  description: 'One denied claim line, anonymously. No patient information: the date of service is a year and quarter, and the story is checked for identifiers before anything is stored.',
})
export class DenialReportInput {
  @Field(() => String, { description: 'CPT/HCPCS code of the denied line, e.g. 70390.' }) code!: string;
  @Field(() => [String], { nullable: true, description: 'Modifiers billed on the line (up to four), e.g. ["26"].' }) modifiers?: string[] | null;
  @Field(() => Int, { description: 'Year of the date of service (2015 on).' }) serviceYear!: number;
  @Field(() => Int, { description: 'Quarter of the date of service, 1-4. Never the full date.' }) serviceQuarter!: number;
  @Field(() => PayerTypeEnum) payerType!: PayerTypeEnum;
  @Field(() => String, { nullable: true, description: 'Optional payer name from the maintained list (e.g. "Noridian Healthcare Solutions").' }) payerName?: string | null;
  @Field(() => String, { nullable: true, description: 'Optional two-letter state of the practice.' }) state?: string | null;
  @Field(() => String, { nullable: true, description: 'Optional two-digit place of service, e.g. 11.' }) placeOfService?: string | null;
  @Field(() => String, { description: 'Claim adjustment group code: CO, OA, PI or PR.' }) groupCode!: string;
  @Field(() => String, { description: 'Claim adjustment reason code (CARC) on the remittance, e.g. 97.' }) carc!: string;
  @Field(() => [String], { nullable: true, description: 'Remittance advice remark codes (RARC), up to five, e.g. ["N290"].' }) rarcs?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'ICD-10-CM codes linked to the line (up to twelve), e.g. ["K11.5"].' }) icd10Codes?: string[] | null;
  @Field(() => DenialCategoryEnum) denialCategory!: DenialCategoryEnum;
  @Field(() => ActionTakenEnum) actionTaken!: ActionTakenEnum;
  @Field(() => Int, { nullable: true, description: 'When appealed: the level reached, 1-5 for Medicare (1 redetermination ... 5 federal court), 1-3 otherwise.' })
  appealLevel?: number | null;
  @Field(() => ReportFixEnum, { nullable: true }) fix?: ReportFixEnum | null;
  @Field(() => ReportOutcomeEnum) outcome!: ReportOutcomeEnum;
  @Field(() => Int, { nullable: true, description: 'Days from the denial to its resolution (not for pending ones).' }) daysToResolution?: number | null;
  @Field(() => String, { nullable: true, description: 'Optional: what happened and what worked, at most 1,500 characters, no patient details.' }) narrative?: string | null;
  @Field(() => String, { nullable: true, description: 'Leave empty. (A field people never see; automated form-fillers do.)' }) website?: string | null;
}
