#!/usr/bin/env node
/**
 * The code page must start fast on a phone: the JavaScript the built index.html loads up front
 * (entry script plus modulepreloads; lazy chunks such as the API explorer excluded) must stay
 * within 170 KiB gzipped. Run after the web build; part of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/apps/web';
const BUDGET = 170 * 1024;
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const urls = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1]);
let total = 0;
for (const url of new Set(urls)) {
  const bytes = gzipSync(readFileSync(join(DIST, url.replace(/^\//, '')))).length;
  total += bytes;
  console.log(`${url}: ${(bytes / 1024).toFixed(1)} KiB gzipped`);
}
const ok = urls.length > 0 && total <= BUDGET;
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} KiB gzipped (budget ${BUDGET / 1024} KiB)`);
console.log(`bundle budget: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
