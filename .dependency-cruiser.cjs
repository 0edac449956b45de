// The folders of trigger-lint and the one direction their imports may take, written down once
// (docs/architecture.md explains each layer). A module may import its own layer and the layers
// listed before it, never one listed after it. `npm run deps` checks it; .ci/run runs it.
/** @type {[name: string, pattern: string][]} lowest first */
const LAYERS = [
  ['types', '^src/types\\.ts$'],
  // src/source/ includes errors.ts (UsageError) and containment.ts (the project root, safe reads):
  // file-system primitives every layer may use, handler-code reading included
  ['source', '^src/(source|generated)/'],
  ['model', '^src/model/'],
  ['code', '^src/(code|cron)/'],
  ['formats', '^src/formats/'],
  ['schema', '^src/schema/'],
  ['engine', '^src/engine/'],
  ['rules', '^rules/'],
  ['workflow', '^src/workflow/'],
  ['outputs', '^src/(reporters|graph|lsp|action|cli|events)/|^src/(cli|index|worker-entry)\\.ts$'],
];

const layerRules = LAYERS.slice(0, -1).map(([name, pattern], i) => ({
  name: `layer-${name}`,
  comment: `${name} may import only ${LAYERS.slice(0, i + 1)
    .map(([n]) => n)
    .join(', ')} (docs/architecture.md)`,
  severity: 'error',
  from: { path: pattern },
  to: {
    path: LAYERS.slice(i + 1)
      .map(([, p]) => `(${p})`)
      .join('|'),
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'no two modules may depend on each other, directly or through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

// for test/tooling/layers.test.ts
Object.defineProperty(module.exports, 'LAYERS', { value: LAYERS, enumerable: false });
