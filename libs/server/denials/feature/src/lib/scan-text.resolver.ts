import { Args, Field, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { InvalidInputError } from '@denialmap/shared/errors';
import { PhiKind, scanText } from '@denialmap/shared/phi-guard';

/** Longest text scanned in one call: a report's narrative is at most 1,500 characters. */
export const MAX_SCAN_LENGTH = 5_000;

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

@Resolver()
export class ScanTextResolver {
  @Query(() => TextScanObject, {
    description: 'Checks free text for patient identifiers (names, full dates, ages over 89, phone, email, SSN, record/member/claim/account numbers, addresses, ZIP codes, URLs, IP addresses) so a form can warn while the user types. Stores nothing.',
  })
  scanText(@Args('text', { type: () => String }) text: string): TextScanObject {
    if (text.length > MAX_SCAN_LENGTH) {
      throw new InvalidInputError('text', `Text to scan is at most ${MAX_SCAN_LENGTH} characters; ${text.length} were given.`);
    }
    const findings = scanText(text).map((f) => ({ ...f, kind: f.kind as PhiKind as PhiKindEnum }));
    return { clean: findings.length === 0, findings };
  }
}
