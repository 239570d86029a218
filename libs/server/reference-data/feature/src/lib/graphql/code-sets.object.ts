import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { ConnectionArgs, ConnectionType } from '@denialmap/server/core';
import { CodeLevel } from './code-detail.object';

@ObjectType('AdjustmentCode', { description: 'An X12 claim adjustment reason code (CARC) or remittance advice remark code (RARC).' })
export class AdjustmentCodeObject {
  @Field(() => String) code!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) usage!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => String, { nullable: true }) startDate!: string | null;
  @Field(() => String, { nullable: true, description: 'When X12 deactivated the code; null while active.' }) stopDate!: string | null;
  @Field(() => Boolean, { description: 'False once the stop date has passed: new reports may not use it.' }) active!: boolean;
  @Field(() => String) source!: string;
}

@ObjectType('GroupCode', { description: 'Claim adjustment group code: who is responsible for the adjustment.' })
export class GroupCodeObject {
  @Field(() => String) code!: string;
  @Field(() => String) description!: string;
}

@ObjectType('ModifierInfo', { description: 'A CPT (Level I) or HCPCS Level II modifier.' })
export class ModifierObject {
  @Field(() => String) modifier!: string;
  @Field(() => String, { description: 'CPT or HCPCS.' }) modifierType!: string;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { description: 'Title (CPT modifier titles are © AMA).' }) description!: string;
  @Field(() => String, { nullable: true, description: 'Longer CMS explanation (HCPCS Level II modifiers only).' }) information!: string | null;
}

@ObjectType('Icd10Code', { description: 'An ICD-10-CM code (CDC/NCHS).' })
export class Icd10Object {
  @Field(() => String) code!: string;
  @Field(() => Boolean, { description: 'True when the code can be reported on a claim (not a category header).' }) billable!: boolean;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) chapter!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
}

@ObjectType('CodeSearchHit', { description: 'A CPT/HCPCS code found by searchCodes.' })
export class CodeSearchHitObject {
  @Field(() => String) code!: string;
  @Field(() => CodeLevel) level!: CodeLevel;
  @Field(() => String) shortDescriptor!: string;
  @Field(() => String, { nullable: true, description: 'HCPCS Level II long description (CPT long descriptors are not shipped).' })
  longDescriptor!: string | null;
  @Field(() => String, { nullable: true, description: 'MPFS status code; null for codes not on the fee schedule.' }) statusCode!: string | null;
}

export const CodeSearchConnection = ConnectionType(CodeSearchHitObject, 'CodeSearch');
export const Icd10SearchConnection = ConnectionType(Icd10Object, 'Icd10Search');

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field(() => String, { description: 'A code or its first characters (703, 70390, K11.5), or words of the description (salivary duct).' })
  query!: string;
}
