import { loadConfig } from '@denialmap/server/core';
import { runImportCli, runReleaseCli } from '@denialmap/server/reference-data/data-access';

/** The full import CLI (Nest, Prisma, COPY importers). */
export async function runImport(args: string[]): Promise<number> {
  loadConfig(process.env);
  return runImportCli(args);
}

/** Stage, list, activate, discard or roll back reference editions from the shell. */
export async function runRelease(command: string, args: string[]): Promise<number> {
  loadConfig(process.env);
  return runReleaseCli(command, args);
}
