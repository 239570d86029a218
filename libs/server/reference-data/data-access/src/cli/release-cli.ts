import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, DatabaseModule } from '@denialmap/server/core';
import { CmsFormatError } from '@denialmap/shared/cms-formats';
import { DomainError } from '@denialmap/shared/errors';
import { releaseSwitchWords } from '@denialmap/shared/fee-schedule';
import { ReferenceDataAccessModule } from '../lib/reference-data-access.module';
import { ReleasePreview } from '../lib/release-preview';
import { ReferenceReleases } from '../lib/reference-releases';
import { UploadStaging } from '../lib/upload-staging';
import { referenceFilePaths } from './import-cli';

@Module({ imports: [ConfigModule, DatabaseModule, ReferenceDataAccessModule] })
class ReleaseCliModule {}

/** The operator at the server's shell, as the audit log names them. */
const CLI = { id: null, email: 'cli' } as const;

const USAGE = `usage:
  data:stage -- <files or folders>          stage CMS files (zips, PTP parts together) and print the preview
  data:releases                             list the staged, live and roll-back editions
  data:activate -- <release id> [reason]    put a staged edition live (the live one becomes the roll-back target)
  data:discard -- <release id> [reason]     drop a staged edition
  data:rollback -- <dataset> [reason]       put the previous edition of a dataset (e.g. NCCI_PTP, FEE_SCHEDULE_RVU26C) live again`;

/**
 * The staff area's reference-data workflow from the server's shell (audited as "cli"):
 * `stage`, `releases`, `activate`, `discard`, `rollback`. Exit codes: 0 done, 1 refused, 2 usage.
 */
export async function runReleaseCli(command: string, args: string[]): Promise<number> {
  const [target, ...reasonWords] = args;
  const reason = reasonWords.join(' ').trim() || null;
  if (command !== 'releases' && !target) {
    console.error(USAGE);
    return 2;
  }
  const app = await NestFactory.createApplicationContext(ReleaseCliModule, { logger: ['error', 'warn'] });
  try {
    const releases = app.get(ReferenceReleases);
    switch (command) {
      case 'stage': {
        const staged = await app.get(UploadStaging).stageFiles(referenceFilePaths(args).map((f) => f.path), CLI);
        for (const s of staged) console.log(`staged ${s.releaseId}: ${s.rows.toLocaleString('en-US')} rows from ${s.files.join(' + ')}\n${previewWords(s.preview)}`);
        console.log('Activate with: npm run data:activate -- <release id>');
        return 0;
      }
      case 'releases':
        for (const r of (await releases.list()).filter((x) => x.status !== 'RETIRED' && x.status !== 'DISCARDED')) {
          console.log(`${r.status.padEnd(9)} ${r.id.padEnd(28)} effective ${r.effectiveFrom}  ${String(r.rowCount).padStart(9)} rows  ${r.sourceFile}`);
        }
        return 0;
      case 'activate': {
        const change = await releases.activate(target, { ...CLI, reason });
        console.log(`${releaseSwitchWords(change, 'activated')} Running api processes switch within 10 s.`);
        return 0;
      }
      case 'discard':
        await releases.discard(target, { ...CLI, reason });
        console.log(`${target} was discarded; nothing live changed.`);
        return 0;
      case 'rollback': {
        const change = await releases.rollBack(target, { ...CLI, reason });
        console.log(`${releaseSwitchWords(change, 'rolled back')} Running api processes switch within 10 s.`);
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } catch (error) {
    if (!(error instanceof CmsFormatError || error instanceof DomainError)) throw error;
    console.error(`refused: ${error.message} (nothing changed)`);
    return 1;
  } finally {
    await app.close();
  }
}

function previewWords(p: ReleasePreview): string {
  const lines = [`  against ${p.against?.id ?? 'nothing live'}: ${p.rowsBefore.toLocaleString('en-US')} rows now, ${p.rowsAfter.toLocaleString('en-US')} after; compared on ${p.comparedOn}`];
  for (const n of p.notes ?? []) lines.push(`  ${n}`);
  for (const [label, changes] of [['added', p.added], ['no longer in force', p.removed], ['changed', p.changed], ['national payment changes', p.paymentChanges]] as const) {
    if (changes) lines.push(`  ${label}: ${changes.count.toLocaleString('en-US')}${changes.examples.length ? ` (e.g. ${changes.examples.slice(0, 3).join('; ')})` : ''}`);
  }
  for (const w of p.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}
