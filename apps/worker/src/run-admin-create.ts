import { loadConfig } from '@denialmap/server/core';
import { runCreateAdminCli } from '@denialmap/server/moderation/feature';

/** `admin:create`: validates the configuration first, so a bad DATABASE_URL is a plain sentence. */
export async function runCreateAdmin(args: string[]): Promise<number> {
  loadConfig(process.env);
  return runCreateAdminCli(args);
}
