#!/usr/bin/env node
/**
 * npm run bench:lookup — the production api (dist/) on a database with all shipped data, loaded
 * by autocannon on this machine: the `code` query (fee schedule + NCCI page data) beside a floor
 * route in the same server that answers a constant body of the same size, and the trivial
 * GraphQL query `{ __typename }` (the Nest + Apollo floor). Prints req/s and p50/p97.5/p99 at 32
 * and at 8 connections, and the ratios.
 * Targets: code and searchCodes >= 50% of the floor's req/s; p95 < 20 ms at 8 connections.
 */
import { printLoadTable, withLoadedApi } from './lib.mjs';

const CODE = `query ($code: String!, $dos: String) { code(code: $code, dateOfService: $dos) {
    code shortDescriptor source release { label conversionFactor }
    rvus { workRvu nonFacilityPracticeExpenseRvu malpracticeRvu nationalNonFacility { amount } nationalFacility { amount reason } }
    professionalComponent { nationalNonFacility { amount } } technicalComponent { nationalNonFacility { amount } }
    mue { maxUnits adjudicationLabel } ncciEdits(first: 10) { totalCount edges { node { otherCode modifierAllowed } } } } }`;

await withLoadedApi('lookup', async ({ duration, load, graphql, answer }) => {
  const codeRequest = graphql(CODE, { code: '70390', dos: '2025-06-01' });
  const sample = await answer(codeRequest);
  if (!sample.includes('"109.65"')) throw new Error(`unexpected answer: ${sample.slice(0, 300)}`);
  const bytes = Buffer.byteLength(sample);
  const floorRequest = { path: `/bench/floor?bytes=${bytes}` };
  const trivialRequest = graphql('{ __typename }');
  const searchRequest = graphql('{ searchCodes(query: "x-ray salivary", first: 10) { totalCount edges { node { code shortDescriptor level statusCode } } } }');

  await load('warm-up', codeRequest, 8);
  const results = [];
  for (const connections of [32, 8]) {
    results.push(await load('floor (constant body)', floorRequest, connections));
    results.push(await load('GraphQL { __typename }', trivialRequest, connections));
    results.push(await load('code(70390) + NCCI', codeRequest, connections));
    results.push(await load('searchCodes(x-ray salivary)', searchRequest, connections));
  }
  printLoadTable(results, duration, `response size ${bytes} bytes`);
});
