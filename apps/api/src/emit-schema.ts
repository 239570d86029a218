import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppModule } from './app.module';

/**
 * Builds the api exactly as it serves (no listening, no connections) and prints its schema.
 * `--check` fails when the committed apps/api/schema.graphql differs (CI runs this).
 */
const SCHEMA_FILE = 'apps/api/schema.graphql';

async function main(): Promise<void> {
  process.env['DATABASE_URL'] ??= 'postgresql://schema@127.0.0.1:1/schema';
  process.env['LOAD_SHIPPED_REFERENCE_DATA'] = 'false';
  process.env['WEB_DIST_DIR'] = '';
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: ['error'] });
  await app.init();
  const sdl = printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
  await app.close();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== sdl) {
      console.error(`${SCHEMA_FILE} is out of date with the resolvers. Run \`npm run graphql:schema\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${SCHEMA_FILE} matches the api's schema.`);
    return;
  }
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
