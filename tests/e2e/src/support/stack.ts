import type { ChildProcess } from 'node:child_process';

/** Shared between globalSetup and globalTeardown (same process). */
export interface E2eStack {
  launcher: ChildProcess;
  database: string;
  redisPrefix: string;
}

export const ARTIFACTS_DIR = 'tmp/e2e-artifacts';

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) {
    throw new Error('E2E_BASE_URL is not set: run these tests through jest.config.ts (its globalSetup starts the stack).');
  }
  return url;
}

export interface GraphqlAnswer<T = Record<string, unknown>> {
  data: T | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

/** `headers` e.g. a user-agent: with the address, it is what tells one anonymous submitter from another. */
export async function graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphqlAnswer<T>> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlAnswer<T>;
}
