import { loadConfig } from '@denialmap/server/core';
import { runImportCli } from '@denialmap/server/reference-data/data-access';

/** The full import CLI (Nest, Prisma, COPY importers). */
export async function runImport(args: string[]): Promise<number> {
  loadConfig(process.env);
  return runImportCli(args);
}
