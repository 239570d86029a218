import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ReferenceDatasetFamily {
  RVU = 'RVU',
  NCCI_PTP = 'NCCI_PTP',
  NCCI_MUE = 'NCCI_MUE',
  NCCI_AOC = 'NCCI_AOC',
  HCPCS_L2 = 'HCPCS_L2',
  ICD10CM = 'ICD10CM',
}
registerEnumType(ReferenceDatasetFamily, {
  name: 'ReferenceDatasetFamily',
  description:
    'Reference tables CMS republishes on a fixed calendar: RVU (physician fee schedule, quarterly), NCCI_PTP, NCCI_MUE and NCCI_AOC (NCCI edits, quarterly), HCPCS_L2 (quarterly), ICD10CM (each October 1).',
});

@ObjectType('StaleDataset', { description: "A reference table whose current CMS release is not loaded: pages using it may be wrong for recent dates of service." })
export class StaleDatasetObject {
  @Field(() => ReferenceDatasetFamily) dataset!: ReferenceDatasetFamily;
  @Field(() => String, { description: 'What a biller calls it, e.g. "NCCI medically unlikely edits (MUEs)".' }) name!: string;
  @Field(() => String, { description: 'The release that should be loaded by now, e.g. "RVU26D, effective 2026-10-01".' }) expected!: string;
  @Field(() => String) expectedId!: string;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) expectedEffectiveFrom!: string;
  @Field(() => String, { nullable: true, description: 'The newest loaded edition; null when none is loaded.' }) loadedId!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) loadedEffectiveFrom!: string | null;
  @Field(() => String, { description: 'The first date of service (YYYY-MM-DD) the loaded data may be wrong for.' }) since!: string;
  @Field(() => String, { description: 'One sentence for a biller: what may differ, from when.' }) message!: string;
  @Field(() => String, { description: 'For staff: the CMS file to upload.' }) whatToUpload!: string;
}

@ObjectType('DataFreshness', { description: "The loaded reference data against CMS's publication calendar, today." })
export class DataFreshnessObject {
  @Field(() => String, { description: 'The date checked (YYYY-MM-DD, UTC).' }) checkedOn!: string;
  @Field(() => [StaleDatasetObject], { description: 'Tables behind the calendar, fee schedule first; empty when up to date.' }) stale!: StaleDatasetObject[];
  @Field(() => Boolean, { description: 'True when no table is behind.' }) upToDate!: boolean;
}
