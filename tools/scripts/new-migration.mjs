#!/usr/bin/env node
// Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql from the difference between the
// existing migrations and schema.prisma. (`prisma migrate dev --create-only` cannot run with the
// WASM engine; see README "Database migrations".)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new-migration -- <snake_case_name>');
  process.exit(2);
}
const sql = execFileSync(
  process.execPath,
  ['node_modules/prisma/build/index.js', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (/^-- This is an empty migration/m.test(sql) || sql.trim() === '') {
  console.log('schema.prisma and the migrations already agree; nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = join('prisma', 'migrations', `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'migration.sql'), sql);
console.log(`wrote ${join(dir, 'migration.sql')}`);
