import { existsSync } from 'node:fs';
import { defineConfig } from 'prisma/config';
import { migrationAdapter } from './prisma/migration-adapter';

// Prisma does not read .env when a config file exists; read it the way the apps do.
if (existsSync('.env')) {
  process.loadEnvFile('.env');
}

const databaseUrl = process.env['DATABASE_URL'];
// `prisma generate` reads the datasource block and fails on an unset variable, although it never
// connects. Commands that do connect go through the adapter below, which refuses an unset URL.
process.env['DATABASE_URL'] ??= 'postgresql://unset@127.0.0.1:1/unset';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => migrationAdapter(databaseUrl, process.env['SHADOW_DATABASE_URL']),
});
