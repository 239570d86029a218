import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobProducer, QUEUES, StaffActor } from '@denialmap/server/core';
import {
  DatasetCatalog,
  DatasetReleaseRecord,
  ReferenceReleases,
  ReferenceUploadRepository,
  ReferenceUploadView,
  ReleaseSwitch,
  UploadedFileView,
} from '@denialmap/server/reference-data/data-access';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { scanText } from '@denialmap/shared/phi-guard';
import { ReferenceReleaseObject, ReferenceUploadObject } from './reference-uploads.objects';

const RECENT_UPLOADS = 20;

/**
 * The staff workflow for new CMS files (admins only): start an upload, send its files, submit it
 * to the import job, then activate or discard what it staged, or roll a table back. Every step
 * that changes anything is in the audit log.
 */
@Injectable()
export class ReferenceUploadsService {
  constructor(
    private readonly uploads: ReferenceUploadRepository,
    private readonly releases: ReferenceReleases,
    private readonly catalog: DatasetCatalog,
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(actor: StaffActor): Promise<ReferenceUploadObject> {
    return this.upload(await this.uploads.create(actor.accountId));
  }

  addFile(actor: StaffActor, uploadId: string, name: string | undefined, body: AsyncIterable<Buffer>): Promise<UploadedFileView> {
    return this.uploads.addFile(uploadId, actor.accountId, fileName(name), body, this.config.REFERENCE_UPLOAD_MAX_MB << 20);
  }

  async submit(actor: StaffActor, uploadId: string): Promise<ReferenceUploadObject> {
    await this.uploads.submit(uploadId, { id: actor.accountId, email: actor.email });
    await this.jobs.enqueue(QUEUES.referenceData, 'stage-upload', { uploadId, actorId: actor.accountId, actorEmail: actor.email }, { jobId: `upload-${uploadId}` });
    return this.upload(uploadId);
  }

  async upload(uploadId: string): Promise<ReferenceUploadObject> {
    const upload = await this.uploads.get(uploadId);
    if (!upload) throw new NotFoundError('Reference upload', uploadId);
    return this.toUploadObject(upload);
  }

  async recent(): Promise<ReferenceUploadObject[]> {
    return Promise.all((await this.uploads.recent(RECENT_UPLOADS)).map((u) => this.toUploadObject(u)));
  }

  codeChanges(id: string, codes: string[]): Promise<string[]> {
    return this.releases.codeChanges(id, codes);
  }

  async list(): Promise<ReferenceReleaseObject[]> {
    return (await this.releases.list()).map(toReleaseObject);
  }

  async activate(actor: StaffActor, id: string, reason: string | null): Promise<ReleaseSwitch> {
    return this.switched(await this.releases.activate(id, { id: actor.accountId, email: actor.email, reason: note(reason) }));
  }

  async discard(actor: StaffActor, id: string, reason: string | null): Promise<ReferenceReleaseObject> {
    return toReleaseObject(await this.releases.discard(id, { id: actor.accountId, email: actor.email, reason: note(reason) }));
  }

  async rollBack(actor: StaffActor, dataset: string, reason: string | null): Promise<ReleaseSwitch> {
    return this.switched(await this.releases.rollBack(dataset, { id: actor.accountId, email: actor.email, reason: note(reason) }));
  }

  /** This process answers from the new edition at once; other api processes within 10 s (their catalog refresh). */
  private switched(change: ReleaseSwitch): ReleaseSwitch {
    this.catalog.refresh();
    return change;
  }

  private async toUploadObject(u: ReferenceUploadView): Promise<ReferenceUploadObject> {
    return {
      ...u,
      createdAt: u.createdAt.toISOString(),
      finishedAt: u.finishedAt?.toISOString() ?? null,
      releases: (await this.releases.byUpload(u.id)).map(toReleaseObject),
    };
  }
}

export function toReleaseObject(r: DatasetReleaseRecord): ReferenceReleaseObject {
  const p = r.preview;
  return {
    ...r,
    importedAt: r.importedAt.toISOString(),
    activatedAt: r.activatedAt?.toISOString() ?? null,
    preview: p && { ...p, againstId: p.against?.id ?? null, againstLabel: p.against?.label ?? null, paymentChanges: p.paymentChanges ?? null, notes: p.notes ?? [] },
  };
}

/** The name as uploaded, without any folder part; it must say the edition (CMS names do). */
function fileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  if (!/^[\w .()+-]{1,200}$/.test(base) || base.startsWith('.')) {
    throw new InvalidInputError('name', 'Send the file name as ?name= (letters, digits, spaces, . _ - ( ) +; at most 200 characters), as CMS named it.');
  }
  return base;
}

function note(reason: string | null): string | null {
  const trimmed = (reason ?? '').trim();
  if (!trimmed) return null;
  if (trimmed.length > 500) throw new InvalidInputError('reason', 'A note has at most 500 characters.');
  if (scanText(trimmed).length > 0) throw new InvalidInputError('reason', 'The note looks like it contains patient information; write it without.');
  return trimmed;
}
