#!/usr/bin/env node
/**
 * npm run bench:import — imports all shipped reference data into an empty database with the
 * product's importer (the worker's `import` command) and prints rows and rows/s per table; re-runs
 * it to time the no-op; then, in BENCH_ROUNDS rounds, times the PTP file alone through the
 * importer against the same CSV through plain `psql \copy` into an unindexed table, and prints
 * each ratio and the median; then the same for the layout CMS publishes (four TAB-delimited
 * ccipra-v###r#-f#.TXT parts, synthesised from the 2.5 M shipped rows since only an excerpt of
 * the real parts is in the repository). Targets: PTP <= 1.5x plain COPY; re-import < 10% of the first.
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
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
// minute): each round imports the PTP file(s) alone into a fresh database, then loads the same
// bytes with psql's \copy into an unindexed table of text columns in that database.
async function ptpRounds(title, importArgs, plainTable, plainCopy) {
  console.log(`\n${title}`);
  console.log('round   importer ms   plain \\copy ms   ratio');
  const ratios = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const db = `${DB}_ptp${round}`;
    const roundUrl = await freshDatabase(db);
    try {
      const imported = await timed(process.execPath, ['dist/apps/worker/main.js', 'import', ...importArgs], { env: { ...env, DATABASE_URL: roundUrl } });
      const ms = Number(/rows in (\d+) ms/.exec(imported.stdout)?.[1]);
      if (imported.code !== 0 || !ms) throw new Error(`PTP import failed:\n${imported.stdout}`);
      const admin = new pg.Client({ connectionString: databaseUrl(db) });
      await admin.connect();
      await admin.query(`CREATE TABLE bench_plain_ptp (${plainTable})`);
      await admin.end();
      const plain = await plainCopy(databaseUrl(db));
      if (plain.code !== 0) throw new Error('psql \\copy failed');
      ratios.push(ms / plain.ms);
      console.log(`${String(round).padEnd(8)}${fmt(ms).padStart(11)}${fmt(plain.ms).padStart(17)}${`${fmt(ms / plain.ms, 2)}x`.padStart(9)}`);
    } finally {
      await dropDatabase(db);
    }
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
  console.log(`median ratio importer / plain COPY: ${fmt(median, 2)}x over ${ROUNDS} rounds (target <= 1.50x: ${median <= 1.5 ? 'met' : 'NOT met'})`);
}

await ptpRounds(
  'PTP, shipped CSV (2,546,017 rows): the importer (validated, rationale stored once, indexed, swapped in) vs plain psql \\copy (unvalidated, unindexed)',
  [PTP],
  'column_1 text, column_2 text, deletion_date text, modifier_indicator text, rationale text',
  (url) => timed('psql', [url, '-qc', '\\copy bench_plain_ptp FROM STDIN WITH (FORMAT csv, HEADER true)'], { input: createReadStream(PTP).pipe(createGunzip()) }),
);

// CMS's layout: the shipped rows written as CMS prints them (6 preamble lines per part, TAB,
// CRLF, "*" for no deletion date). The conversion dropped the effective date and the pre-1996
// flag, so every row gets 19960101 and "*" (as CMS prints edits that old); widths are CMS's.
const partsDir = mkdtempSync(join(tmpdir(), 'denialmap-bench-ptp-'));
try {
  const parts = await writeCmsParts(partsDir);
  await ptpRounds(
    'PTP, CMS layout (ccipra-v322r0-f1..f4.TXT, 2,546,017 rows): the importer (parts as one edition, effective dates kept) vs plain psql \\copy of the same rows',
    parts,
    'column_1 text, column_2 text, before_1996 text, effective_date text, deletion_date text, modifier_indicator text, rationale text',
    // The plain load skips each part's 6 preamble lines (COPY cannot) and reads the rest as TAB-separated text.
    (url) => timed('psql', [url, '-qc', `\\copy bench_plain_ptp FROM PROGRAM 'tail -q -n +7 ${parts.join(' ')}' WITH (FORMAT text)`]),
  );
} finally {
  rmSync(partsDir, { recursive: true, force: true });
}

/** The shipped PTP rows as CMS's four part files, split where column 1 changes. */
async function writeCmsParts(dir) {
  const preamble = readFileSync('data/reference/official-format-samples/ncci-ptp/ccipra-v322r0-f1.TXT', 'latin1').split('\r\n').slice(0, 6).join('\r\n') + '\r\n';
  const total = 2546017;
  const paths = [1, 2, 3, 4].map((n) => join(dir, `ccipra-v322r0-f${n}.TXT`));
  let part = 0;
  let out = createWriteStream(paths[0], { encoding: 'latin1' });
  out.write(preamble);
  let n = 0;
  let previous = '';
  const lines = createInterface({ input: createReadStream(PTP).pipe(createGunzip()), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const [c1, c2, deletion, indicator] = line.split(',', 4);
    let rationale = line.slice(c1.length + c2.length + deletion.length + indicator.length + 4);
    if (rationale.startsWith('"')) rationale = rationale.slice(1, -1).replace(/""/g, '"');
    n++;
    if (part < 3 && n > ((part + 1) * total) / 4 && c1 !== previous) {
      out.end();
      await once(out, 'finish');
      out = createWriteStream(paths[++part], { encoding: 'latin1' });
      out.write(preamble);
    }
    previous = c1;
    if (!out.write(`${c1}\t${c2}\t*\t19960101\t${deletion || '*'}\t${indicator}\t${rationale}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return paths;
}
