import { createUnionType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PhiFindingObject } from './phi.objects';

export enum DenialReportStatusEnum {
  PUBLISHED = 'PUBLISHED',
  HELD = 'HELD',
}
registerEnumType(DenialReportStatusEnum, {
  name: 'DenialReportStatus',
  description: 'PUBLISHED: counted in the code\'s stats within seconds. HELD: waiting for a moderator before it counts.',
});

export enum RefusalReasonEnum {
  INVALID_INPUT = 'INVALID_INPUT',
  PATIENT_INFORMATION = 'PATIENT_INFORMATION',
  RATE_LIMITED = 'RATE_LIMITED',
  DUPLICATE = 'DUPLICATE',
  AUTOMATED_SUBMISSION = 'AUTOMATED_SUBMISSION',
  SUBMITTER_BLOCKED = 'SUBMITTER_BLOCKED',
}
registerEnumType(RefusalReasonEnum, {
  name: 'DenialReportRefusalReason',
  description:
    'INVALID_INPUT: see fieldErrors. PATIENT_INFORMATION: see patientInformation; remove it and send again. RATE_LIMITED: see retryAfterSeconds. DUPLICATE: the same report was already received. AUTOMATED_SUBMISSION: the hidden field was filled in. SUBMITTER_BLOCKED: a moderator has paused reports from this connection (retryAfterSeconds says until when).',
});

@ObjectType('FieldError')
export class FieldErrorObject {
  @Field(() => String, { description: 'Input field, e.g. "rarcs[1]".' }) field!: string;
  @Field(() => String) message!: string;
}

@ObjectType('PatientInformationFinding')
export class PatientInformationFindingObject {
  @Field(() => String, { description: 'The free-text field it is in, e.g. "narrative".' }) field!: string;
  @Field(() => PhiFindingObject) finding!: PhiFindingObject;
}

@ObjectType('DenialReportReceipt', { description: 'The report was stored.' })
export class DenialReportReceiptObject {
  @Field(() => String, { description: 'The report\'s id (to flag or quote it); it identifies nobody.' }) reportId!: string;
  @Field(() => String) code!: string;
  @Field(() => DenialReportStatusEnum) status!: DenialReportStatusEnum;
  @Field(() => String, { description: 'What happens next, in words.' }) message!: string;
  @Field(() => String, { description: 'When it was received (ISO 8601).' }) receivedAt!: string;
  @Field(() => String, { description: 'The service quarter kept, e.g. "2025Q3".' }) serviceQuarter!: string;
}

@ObjectType('DenialReportRefusal', { description: 'Nothing was stored.' })
export class DenialReportRefusalObject {
  @Field(() => RefusalReasonEnum) reason!: RefusalReasonEnum;
  @Field(() => String) message!: string;
  @Field(() => [FieldErrorObject]) fieldErrors!: FieldErrorObject[];
  @Field(() => [PatientInformationFindingObject]) patientInformation!: PatientInformationFindingObject[];
  @Field(() => Int, { nullable: true }) retryAfterSeconds!: number | null;
}

export const SubmitDenialReportResult = createUnionType({
  name: 'SubmitDenialReportResult',
  types: () => [DenialReportReceiptObject, DenialReportRefusalObject] as const,
  resolveType: (value: object) => ('reportId' in value ? DenialReportReceiptObject : DenialReportRefusalObject),
});
