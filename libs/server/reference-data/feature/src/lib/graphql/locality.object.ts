import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '@denialmap/server/core';

@ObjectType('LocalityGpci', { description: 'Geographic practice cost indices of a locality for one year (CMS Addendum E).' })
export class LocalityGpciObject {
  @Field(() => Int) year!: number;
  @Field(() => DecimalScalar, { description: 'The work GPCI that applies on the date of service (see workGpciNote).' }) work!: string;
  @Field(() => DecimalScalar, { description: 'Work GPCI with the 1.0 floor, as printed.' }) workWithFloor!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Work GPCI without the floor (printed from 2026).' }) workWithoutFloor!: string | null;
  @Field(() => Boolean) workFloorApplied!: boolean;
  @Field(() => String, { nullable: true }) workGpciNote!: string | null;
  @Field(() => DecimalScalar) practiceExpense!: string;
  @Field(() => DecimalScalar) malpractice!: string;
  @Field(() => String) source!: string;
}

@ObjectType('Locality', { description: 'A Medicare payment locality: a MAC and locality number, e.g. 01112-05.' })
export class LocalityObject {
  @Field(() => String, { description: 'MAC-locality, e.g. "01112-05": what price(locality: ...) takes.' }) id!: string;
  @Field(() => String, { description: 'Medicare Administrative Contractor number.' }) mac!: string;
  @Field(() => String) localityNumber!: string;
  @Field(() => String) state!: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'Fee schedule area(s) as CMS names them.' }) feeScheduleAreas!: string[];
  @Field(() => [String], { description: 'Counties included, as CMS lists them.' }) counties!: string[];
  @Field(() => LocalityGpciObject) gpci!: LocalityGpciObject;
  @Field(() => DecimalScalar, { nullable: true, description: 'Anesthesia conversion factor (non-QP from 2026).' }) anesthesiaConversionFactor!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Anesthesia conversion factor for qualifying APM participants (2026 on).' })
  anesthesiaQualifyingApmConversionFactor!: string | null;
  @Field(() => String, { nullable: true, description: 'Set when the year asked about has no GPCIs loaded and another year is used.' })
  yearNote!: string | null;
}

@ObjectType('ZipLocality', { description: 'The Medicare locality a ZIP code is priced in (CMS ZIP5 file).' })
export class ZipLocalityObject {
  @Field(() => String) zip!: string;
  @Field(() => String) state!: string;
  @Field(() => String, { description: 'URBAN, RURAL or SUPER_RURAL (CMS rural indicator).' }) area!: string;
  @Field(() => LocalityObject) locality!: LocalityObject;
  @Field(() => String) source!: string;
}
