import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PhiFinding, PhiKind } from '@denialmap/shared/phi-guard';

export enum PhiKindEnum {
  NAME = 'NAME',
  DATE = 'DATE',
  AGE_OVER_89 = 'AGE_OVER_89',
  PHONE = 'PHONE',
  FAX = 'FAX',
  EMAIL = 'EMAIL',
  SSN = 'SSN',
  MRN = 'MRN',
  MEMBER_ID = 'MEMBER_ID',
  CLAIM_NUMBER = 'CLAIM_NUMBER',
  ACCOUNT_NUMBER = 'ACCOUNT_NUMBER',
  ADDRESS = 'ADDRESS',
  ZIP = 'ZIP',
  URL = 'URL',
  IP_ADDRESS = 'IP_ADDRESS',
}
registerEnumType(PhiKindEnum, { name: 'PhiKind', description: 'HIPAA Safe Harbor identifier kinds the patient-information guard looks for.' });

@ObjectType('PhiFinding')
export class PhiFindingObject {
  @Field(() => PhiKindEnum) kind!: PhiKindEnum;
  @Field(() => Int, { description: 'Offset of the first character (UTF-16 code units).' }) start!: number;
  @Field(() => Int, { description: 'Offset after the last character.' }) end!: number;
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'What to do instead, in plain words.' }) message!: string;
}

@ObjectType('TextScan', { description: 'What the patient-information guard found. Nothing is stored or logged.' })
export class TextScanObject {
  @Field(() => Boolean, { description: 'True when no identifier was found.' }) clean!: boolean;
  @Field(() => [PhiFindingObject]) findings!: PhiFindingObject[];
}

/** The guard's findings as GraphQL objects. */
export function toPhiFindingObjects(findings: PhiFinding[]): PhiFindingObject[] {
  return findings.map((f) => ({ ...f, kind: f.kind as PhiKind as PhiKindEnum }));
}
