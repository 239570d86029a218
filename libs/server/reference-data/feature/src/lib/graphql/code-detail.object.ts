import { DecimalScalar, PaymentStepObject } from '@denialmap/server/core';
import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FeeScheduleReleaseObject } from './fee-schedule-release.object';
import { IndicatorMeaningObject } from './indicator.object';

export enum CodeLevel {
  CPT = 'CPT',
  HCPCS_LEVEL_II = 'HCPCS_LEVEL_II',
}
registerEnumType(CodeLevel, { name: 'CodeLevel', description: 'CPT (HCPCS Level I, AMA) or HCPCS Level II (CMS).' });

export enum ReleaseMatch {
  IN_FORCE = 'IN_FORCE',
  NEAREST_LOADED = 'NEAREST_LOADED',
}
registerEnumType(ReleaseMatch, {
  name: 'ReleaseMatch',
  description: 'IN_FORCE: the release in force on the date of service. NEAREST_LOADED: that release is not loaded; the nearest one of the same year is used.',
});

@ObjectType('CodeStatus', { description: 'MPFS status code and what it means for payment (RVU file layout, Attachment A).' })
export class CodeStatusObject {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => String) meaning!: string;
  @Field(() => Boolean, { description: 'True for A, R and T: the RVUs are used for payment.' }) paidFromRvus!: boolean;
}

@ObjectType('SettingAmount', { description: 'A fee schedule amount for one setting, or the reason there is none.' })
export class SettingAmountObject {
  @Field(() => DecimalScalar, { nullable: true, description: 'Dollars as an exact decimal string ("109.65"); null when not payable.' })
  amount!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [PaymentStepObject]) steps!: PaymentStepObject[];
}

@ObjectType('RvuBreakdown', { description: 'RVUs of one row of the RVU file: the global service, or its 26 / TC / 53 row.' })
export class RvuBreakdownObject {
  @Field(() => String, { description: '"" for the global row; 26, TC or 53 otherwise.' }) modifier!: string;
  @Field(() => CodeStatusObject) status!: CodeStatusObject;
  @Field(() => DecimalScalar) workRvu!: string;
  @Field(() => DecimalScalar) nonFacilityPracticeExpenseRvu!: string;
  @Field(() => DecimalScalar) facilityPracticeExpenseRvu!: string;
  @Field(() => DecimalScalar) malpracticeRvu!: string;
  @Field(() => DecimalScalar) nonFacilityTotalRvu!: string;
  @Field(() => DecimalScalar) facilityTotalRvu!: string;
  @Field(() => Boolean, { description: 'CMS NA indicator: rarely or never done in an office.' }) nonFacilityNotApplicable!: boolean;
  @Field(() => Boolean, { description: 'CMS NA indicator: rarely or never done in a facility.' }) facilityNotApplicable!: boolean;
  @Field(() => String) globalDays!: string;
  @Field(() => String, { description: 'PC/TC indicator (0-9).' }) pctcIndicator!: string;
  @Field(() => [IndicatorMeaningObject], { description: 'Every payment-policy indicator of the row, decoded, with its source.' })
  indicators!: IndicatorMeaningObject[];
  @Field(() => SettingAmountObject, { description: 'National (GPCI 1.000) non-facility amount.' }) nationalNonFacility!: SettingAmountObject;
  @Field(() => SettingAmountObject, { description: 'National (GPCI 1.000) facility amount.' }) nationalFacility!: SettingAmountObject;
}

@ObjectType('CodeDetail', { description: 'Everything the Medicare Physician Fee Schedule says about a code on a date of service.' })
export class CodeDetailObject {
  @Field(() => String) code!: string;
  @Field(() => CodeLevel) level!: CodeLevel;
  @Field(() => String, { description: 'CMS short descriptor from the RVU file.' }) shortDescriptor!: string;
  @Field(() => String, { nullable: true, description: 'HCPCS Level II long description (public domain); null for CPT, whose long descriptors are AMA-licensed.' })
  longDescriptor!: string | null;
  @Field(() => String, { nullable: true, description: 'Copyright notice that must accompany the descriptor (AMA for CPT, ADA for CDT).' })
  descriptorNotice!: string | null;
  @Field(() => String, { description: 'The date of service asked about (YYYY-MM-DD).' }) dateOfService!: string;
  @Field(() => FeeScheduleReleaseObject) release!: FeeScheduleReleaseObject;
  @Field(() => ReleaseMatch) releaseMatch!: ReleaseMatch;
  @Field(() => String, { nullable: true }) releaseNote!: string | null;
  @Field(() => String, { description: 'Citation for every figure on this code: "CMS MPFS RVU25D, PPRRVU2025_Oct.csv".' }) source!: string;
  @Field(() => CodeStatusObject) status!: CodeStatusObject;
  @Field(() => RvuBreakdownObject, { description: 'The global row (no modifier).' }) rvus!: RvuBreakdownObject;
  @Field(() => RvuBreakdownObject, { nullable: true, description: 'Professional component row (modifier 26), when the code has one.' })
  professionalComponent!: RvuBreakdownObject | null;
  @Field(() => RvuBreakdownObject, { nullable: true, description: 'Technical component row (modifier TC), when the code has one.' })
  technicalComponent!: RvuBreakdownObject | null;
  @Field(() => [RvuBreakdownObject], { description: 'Every row of the code in this release, global first.' }) rvuRows!: RvuBreakdownObject[];
}
