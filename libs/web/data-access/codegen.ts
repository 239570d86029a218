import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed schema file, never a live server (STYLE.md).
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['libs/web/data-access/src/lib/operations/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'libs/web/data-access/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars: { Decimal: 'string' }, enumsAsTypes: true, useTypeImports: true },
    },
    // A copy of the schema for the explorer page (introspection is off in production), so the web
    // app reads it from this lib instead of reaching into apps/api.
    'libs/web/data-access/src/generated/schema.graphql': { plugins: ['schema-ast'] },
  },
};

export default config;
