#!/usr/bin/env node
/**
 * npm run bench:pricing — the production api (dist/) on a database with all shipped data:
 * `price` (70390-26 in a locality, with the trace) and a 20-line `checkClaim` (PTP, MUE, add-on
 * checks and multiple-procedure ranking), each beside the floor route answering a constant body
 * of the same size, and `{ __typename }`. Prints req/s and p50/p97.5/p99 at 32 and 8 connections.
 * Targets: price >= 60% of the floor's req/s and p95 < 10 ms at 8 connections; 20-line
 * checkClaim >= 25% and p95 < 25 ms at 8 connections.
 */
import { printLoadTable, withLoadedApi } from './lib.mjs';

const PRICE = `query ($input: PriceInput!) { price(input: $input) {
  amount payable pricing reason limitingCharge release { label conversionFactor } locality { id name }
  steps { rule formula result source } findings { kind severity message carc } } }`;
const CHECK = `query ($input: ClaimInput!) { checkClaim(input: $input) {
  total lines { line code pricing amount reason } findings { kind severity lines message fix carc carcDescription } } }`;

// One provider's busy office day for one patient (POS 11): visit, injections, imaging reads,
// therapy units, a bilateral pair, a debridement with its add-on, nerve blocks with theirs, and
// a few lines the edits catch (status E/X codes, a PTP pair without a modifier).
const CLAIM_LINES = [
  ['99214', ['25']], ['20610', ['RT']], ['20610', ['LT']], ['96372', []], ['J1100', [], 10],
  ['70390', ['26']], ['74177', ['26']], ['70450', ['26']], ['71046', ['26']], ['72148', ['26']],
  ['73030', ['RT']], ['73030', ['LT']], ['93306', ['26']], ['97110', [], 3], ['97140', [], 2],
  ['11042', []], ['11045', []], ['64483', ['59']], ['64484', []], ['36415', []],
].map(([code, modifiers, units = 1]) => ({ code, modifiers, units }));

await withLoadedApi('pricing', async ({ duration, load, graphql, answer }) => {
  const priceRequest = graphql(PRICE, { input: { code: '70390', modifiers: ['26'], dateOfService: '2025-06-01', placeOfService: '11', locality: '01112-05' } });
  const claimRequest = graphql(CHECK, { input: { dateOfService: '2025-06-01', placeOfService: '11', zip: '35004', lines: CLAIM_LINES } });
  const priced = await answer(priceRequest);
  const claim = await answer(claimRequest);
  if (!priced.includes('"amount"') || priced.includes('"errors"')) throw new Error(`unexpected price answer: ${priced.slice(0, 300)}`);
  if ((claim.match(/"line":/g) ?? []).length !== 20 || claim.includes('"errors"')) throw new Error(`unexpected checkClaim answer: ${claim.slice(0, 300)}`);
  const priceBytes = Buffer.byteLength(priced);
  const claimBytes = Buffer.byteLength(claim);

  await load('warm-up', claimRequest, 8);
  const results = [];
  for (const connections of [32, 8]) {
    results.push(await load('floor (constant body)', { path: `/bench/floor?bytes=${priceBytes}` }, connections));
    results.push(await load('GraphQL { __typename }', graphql('{ __typename }'), connections));
    results.push(await load('price(70390-26, locality)', priceRequest, connections));
  }
  printLoadTable(results, duration, `price: response ${priceBytes} bytes`);
  const claimResults = [];
  for (const connections of [32, 8]) {
    claimResults.push(await load('floor (constant body)', { path: `/bench/floor?bytes=${claimBytes}` }, connections));
    claimResults.push(await load('GraphQL { __typename }', graphql('{ __typename }'), connections));
    claimResults.push(await load('checkClaim(20 lines)', claimRequest, connections));
  }
  printLoadTable(claimResults, duration, `checkClaim: response ${claimBytes} bytes`);
});
