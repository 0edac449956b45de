// `npm run test:quick`: every test but the slow integration files — those that spawn the built CLI,
// a browser, an editor, the language server or git, fuzz, or measure. `npm test` runs them all.
// Keep it under 30 s on the 2-core machine (CONTRIBUTING.md); a new slow file goes in SLOW.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const SLOW = [
  'test/e2e/**',
  'test/integrations/**',
  'test/perf/**',
  'test/editors/**',
  'test/playground/**',
  'test/package/**',
  'test/lsp/**',
  'test/fuzz/**',
  'test/source/duplicate-keys.test.ts', // property-based
  'test/workflow/fix-property.test.ts', // property-based
  'test/graph/golden.test.ts',
  'test/graph/cli.test.ts',
  'test/graph/svg.test.ts',
  'test/graph/mermaid.test.ts',
  'test/golden/all-findings.test.ts',
  'test/repo/**',
  'test/tooling/**',
  'test/security/**', // spawns the CLI and the Action
  'test/workflow/baseline.test.ts', // spawns the CLI
  'test/workflow/fix-truth.test.ts', // spawns the CLI
  'test/workflow/fix.test.ts', // spawns the CLI
  'test/workflow/suppress.test.ts', // spawns the CLI
  'test/engine/template-discovery.test.ts', // spawns the CLI
  'test/engine/scan-equals-naming.test.ts', // copies and scans the whole corpus
  'test/graph/truth.test.ts', // spawns the CLI and Graphviz
];

// threads start faster than forked processes; the slow files above are the ones that need a process
export default mergeConfig(base, defineConfig({ test: { exclude: SLOW, pool: 'threads', isolate: false } }));
