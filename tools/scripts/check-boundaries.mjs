#!/usr/bin/env node
/**
 * Proves the module-boundary rule bites: lints deliberate violations (never written to disk)
 * with the workspace's own ESLint config and fails if any of them is accepted, or if a
 * legitimate import is refused. Part of `npm test`.
 */
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { boundaryConstraints } from '../../eslint.config.mjs';

// The rule reads Nx's cached project graph and silently skips itself without one (fresh clone).
await createProjectGraphAsync({ exitOnError: true });

const RULE = '@nx/enforce-module-boundaries';
const typeOnly = boundaryConstraints.filter((c) => c.sourceTag.startsWith('type:'));

const cases = [
  {
    name: 'a feature importing another feature (type rule alone)',
    file: 'libs/web/feature-code-page/src/lib/BoundaryProbe.ts',
    code: "import { ReferenceDataModule } from '@denialmap/server/reference-data/feature';\nexport const probe = ReferenceDataModule;\n",
    constraints: typeOnly,
    expect: /type:feature.*can only depend on libs tagged with "type:data-access"/s,
  },
  {
    name: 'web code importing server code (scope rule)',
    file: 'libs/web/feature-code-page/src/lib/BoundaryProbe.ts',
    code: "import { PrismaService } from '@denialmap/server/core';\nexport const probe = PrismaService;\n",
    expect: /scope:web.*can only depend on libs tagged with "scope:web", "scope:shared"/s,
  },
  {
    name: 'a shared (pure) lib importing a server lib',
    file: 'libs/shared/fee-schedule/src/lib/boundary-probe.ts',
    code: "import { PrismaService } from '@denialmap/server/core';\nexport const probe = PrismaService;\n",
    expect: /scope:shared.*can only depend on libs tagged with "scope:shared"|Circular dependency/s,
  },
  {
    name: 'a UI lib importing a feature',
    file: 'libs/web/ui/src/lib/BoundaryProbe.ts',
    code: "import { CodePage } from '@denialmap/web/feature-code-page';\nexport const probe = CodePage;\n",
    constraints: typeOnly,
    expect: /type:ui.*can only depend on libs tagged with|Circular dependency/s,
  },
  {
    name: 'a deep import past a lib index',
    file: 'libs/server/reference-data/feature/src/lib/boundary-probe.ts',
    code: "import { PprrvuImporter } from '@denialmap/server/reference-data/data-access/src/lib/pprrvu-importer';\nexport const probe = PprrvuImporter;\n",
    expect: /no deep imports/,
  },
  {
    name: 'a legitimate import (feature -> data-access) is accepted',
    file: 'libs/server/reference-data/feature/src/lib/boundary-probe.ts',
    code: "import { FeeScheduleRepository } from '@denialmap/server/reference-data/data-access';\nexport const probe = FeeScheduleRepository;\n",
    expect: null,
  },
];

let passed = 0;
let failed = 0;
for (const c of cases) {
  const eslint = new ESLint({
    overrideConfig: c.constraints ? [{ files: ['**/*.ts'], rules: { [RULE]: ['error', { depConstraints: c.constraints }] } }] : [],
  });
  const [result] = await eslint.lintText(c.code, { filePath: c.file });
  const messages = result.messages.filter((m) => m.ruleId === RULE || m.ruleId === 'no-restricted-imports' || m.fatal).map((m) => m.message).join('\n');
  const ok = c.expect === null ? messages === '' : c.expect.test(messages);
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.name}${ok ? '' : `\n     got: ${messages || '(no boundary error)'}`}`);
}
console.log(`boundaries: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
