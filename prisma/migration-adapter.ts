/**
 * Driver adapter for the Prisma CLI only (migrate deploy/dev/status/diff). It lets Prisma 6.19's
 * WASM schema engine run without downloading a native binary (networks that reach only the npm
 * registry, like many hospital networks), and works around three adapter-pg 6.19.3 bugs:
 *  1. catalog columns of type `name` (oid 19) and "char" (oid 18) cannot be deserialized
 *     (prisma/prisma#27403): result fields of those types are relabelled as text;
 *  2. the shadow database must be given as separate fields, never a URL (a URL overrides the
 *     database name, and the "shadow" becomes the real database);
 *  3. the shadow database is dropped only after its pool is closed.
 * The application never loads this file; it builds its own PrismaPg adapter.
 */
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const CATALOG_TYPES_READ_AS_TEXT = new Set([18, 19]);
const TEXT_OID = 25;

type FieldDescription = { dataTypeID: number };
type ResultPrototype = { addFields(fields: FieldDescription[]): void };

function readCatalogTypesAsText(): void {
  const proto = (pg as unknown as { Result: { prototype: ResultPrototype } }).Result.prototype;
  const addFields = proto.addFields;
  proto.addFields = function (this: ResultPrototype, fields: FieldDescription[]) {
    for (const field of fields) {
      if (CATALOG_TYPES_READ_AS_TEXT.has(field.dataTypeID)) {
        field.dataTypeID = TEXT_OID;
      }
    }
    return addFields.call(this, fields);
  };
}

function connectionFields(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
  };
}

async function run(config: pg.ClientConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function migrationAdapter(databaseUrl: string | undefined, shadowDatabaseUrl?: string) {
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set. `npm start` sets it for the embedded database; set it yourself for another server.');
  }
  readCatalogTypesAsText();
  // allowExitOnIdle: the CLI never closes the pool; without it every command waits 10 s for idle clients.
  const main = { ...connectionFields(databaseUrl), allowExitOnIdle: true, idleTimeoutMillis: 200 };
  const maintenance = { ...main, database: 'postgres' };
  return {
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    connect: () => new PrismaPg(main).connect(),
    connectToShadowDb: async () => {
      const fixed = shadowDatabaseUrl ? connectionFields(shadowDatabaseUrl) : null;
      const shadow = fixed ? { ...fixed, allowExitOnIdle: true } : { ...main, database: `prisma_shadow_${randomUUID().replace(/-/g, '')}` };
      if (fixed) {
        // A fixed shadow database (no CREATEDB privilege): start it empty, as the engine expects.
        await run(fixed, 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
      } else {
        await run(maintenance, `CREATE DATABASE "${shadow.database}"`);
      }
      const adapter = await new PrismaPg(shadow).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        if (!fixed) {
          await run(maintenance, `DROP DATABASE IF EXISTS "${shadow.database}" WITH (FORCE)`);
        }
      };
      return adapter;
    },
  };
}
