import 'reflect-metadata';

/**
 * The worker process, and two commands for operators: `node dist/apps/worker/main.js import [files...]`,
 * the reference data importer (npm start runs it on a first run; npm run data:import is the same CLI
 * from source); `stage`, `releases`, `activate`, `discard` and `rollback`, the staff area's
 * reference-data workflow from the shell (npm run data:stage etc.); and `... admin:create --email ...`,
 * the first admin (npm run admin:create).
 * Heavy modules (Nest, BullMQ, Prisma) load only when needed: an import of shipped data that is
 * already loaded answers from one query, in a fraction of the time the framework takes to start.
 */
async function main(): Promise<void> {
  if (process.argv[2] === 'import') {
    if (process.argv.length === 3 && (await reportIfShippedDataLoaded())) return;
    const { runImport } = await import('./run-import');
    process.exitCode = await runImport(process.argv.slice(3));
    return;
  }
  const release = /^(stage|releases|activate|discard|rollback)$/.exec(process.argv[2] ?? '');
  if (release) {
    const { runRelease } = await import('./run-import');
    process.exitCode = await runRelease(release[1], process.argv.slice(3));
    return;
  }
  if (process.argv[2] === 'admin:create') {
    const { runCreateAdmin } = await import('./run-admin-create');
    process.exitCode = await runCreateAdmin(process.argv.slice(3));
    return;
  }
  const { runWorker } = await import('./run-worker');
  await runWorker();
}

/** Prints what the full import would print when every shipped file is already the active edition. */
async function reportIfShippedDataLoaded(): Promise<boolean> {
  const url = process.env['DATABASE_URL'];
  if (!url || !/^postgres(ql)?:\/\//.test(url)) return false;
  const { resolve } = await import('node:path');
  const { Client } = await import('pg');
  const { shippedFilesAlreadyLoaded } = await import('@denialmap/server/reference-data/shipped-files');
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const loaded = await shippedFilesAlreadyLoaded(<R,>(text: string, values: unknown[]) => client.query(text, values) as unknown as Promise<{ rows: R[] }>, resolve(process.env['REFERENCE_DATA_DIR'] || 'data/reference'));
    if (!loaded) return false;
    for (const f of loaded) console.log(`unchanged ${f.file}: already imported (release ${f.releaseId}, ${f.rows} rows); nothing to do`);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  // A configuration problem is a plain sentence for the operator; anything else keeps its stack.
  console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
  process.exit(1);
});
