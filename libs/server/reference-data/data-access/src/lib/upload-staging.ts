import { Injectable, Logger } from '@nestjs/common';
import { open, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import StreamZip from 'node-stream-zip';
import { CmsFormatError } from '@denialmap/shared/cms-formats';
import { DomainError, InvalidInputError } from '@denialmap/shared/errors';
import { DATASETS, DatasetKind, DatasetImporter, StagedRelease } from './dataset-importer';
import { PprrvuImporter } from './pprrvu-importer';
import { DetectedFile, detectReferenceFile } from './detect-file';
import type { ReferenceFileKind } from './import-outcome';
import { ptpPartsEdition } from './ptp-parts';
import { editionFromName } from './reference-imports';
import { ReferenceReleases } from './reference-releases';
import { ReferenceUploadRepository } from './reference-upload.repository';

/** Files CMS puts in its zips beside the data (layouts, readmes, spreadsheets of the same table). */
const COMPANION = /\.(pdf|xlsx?|docx?|rtf|html?)$/i;
const PROGRESS_EVERY_MS = 500;
/** CMS's largest zip (the RVU release) unpacks to about 100 MB; a zip claiming more than this is refused before anything is written. */
export const MAX_UNZIPPED_BYTES = 2 * 1024 ** 3;

export interface UploadActor {
  id: string;
  email: string;
}

interface RecognisedFile extends DetectedFile {
  path: string;
  name: string;
}

/**
 * The background job behind a staff upload: the files (zips opened) are recognised by content,
 * grouped into editions (the four NCCI PTP parts make one) and staged with a preview. Nothing
 * live changes here; if any file is refused, whatever this upload staged is discarded too.
 */
@Injectable()
export class UploadStaging {
  private readonly logger = new Logger(UploadStaging.name);

  constructor(
    private readonly uploads: ReferenceUploadRepository,
    private readonly importer: DatasetImporter,
    private readonly releases: ReferenceReleases,
    private readonly pprrvu: PprrvuImporter,
  ) {}

  async run(uploadId: string, actor: UploadActor): Promise<StagedRelease[]> {
    await this.uploads.markRunning(uploadId);
    const directory = await mkdtemp(join(tmpdir(), 'denialmap-upload-'));
    let reported = 0;
    try {
      const staged = await this.stageFiles(await this.uploads.writeFiles(uploadId, directory), actor, uploadId, (percent, rows, label) => {
        const now = Date.now();
        if (now - reported < PROGRESS_EVERY_MS) return;
        reported = now;
        void this.uploads.progress(uploadId, percent, rows, `Loading ${label}`).catch(() => undefined);
      });
      await this.uploads.finish(
        uploadId,
        'STAGED',
        `Staged ${staged.map((s) => `${s.releaseId} (${s.rows.toLocaleString('en-US')} rows)`).join(', ')}: review the preview, then activate or discard.`,
        null,
      );
      return staged;
    } catch (error) {
      if (error instanceof CmsFormatError) {
        await this.uploads.finish(uploadId, 'FAILED', `Refused ${error.file}: nothing was staged or changed.`, {
          file: error.file,
          line: error.line,
          column: error.column,
          problem: error.problem,
        });
        return [];
      }
      if (error instanceof DomainError) {
        await this.uploads.finish(uploadId, 'FAILED', `${error.message} Nothing was staged or changed.`, null);
        return [];
      }
      this.logger.error(`upload ${uploadId} failed: ${(error as Error).stack ?? String(error)}`);
      await this.uploads.finish(uploadId, 'FAILED', 'The import failed on the server (see the worker log) and will be retried; nothing was staged or changed.', null, true);
      throw error;
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  /**
   * Stages the editions in `paths` (zips opened, PTP parts as one edition), each with its preview;
   * the staff upload job and `data:import --stage` both come here. If any file is refused, what
   * was staged from these files is discarded again and the error is thrown.
   */
  async stageFiles(paths: string[], actor: UploadActor | { id: null; email: string }, uploadId?: string, onProgress?: (percent: number, rows: number, label: string) => void): Promise<StagedRelease[]> {
    const staged: StagedRelease[] = [];
    try {
      const groups = groupIntoEditions(await this.recognise(paths));
      for (const [i, group] of groups.entries()) {
        const progress = (label: string) => onProgress && ((rows: number, fraction: number) => onProgress((100 * (i + fraction)) / groups.length, rows, label));
        if (group.kind === 'pprrvu') {
          const file = group.files[0];
          staged.push(await this.pprrvu.stage(file.path, { format: group.format, uploadId, warnings: group.warnings, onProgress: progress(`PPRRVU ${file.name}`) }));
          continue;
        }
        const spec = DATASETS[group.kind as DatasetKind];
        const edition = editionFromName(group.kind as DatasetKind, spec.dataset, nameWithYear(group, groups), group.format);
        const label = `${spec.dataset} ${group.files.map((f) => f.name).join(' + ')}`;
        staged.push(
          await this.importer.stage(spec, group.files.map((f) => f.path), edition, {
            format: group.format,
            uploadId,
            warnings: group.warnings,
            onProgress: progress(label),
          }),
        );
      }
      return staged;
    } catch (error) {
      for (const s of staged) {
        await this.releases.discard(s.releaseId, { ...actor, reason: 'Another file of the same upload was refused.' }).catch(() => undefined);
      }
      throw error;
    }
  }

  /** Every data file, zips opened; a file that fits no known layout refuses the whole upload. */
  private async recognise(paths: string[]): Promise<RecognisedFile[]> {
    const files: RecognisedFile[] = [];
    for (const path of paths) {
      const members = (await isZip(path)) ? await extractZip(path) : [path];
      for (const member of members) {
        const name = basename(member);
        const detected = await detectReferenceFile(member);
        if (detected) {
          files.push({ ...detected, path: member, name });
        } else if (!(members.length > 1 && COMPANION.test(name))) {
          const where = member === path ? name : `${name} (in ${basename(path)})`;
          throw new CmsFormatError(
            where,
            1,
            null,
            'not a file DenialMap can read. Expected an NCCI PTP file as CMS publishes it (ccipra-v###r#-f#.TXT, TAB-delimited, 6 header lines), an NCCI MUE CSV (MCR_MUE_…_Eff_MM-DD-YYYY.csv), a member of CMS\'s RVU zip (PPRRVU, GPCI, LOCCO, ANES, OPPSCAP as .csv or .txt), the HCPCS Level II file, the ICD-10-CM order file (icd10cm_order_<year>.txt), a CMS zip of them, or a file in the shipped layouts (data/reference/SOURCES.md).',
          );
        }
      }
    }
    if (files.length === 0) throw new InvalidInputError('files', 'The upload holds no data file (only documentation).');
    return files;
  }
}

interface EditionGroup {
  kind: ReferenceFileKind;
  format: DetectedFile['format'];
  files: RecognisedFile[];
  warnings: string[];
}

/**
 * One group per dataset; NCCI PTP parts in part order, and all of one version. CMS's RVU zip holds
 * each table twice (.csv and fixed-width .txt): the .csv is staged and the copy set aside.
 */
function groupIntoEditions(files: RecognisedFile[]): EditionGroup[] {
  const groups = new Map<string, EditionGroup>();
  const setAside: string[] = [];
  for (const file of files) {
    const group = groups.get(file.kind) ?? { kind: file.kind, format: file.format, files: [], warnings: [] };
    if (group.format !== file.format) {
      // The same table in both layouts (an RVU zip's .csv and .txt): the shipped (.csv) layout wins.
      const [kept, other] = group.format === 'shipped' ? [group.files[0], file] : [file, group.files[0]];
      if (group.files.length !== 1 || file.kind === 'ncci-ptp') throw new InvalidInputError('files', `${file.name}: one upload holds one layout per table; ${file.kind} came in two.`);
      group.files = [kept];
      group.format = 'shipped';
      setAside.push(`${other.name} was set aside: it holds the same table as ${kept.name}, which was staged.`);
      continue;
    }
    group.files.push(file);
    groups.set(file.kind, group);
  }
  for (const group of groups.values()) {
    // From 2026 CMS's RVU zip holds the release twice: for qualifying APM participants (…_QPP) and
    // everyone else (…_nonQPP). The non-QP file is staged; every amount notes the QP factor.
    const qp = group.kind === 'pprrvu' && group.files.length === 2 ? group.files.filter((f) => /(?<!non)QPP/i.test(f.name)) : [];
    if (qp.length === 1) {
      group.files = group.files.filter((f) => f !== qp[0]);
      setAside.push(`${qp[0].name} was set aside: it is the same release with the qualifying APM participants' conversion factor, which DenialMap shows beside every amount from ${group.files[0].name}.`);
    }
  }
  for (const group of groups.values()) {
    group.warnings.push(...setAside);
    if (group.kind === 'ncci-ptp' && group.format === 'cms') {
      const parts = ptpPartsEdition(group.files);
      group.files = parts.files;
      group.warnings.push(...parts.warnings);
    } else if (group.files.length > 1) {
      throw new InvalidInputError('files', `${group.files.map((f) => f.name).join(' and ')} are both ${group.kind === 'pprrvu' ? 'fee schedule' : DATASETS[group.kind].dataset} editions; upload one at a time.`);
    }
  }
  return [...groups.values()];
}

/**
 * CMS names the RVU zip's OPPS cap member by month only (OPPSCAP_Oct.csv); uploaded with the zip's
 * PPRRVU file, it takes that file's year (PPRRVU2025_Oct.csv: 2025). Any other name is as uploaded.
 */
function nameWithYear(group: EditionGroup, groups: EditionGroup[]): string {
  const name = group.files[0].name;
  const monthOnly = /^(OPPSCAP[-_ ]?(?:jan|apr|jul|oct)[a-z]*)(\.\w+)$/i.exec(name);
  const pprrvu = groups.find((g) => g.kind === 'pprrvu')?.files[0].name;
  const year = pprrvu && /PPRRVU(\d{4}|\d{2})_/i.exec(pprrvu)?.[1];
  if (group.kind !== 'opps-cap' || !monthOnly || !year) return name;
  return `${monthOnly[1]}${year.length === 2 ? `20${year}` : year}${monthOnly[2]}`;
}

/** By content: a zip starts with a local file header, "PK\x03\x04". */
async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    await handle.close();
  }
}

/** The zip's files, extracted beside it (folders inside the zip flattened; names must not repeat). */
async function extractZip(path: string): Promise<string[]> {
  const zip = new StreamZip.async({ file: path });
  const target = join(dirname(path), `${basename(path)}.contents`);
  await mkdir(target, { recursive: true });
  try {
    const out: string[] = [];
    const entries = Object.values(await zip.entries());
    const unzipped = entries.reduce((sum, e) => sum + e.size, 0);
    if (unzipped > MAX_UNZIPPED_BYTES) {
      throw new CmsFormatError(basename(path), 1, null, `the zip unpacks to ${Math.round(unzipped / 1024 ** 2)} MiB, more than the ${MAX_UNZIPPED_BYTES / 1024 ** 3} GiB a CMS release needs`);
    }
    for (const entry of entries) {
      if (entry.isDirectory || basename(entry.name).startsWith('.') || entry.name.startsWith('__MACOSX/')) continue;
      const member = join(target, basename(entry.name));
      if (out.includes(member)) throw new CmsFormatError(basename(path), 1, null, `the zip holds two files named ${basename(entry.name)}`);
      await zip.extract(entry.name, member);
      out.push(member);
    }
    return out.sort();
  } catch (error) {
    if (error instanceof CmsFormatError) throw error;
    throw new CmsFormatError(basename(path), 1, null, `not a readable zip archive (${(error as Error).message})`);
  } finally {
    await zip.close();
  }
}
