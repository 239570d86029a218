#!/usr/bin/env node
// Runs a TypeScript entry point from source (dev tools only: schema emission, scripts), with the
// workspace's path aliases and decorator metadata, via @swc-node/register.
import { spawnSync } from 'node:child_process';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/scripts/run-ts.mjs <file.ts> [args]');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', entry, ...args], {
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? 'tsconfig.base.json' },
});
process.exit(result.status ?? 1);
