#!/usr/bin/env node
/**
 * npm run bench:import — imports all shipped reference data into an empty database with the
 * product's importer (the worker's `import` command), prints rows and rows/s per table, then
 * loads the same PTP CSV with plain `psql \copy` into an unindexed table on the same server and
 * prints the ratio; finally re-runs the import to time the no-op. Target: PTP <= 1.5x plain COPY;
 * re-import < 10% of the first import.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { databaseUrl, dropDatabase, ensureBuilt, fmt, freshDatabase, timed } from './lib.mjs';

const DB = `denialmap_bench_import_${process.pid}`;
const PTP = 'data/reference/ncci/ptp_practitioner_2024q3.csv.gz';

const build = await ensureBuilt();
if (build.code !== 0) throw new Error('build failed');
const url = await freshDatabase(DB);
const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'error' };
try {
  const first = await timed(process.execPath, ['dist/apps/worker/main.js', 'import'], { env });
  if (first.code !== 0) throw new Error(`import failed:\n${first.stdout}`);
  const rows = [...first.stdout.matchAll(/imported (\S+): release (\S+), (\d+) rows in (\d+) ms/g)].map((m) => ({
    file: m[1],
    release: m[2],
    rows: Number(m[3]),
    ms: Number(m[4]),
  }));

  // Baseline: the same PTP rows through psql's \copy into a table with no indexes.
  const admin = new pg.Client({ connectionString: databaseUrl(DB) });
  await admin.connect();
  await admin.query('CREATE TABLE bench_plain_ptp (column_1 text, column_2 text, deletion_date text, modifier_indicator text, rationale text)');
  await admin.end();
  const plain = await timed('psql', [databaseUrl(DB), '-qc', '\\copy bench_plain_ptp FROM STDIN WITH (FORMAT csv, HEADER true)'], {
    input: createReadStream(PTP).pipe(createGunzip()),
  });
  if (plain.code !== 0) throw new Error('psql \\copy failed');

  const again = await timed(process.execPath, ['dist/apps/worker/main.js', 'import'], { env });

  console.log('\nFirst import into an empty database (COPY to staging, indexes, swap, one transaction per file)');
  console.log('file                              release           rows        ms      rows/s');
  for (const r of rows) {
    console.log(`${r.file.padEnd(34)}${r.release.padEnd(16)}${fmt(r.rows).padStart(10)}${fmt(r.ms).padStart(10)}${fmt((r.rows * 1000) / r.ms).padStart(12)}`);
  }
  const ptp = rows.find((r) => r.release.startsWith('NCCI_PTP'));
  console.log(`\nPTP via the importer:  ${fmt(ptp.ms)} ms (${fmt((ptp.rows * 1000) / ptp.ms)} rows/s, validated, indexed, swapped in)`);
  console.log(`PTP via psql \\copy:    ${fmt(plain.ms)} ms (${fmt((ptp.rows * 1000) / plain.ms)} rows/s, unvalidated, unindexed)`);
  console.log(`ratio importer / plain COPY: ${fmt(ptp.ms / plain.ms, 2)}x (target <= 1.50x)`);
  console.log(`\nwhole first import (process wall time): ${fmt(first.ms)} ms`);
  console.log(`re-import of the same files (no-op):    ${fmt(again.ms)} ms = ${fmt((100 * again.ms) / first.ms, 1)}% of the first (target < 10%)`);
} finally {
  await dropDatabase(DB);
}
