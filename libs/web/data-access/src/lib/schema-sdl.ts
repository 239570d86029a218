/// <reference types="vite/client" />
// For the `?raw` import below, in every project that typechecks this lib.
/**
 * The API's schema as SDL (codegen's copy of apps/api/schema.graphql), for the GraphQL explorer.
 * A dynamic import keeps its ~60 KiB out of every page but the explorer.
 */
export async function loadSchemaSdl(): Promise<string> {
  const module = await import('../generated/schema.graphql?raw');
  return module.default;
}
