import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ConfigModule, DatabaseModule } from '@denialmap/server/core';
import { CmsFormatError } from '@denialmap/shared/cms-formats';
import { InvalidInputError } from '@denialmap/shared/errors';
import { ImportOutcome } from '../lib/import-outcome';
import { detectReferenceFile } from '../lib/detect-file';
import { ReferenceDataAccessModule } from '../lib/reference-data-access.module';
import { ReferenceImports } from '../lib/reference-imports';
import { ShippedReferenceData } from '../lib/shipped-reference-data';

@Module({ imports: [ConfigModule, DatabaseModule, ReferenceDataAccessModule] })
class ImportCliModule {}

/** Files named on the command line, and the files inside folders (marked: those may hold docs). */
export function referenceFilePaths(paths: string[]): { path: string; fromFolder: boolean }[] {
  return paths.flatMap((p) => {
    const full = resolve(p);
    return statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => ({ path: join(e.parentPath, e.name), fromFolder: true }))
          .sort((a, b) => a.path.localeCompare(b.path))
      : [{ path: full, fromFolder: false }];
  });
}

const BAR = 24;

/** On a terminal: a bar with rows and rows/s, redrawn at most 10 times a second. */
function progressPrinter(file: string): ((rows: number, fraction: number) => void) | undefined {
  if (!process.stdout.isTTY) {
    return undefined;
  }
  const started = Date.now();
  let drawn = 0;
  return (rows, fraction) => {
    const now = Date.now();
    if (now - drawn < 100) return;
    drawn = now;
    const filled = Math.round(fraction * BAR);
    const rate = Math.round(rows / Math.max((now - started) / 1000, 0.001));
    process.stdout.write(
      `\r  ${file} [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${rows.toLocaleString('en-US')} rows  ${rate.toLocaleString('en-US')} rows/s   `,
    );
  };
}

function describe(outcome: ImportOutcome): string {
  const rate = outcome.durationMs > 0 ? Math.round((outcome.rows * 1000) / outcome.durationMs) : outcome.rows;
  return outcome.status === 'imported'
    ? `imported ${outcome.file}: release ${outcome.releaseId}, ${outcome.rows} rows in ${outcome.durationMs} ms (${rate} rows/s)`
    : `unchanged ${outcome.file}: already imported (release ${outcome.releaseId}, ${outcome.rows} rows); nothing to do`;
}

/**
 * `npm run data:import -- [files or folders]`: with no paths, the shipped data. Exit codes:
 * 0 all files imported or unchanged, 1 a file was refused (nothing of it was stored), 2 usage.
 */
export async function runImportCli(args: string[]): Promise<number> {
  const app = await NestFactory.createApplicationContext(ImportCliModule, { logger: ['error', 'warn'] });
  try {
    const shipped = app.get(ShippedReferenceData);
    const imports = app.get(ReferenceImports);
    const files = args.length > 0 ? referenceFilePaths(args) : undefined;
    if (!files) {
      for (const outcome of await shipped.loadAll()) console.log(describe(outcome));
      return 0;
    }
    let failed = 0;
    const refused = (error: unknown) => {
      if (process.stdout.isTTY) process.stdout.write('\n');
      if (!(error instanceof CmsFormatError || error instanceof InvalidInputError)) throw error;
      console.error(`refused ${error.message} (nothing from ${error instanceof CmsFormatError ? 'this file' : 'these files'} was stored)`);
      failed++;
    };
    // CMS's PTP parts (f1-f4) are one edition: they load together, after the other files.
    const ptpParts: string[] = [];
    for (const { path: file, fromFolder } of files) {
      const detected = await detectReferenceFile(file);
      if (detected?.kind === 'ncci-ptp' && detected.format === 'cms') {
        ptpParts.push(file);
        continue;
      }
      if (fromFolder && detected === null) {
        console.log(`skipped ${file}: not a reference file (layouts and notes in a folder are left alone)`);
        continue;
      }
      try {
        const outcome = await imports.importFile(file, progressPrinter(basename(file)));
        if (process.stdout.isTTY) process.stdout.write('\n');
        console.log(describe(outcome));
      } catch (error) {
        refused(error);
      }
    }
    if (ptpParts.length > 0) {
      try {
        const { outcome, warnings } = await imports.importPtpParts(ptpParts, progressPrinter('NCCI PTP parts'));
        if (process.stdout.isTTY) process.stdout.write('\n');
        console.log(describe(outcome));
        for (const warning of warnings) console.warn(`warning: ${warning}`);
      } catch (error) {
        refused(error);
      }
    }
    return failed === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
}
