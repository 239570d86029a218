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
  },
};

export default config;
