#!/usr/bin/env node
/**
 * npm run bench:import — imports all shipped reference data into an empty database with the
 * product's importer (the worker's `import` command) and prints rows and rows/s per table; re-runs
 * it to time the no-op; then, in BENCH_ROUNDS rounds, times the PTP file alone through the
 * importer against the same CSV through plain `psql \copy` into an unindexed table, and prints
 * each ratio and the median. Targets: PTP <= 1.5x plain COPY; re-import < 10% of the first.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { databaseUrl, dropDatabase, ensureBuilt, fmt, freshDatabase, timed } from './lib.mjs';

const DB = `denialmap_bench_import_${process.pid}`;
const PTP = 'data/reference/ncci/ptp_practitioner_2024q3.csv.gz';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

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

  const again = await timed(process.execPath, ['dist/apps/worker/main.js', 'import'], { env });

  console.log('\nFirst import into an empty database (COPY to staging, indexes, swap)');
  console.log('file                              release           rows        ms      rows/s');
  for (const r of rows) {
    console.log(`${r.file.padEnd(34)}${r.release.padEnd(16)}${fmt(r.rows).padStart(10)}${fmt(r.ms).padStart(10)}${fmt((r.rows * 1000) / r.ms).padStart(12)}`);
  }
  console.log(`\nwhole first import (process wall time): ${fmt(first.ms)} ms`);
  console.log(`re-import of the same files (no-op):    ${fmt(again.ms)} ms = ${fmt((100 * again.ms) / first.ms, 1)}% of the first (target < 10%)`);
} finally {
  await dropDatabase(DB);
}

// PTP against plain COPY, in rounds (this machine's speed drifts by a third from minute to
// minute): each round imports the PTP file alone into a fresh database, then loads the same CSV
// with psql's \copy into an unindexed table of text columns in that database.
console.log(`\nPTP (2,546,017 rows): the importer (validated, rationale stored once, indexed, swapped in) vs plain psql \\copy (unvalidated, unindexed)`);
console.log('round   importer ms   plain \\copy ms   ratio');
const ratios = [];
for (let round = 1; round <= ROUNDS; round++) {
  const db = `${DB}_ptp${round}`;
  const roundUrl = await freshDatabase(db);
  try {
    const imported = await timed(process.execPath, ['dist/apps/worker/main.js', 'import', PTP], { env: { ...env, DATABASE_URL: roundUrl } });
    const ms = Number(/rows in (\d+) ms/.exec(imported.stdout)?.[1]);
    if (imported.code !== 0 || !ms) throw new Error(`PTP import failed:\n${imported.stdout}`);
    const admin = new pg.Client({ connectionString: databaseUrl(db) });
    await admin.connect();
    await admin.query('CREATE TABLE bench_plain_ptp (column_1 text, column_2 text, deletion_date text, modifier_indicator text, rationale text)');
    await admin.end();
    const plain = await timed('psql', [databaseUrl(db), '-qc', '\\copy bench_plain_ptp FROM STDIN WITH (FORMAT csv, HEADER true)'], {
      input: createReadStream(PTP).pipe(createGunzip()),
    });
    if (plain.code !== 0) throw new Error('psql \\copy failed');
    ratios.push(ms / plain.ms);
    console.log(`${String(round).padEnd(8)}${fmt(ms).padStart(11)}${fmt(plain.ms).padStart(17)}${`${fmt(ms / plain.ms, 2)}x`.padStart(9)}`);
  } finally {
    await dropDatabase(db);
  }
}
const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
console.log(`median ratio importer / plain COPY: ${fmt(median, 2)}x over ${ROUNDS} rounds (target <= 1.50x: ${median <= 1.5 ? 'met' : 'NOT met'})`);
