import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, RequireRole, StaffActor } from '@denialmap/server/core';
import { ReferenceReleaseObject, ReferenceUploadObject, ReleaseSwitchObject } from './reference-uploads.objects';
import { ReferenceUploadsService } from './reference-uploads.service';

const reasonArg = { type: () => String, nullable: true, description: 'Kept in the audit log (at most 500 characters, no patient information).' } as const;

/** Bringing reference data current (admins): upload, review the preview, activate, discard, roll back. */
@RequireRole('ADMIN')
@Resolver()
export class ReferenceUploadsResolver {
  constructor(private readonly service: ReferenceUploadsService) {}

  @Query(() => [ReferenceReleaseObject], { description: 'Editions of the reference tables and fee schedule releases: staged, active and roll-back targets first.' })
  referenceReleases(): Promise<ReferenceReleaseObject[]> {
    return this.service.list();
  }

  @Query(() => [String], {
    description:
      'A staged fee schedule release, code by code: every row of each code that changes ("70390: work RVU 0.38 -> 0.37"), or "no change". Up to 100 codes.',
  })
  stagedFeeScheduleChanges(@Args('id', { type: () => String }) id: string, @Args('codes', { type: () => [String] }) codes: string[]): Promise<string[]> {
    return this.service.codeChanges(id, codes);
  }

  @Query(() => ReferenceUploadObject, { description: 'One upload with its live progress and what it staged.' })
  referenceUpload(@Args('id', { type: () => String }) id: string): Promise<ReferenceUploadObject> {
    return this.service.upload(id);
  }

  @Query(() => [ReferenceUploadObject], { description: 'The 20 latest submitted uploads.' })
  referenceUploads(): Promise<ReferenceUploadObject[]> {
    return this.service.recent();
  }

  @Mutation(() => ReferenceUploadObject, {
    description: 'Starts an upload. Then POST each file to /staff/reference-uploads/<id>/files?name=<file name> (application/octet-stream) and call submitReferenceUpload.',
  })
  startReferenceUpload(@CurrentActor() actor: StaffActor): Promise<ReferenceUploadObject> {
    return this.service.start(actor);
  }

  @Mutation(() => ReferenceUploadObject, { description: 'Queues the import job for the files sent; nothing goes live until an edition is activated. Audited.' })
  submitReferenceUpload(@CurrentActor() actor: StaffActor, @Args('id', { type: () => String }) id: string): Promise<ReferenceUploadObject> {
    return this.service.submit(actor, id);
  }

  @Mutation(() => ReleaseSwitchObject, { description: 'Puts a staged edition live at once (one transaction); the live one becomes the roll-back target. Audited.' })
  activateReferenceRelease(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => String }) id: string,
    @Args('reason', reasonArg) reason: string | null,
  ): Promise<ReleaseSwitchObject> {
    return this.service.activate(actor, id, reason ?? null);
  }

  @Mutation(() => ReferenceReleaseObject, { description: 'Drops a staged edition; nothing live changes. Audited.' })
  discardReferenceRelease(
    @CurrentActor() actor: StaffActor,
    @Args('id', { type: () => String }) id: string,
    @Args('reason', reasonArg) reason: string | null,
  ): Promise<ReferenceReleaseObject> {
    return this.service.discard(actor, id, reason ?? null);
  }

  @Mutation(() => ReleaseSwitchObject, { description: 'Puts the previous edition of a dataset (e.g. NCCI_PTP) live again; the current one becomes the roll-back target. Audited.' })
  rollBackReferenceDataset(
    @CurrentActor() actor: StaffActor,
    @Args('dataset', { type: () => String }) dataset: string,
    @Args('reason', reasonArg) reason: string | null,
  ): Promise<ReleaseSwitchObject> {
    return this.service.rollBack(actor, dataset, reason ?? null);
  }
}
