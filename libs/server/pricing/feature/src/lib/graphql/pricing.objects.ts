import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecimalScalar, PaymentStepObject } from '@denialmap/server/core';

export enum CareSetting {
  NON_FACILITY = 'NON_FACILITY',
  FACILITY = 'FACILITY',
}
registerEnumType(CareSetting, {
  name: 'CareSetting',
  description: 'Which practice expense RVUs apply: NON_FACILITY (office, home...) or FACILITY (hospital, ASC, SNF...).',
});

export enum LinePricingKind {
  FEE_SCHEDULE = 'FEE_SCHEDULE',
  CONTRACTOR_PRICED = 'CONTRACTOR_PRICED',
  NOT_PAYABLE = 'NOT_PAYABLE',
  DENIED = 'DENIED',
}
registerEnumType(LinePricingKind, {
  name: 'LinePricing',
  description:
    'FEE_SCHEDULE: amount is the Medicare allowed amount. CONTRACTOR_PRICED: payable, but the MAC sets the amount. NOT_PAYABLE: the fee schedule does not pay it as billed. DENIED: a claim edit denies the line.',
});

export enum FindingKindEnum {
  MODIFIER_NOT_ALLOWED = 'MODIFIER_NOT_ALLOWED',
  MODIFIER_CONFLICT = 'MODIFIER_CONFLICT',
  DOCUMENTATION_REQUIRED = 'DOCUMENTATION_REQUIRED',
  NOT_SEPARATELY_PAYABLE = 'NOT_SEPARATELY_PAYABLE',
  CONTRACTOR_PRICED = 'CONTRACTOR_PRICED',
  BILATERAL_UNITS = 'BILATERAL_UNITS',
  MULTIPLE_PROCEDURE = 'MULTIPLE_PROCEDURE',
  PTP_EDIT = 'PTP_EDIT',
  MUE_EXCEEDED = 'MUE_EXCEEDED',
  ADD_ON_WITHOUT_PRIMARY = 'ADD_ON_WITHOUT_PRIMARY',
  DUPLICATE_LINE = 'DUPLICATE_LINE',
}
registerEnumType(FindingKindEnum, { name: 'FindingKind' });

export enum FindingSeverityEnum {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
  INFO = 'INFO',
}
registerEnumType(FindingSeverityEnum, {
  name: 'FindingSeverity',
  description: 'ERROR: the line will be denied or not paid as billed. WARNING: likely trouble or documentation needed. INFO: how the rules changed the amount.',
});

@InputType('PriceInput')
export class PriceInput {
  @Field(() => String, { description: 'CPT or HCPCS code, e.g. 70390.' }) code!: string;
  @Field(() => [String], { nullable: true, description: 'Up to four modifiers, e.g. ["26"] or ["RT", "LT"].' }) modifiers?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Units of service, 1-999 (default 1).' }) units?: number | null;
  @Field(() => String, { description: 'YYYY-MM-DD; picks the fee schedule release in force.' }) dateOfService!: string;
  @Field(() => String, { nullable: true, description: 'Two-digit place of service, e.g. 11 (office) or 22 (outpatient hospital). Default 11.' })
  placeOfService?: string | null;
  @Field(() => CareSetting, { nullable: true, description: 'Instead of a place of service.' }) setting?: CareSetting | null;
  @Field(() => String, { nullable: true, description: 'Medicare locality as MAC-locality, e.g. 01112-05. National amounts when neither locality nor zip is given.' })
  locality?: string | null;
  @Field(() => String, { nullable: true, description: 'ZIP code, instead of a locality.' }) zip?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Participating provider (default true). Non-participating: 95% and a limiting charge.' })
  participating?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Billed by a NP, PA or CNS under their own number: 85%.' }) nonPhysicianPractitioner?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Qualifying APM participant (from 2026 a higher conversion factor).' }) qualifyingApmParticipant?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'With modifier 55: days of postoperative care given.' }) postOperativeDays?: number | null;
}

@InputType('ClaimLineInput')
export class ClaimLineInput {
  @Field(() => String) code!: string;
  @Field(() => [String], { nullable: true }) modifiers?: string[] | null;
  @Field(() => Int, { nullable: true, description: '1-999 (default 1).' }) units?: number | null;
  @Field(() => Int, { nullable: true, description: 'With modifier 55: days of postoperative care given.' }) postOperativeDays?: number | null;
}

@InputType('ClaimInput', { description: 'One claim: one patient, one provider, one date of service; at most 50 lines.' })
export class ClaimInput {
  @Field(() => String) dateOfService!: string;
  @Field(() => String, { nullable: true }) placeOfService?: string | null;
  @Field(() => CareSetting, { nullable: true }) setting?: CareSetting | null;
  @Field(() => String, { nullable: true }) locality?: string | null;
  @Field(() => String, { nullable: true }) zip?: string | null;
  @Field(() => Boolean, { nullable: true }) participating?: boolean | null;
  @Field(() => Boolean, { nullable: true }) nonPhysicianPractitioner?: boolean | null;
  @Field(() => Boolean, { nullable: true }) qualifyingApmParticipant?: boolean | null;
  @Field(() => [ClaimLineInput]) lines!: ClaimLineInput[];
}

@ObjectType('PricingRelease', { description: 'The fee schedule release and conversion factor the amounts come from.' })
export class PricingReleaseObject {
  @Field(() => String, { description: 'e.g. RVU25D' }) id!: string;
  @Field(() => String, { description: 'e.g. "CMS MPFS RVU25D"' }) label!: string;
  @Field(() => String) sourceFile!: string;
  @Field(() => DecimalScalar) conversionFactor!: string;
  @Field(() => String) conversionFactorSource!: string;
  @Field(() => Boolean, { description: 'False when the release in force on the date of service is not loaded and the nearest one is used.' })
  inForce!: boolean;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('PricingLocality', { description: 'The locality whose GPCIs priced the claim; null means national (all GPCIs 1.000).' })
export class PricingLocalityObject {
  @Field(() => String, { description: 'MAC-locality, e.g. 01112-05' }) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) state!: string;
  @Field(() => DecimalScalar) workGpci!: string;
  @Field(() => DecimalScalar) practiceExpenseGpci!: string;
  @Field(() => DecimalScalar) malpracticeGpci!: string;
  @Field(() => String) source!: string;
}

@ObjectType('ClaimFinding', { description: 'What the rules found about one or more lines, with the fix and the likely denial reason.' })
export class ClaimFindingObject {
  @Field(() => FindingKindEnum) kind!: FindingKindEnum;
  @Field(() => FindingSeverityEnum) severity!: FindingSeverityEnum;
  @Field(() => [Int], { description: '1-based claim line numbers.' }) lines!: number[];
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true }) fix!: string | null;
  @Field(() => String, { nullable: true, description: 'Most likely claim adjustment reason code (CARC), e.g. 97.' }) carc!: string | null;
  @Field(() => String, { nullable: true, description: 'The CARC\'s text from the shipped X12 list.' }) carcDescription!: string | null;
  @Field(() => String) source!: string;
}

@ObjectType('PricedLine')
export class PricedLineObject {
  @Field(() => Int) line!: number;
  @Field(() => String) code!: string;
  @Field(() => [String]) modifiers!: string[];
  @Field(() => Int) units!: number;
  @Field(() => LinePricingKind) pricing!: LinePricingKind;
  @Field(() => Boolean, { description: 'FEE_SCHEDULE or CONTRACTOR_PRICED.' }) payable!: boolean;
  @Field(() => DecimalScalar, { nullable: true, description: 'Allowed amount after every adjustment ("109.65"); null unless FEE_SCHEDULE.' })
  amount!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'One unit of the RVU row used, before modifier and multiple-procedure adjustments.' })
  feeScheduleAmount!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Non-participating providers only: the most the patient may be charged.' })
  limitingCharge!: string | null;
  @Field(() => String, { nullable: true, description: 'The RVU row priced: "" (global), 26, TC or 53.' }) rvuRow!: string | null;
  @Field(() => String, { nullable: true, description: 'Why there is no amount.' }) reason!: string | null;
  @Field(() => [PaymentStepObject]) steps!: PaymentStepObject[];
}

@ObjectType('PriceResult', { description: 'A typical-case Medicare estimate for one code as billed, with the math shown.' })
export class PriceResultObject extends PricedLineObject {
  @Field(() => String) dateOfService!: string;
  @Field(() => PricingReleaseObject) release!: PricingReleaseObject;
  @Field(() => CareSetting) setting!: CareSetting;
  @Field(() => String) settingBasis!: string;
  @Field(() => PricingLocalityObject, { nullable: true }) locality!: PricingLocalityObject | null;
  @Field(() => [ClaimFindingObject]) findings!: ClaimFindingObject[];
  @Field(() => [String], { description: 'Caveats about the data used (GPCI floor, caps, edition dates).' }) notes!: string[];
}

@ObjectType('ClaimCheck', { description: 'Every line priced after all adjustments, the total, and the edits that will bite.' })
export class ClaimCheckObject {
  @Field(() => String) dateOfService!: string;
  @Field(() => PricingReleaseObject) release!: PricingReleaseObject;
  @Field(() => CareSetting) setting!: CareSetting;
  @Field(() => String) settingBasis!: string;
  @Field(() => PricingLocalityObject, { nullable: true }) locality!: PricingLocalityObject | null;
  @Field(() => [PricedLineObject]) lines!: PricedLineObject[];
  @Field(() => DecimalScalar, { description: 'Sum of the FEE_SCHEDULE lines.' }) total!: string;
  @Field(() => [ClaimFindingObject]) findings!: ClaimFindingObject[];
  @Field(() => [String]) notes!: string[];
}
