import nx from '@nx/eslint-plugin';

/**
 * Module boundaries are the architecture: arrows point down (apps -> features -> data-access/core
 * -> shared), scopes never cross (server code never reaches web code and vice versa), and a
 * feature never imports another feature. tools/scripts/check-boundaries proves this rule bites.
 */
export const boundaryConstraints = [
  { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:core', 'type:ui', 'type:util', 'type:domain'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:core', 'type:ui', 'type:util', 'type:domain'],
  },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:core', 'type:util', 'type:domain'] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:domain'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/generated/**', '**/vite.config.*.timestamp*', 'tmp/**', '.data/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: false,
          allow: [],
          depConstraints: boundaryConstraints,
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@denialmap/**/src', '@denialmap/**/src/**', '**/libs/**', '**/apps/**'], message: 'Import a lib through its alias (its index.ts); no deep imports.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
      ],
    },
  },
  {
    // Config and Jest global setup files are loaded by tools that require a default export.
    files: ['**/*.config.{ts,mjs,js}', '**/vite.config.ts', '**/codegen.ts', '**/jest.*.{ts,js}', '**/*global-setup.ts', '**/*global-teardown.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
];
