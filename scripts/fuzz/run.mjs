// `npm run fuzz`: compile the schemas' validators (src/generated), bundle the harness with the
// current sources (unminified, with source maps, so a stack trace names the real line) into
// node_modules/.cache/trigger-lint-fuzz/, and run it. Arguments are passed on (see main.ts).
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { compileSchemas } from '../build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, 'node_modules', '.cache', 'trigger-lint-fuzz', 'main.mjs');
compileSchemas();
await esbuild.build({
  entryPoints: [join(root, 'scripts', 'fuzz', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  sourcemap: 'inline',
  define: { __TRIGGER_LINT_VERSION__: '"fuzz"' },
  banner: {
    js: "import { createRequire as __tlCreateRequire } from 'node:module'; const require = __tlCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
process.chdir(root);
await import(pathToFileURL(outfile).href);
