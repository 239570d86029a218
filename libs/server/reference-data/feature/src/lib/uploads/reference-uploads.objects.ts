import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

const RELEASE_STATUSES = ['STAGED', 'ACTIVE', 'PREVIOUS', 'RETIRED', 'DISCARDED'] as const;
export const ReferenceReleaseStatusEnum = Object.fromEntries(RELEASE_STATUSES.map((s) => [s, s])) as { [K in (typeof RELEASE_STATUSES)[number]]: K };
registerEnumType(ReferenceReleaseStatusEnum, {
  name: 'ReferenceReleaseStatus',
  description: 'STAGED: uploaded, awaiting review. ACTIVE: what pages use. PREVIOUS: the roll-back target. RETIRED / DISCARDED: record only.',
});

const UPLOAD_STATUSES = ['UPLOADING', 'QUEUED', 'RUNNING', 'STAGED', 'FAILED'] as const;
export const ReferenceUploadStatusEnum = Object.fromEntries(UPLOAD_STATUSES.map((s) => [s, s])) as { [K in (typeof UPLOAD_STATUSES)[number]]: K };
registerEnumType(ReferenceUploadStatusEnum, { name: 'ReferenceUploadStatus', description: 'Where a staff upload of CMS files stands.' });

@ObjectType('PreviewChanges', { description: 'One kind of change a staged edition would make.' })
export class PreviewChangesObject {
  @Field(() => Int) count!: number;
  @Field(() => [String], { description: 'The first few, in code order, one line each.' }) examples!: string[];
}

@ObjectType('ReleasePreview', { description: 'What activating a staged edition would change, against the edition active when it was staged.' })
export class ReleasePreviewObject {
  @Field(() => String, { nullable: true, description: 'The edition compared against (none when the table was empty).' }) againstId!: string | null;
  @Field(() => String, { nullable: true }) againstLabel!: string | null;
  @Field(() => Int) rowsBefore!: number;
  @Field(() => Int) rowsAfter!: number;
  @Field(() => String, { description: 'Rows in force on this date (the staged edition’s effective date) are compared.' }) comparedOn!: string;
  @Field(() => PreviewChangesObject, { nullable: true, description: 'Null when the table has no key to compare by.' }) added!: PreviewChangesObject | null;
  @Field(() => PreviewChangesObject, { nullable: true }) removed!: PreviewChangesObject | null;
  @Field(() => PreviewChangesObject, { nullable: true }) changed!: PreviewChangesObject | null;
  @Field(() => PreviewChangesObject, {
    nullable: true,
    description: 'Fee schedules: national payments (total RVUs x conversion factor, GPCI 1.000) that change, biggest change first. Null for other tables.',
  })
  paymentChanges!: PreviewChangesObject | null;
  @Field(() => [String], { description: 'Facts to read before activating (fee schedules: what it is compared with, the conversion factor, how payments are figured).' })
  notes!: string[];
  @Field(() => [String], { description: 'What to know before activating (e.g. NCCI PTP parts missing).' }) warnings!: string[];
}

@ObjectType('ReferenceRelease', {
  description: 'An edition of a reference table (NCCI, code lists) or of one fee schedule release (dataset FEE_SCHEDULE_<release id>, e.g. FEE_SCHEDULE_RVU26C) and where it stands.',
})
export class ReferenceReleaseObject {
  @Field(() => String) id!: string;
  @Field(() => String) dataset!: string;
  @Field(() => String) label!: string;
  @Field(() => String) effectiveFrom!: string;
  @Field(() => String, { nullable: true }) effectiveTo!: string | null;
  @Field(() => String) sourceFile!: string;
  @Field(() => Int) rowCount!: number;
  @Field(() => ReferenceReleaseStatusEnum) status!: (typeof RELEASE_STATUSES)[number];
  @Field(() => String) importedAt!: string;
  @Field(() => String, { nullable: true }) activatedAt!: string | null;
  @Field(() => ReleasePreviewObject, { nullable: true, description: 'Kept for editions staged from an upload.' }) preview!: ReleasePreviewObject | null;
}

@ObjectType('UploadedFile')
export class UploadedFileObject {
  @Field(() => Int) position!: number;
  @Field(() => String) fileName!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field(() => String) sha256!: string;
}

@ObjectType('FileProblem', { description: 'Why a file was refused, and where.' })
export class FileProblemObject {
  @Field(() => String) file!: string;
  @Field(() => Int) line!: number;
  @Field(() => Int, { nullable: true }) column!: number | null;
  @Field(() => String) problem!: string;
}

@ObjectType('ReferenceUpload', { description: 'A staff upload of CMS files and its import job: poll it for progress.' })
export class ReferenceUploadObject {
  @Field(() => String) id!: string;
  @Field(() => ReferenceUploadStatusEnum) status!: (typeof UPLOAD_STATUSES)[number];
  @Field(() => Int, { description: '0-100 while RUNNING.' }) progress!: number;
  @Field(() => Int, { description: 'Rows read so far.' }) progressRows!: number;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => FileProblemObject, { nullable: true }) problem!: FileProblemObject | null;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) finishedAt!: string | null;
  @Field(() => [UploadedFileObject]) files!: UploadedFileObject[];
  @Field(() => [ReferenceReleaseObject], { description: 'The editions this upload staged (then activated or discarded).' }) releases!: ReferenceReleaseObject[];
}

@ObjectType('ReleaseSwitch', { description: 'An activation or roll-back: what is live now and what it replaced.' })
export class ReleaseSwitchObject {
  @Field(() => String) dataset!: string;
  @Field(() => String) active!: string;
  @Field(() => String, { nullable: true, description: 'Now the roll-back target.' }) replaced!: string | null;
  @Field(() => Boolean, { description: 'False when what is live now is no release: a fee schedule release or calendar year that was new was rolled back, so it is not loaded (active then names that state, e.g. "RVU26C-none").' })
  activeLoaded!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'False when the replaced edition is that "not loaded" state (the release was new); null when nothing was replaced.' })
  replacedLoaded!: boolean | null;
}
