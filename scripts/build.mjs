// Build: (1) compile every JSON Schema under schemas/ into standalone ajv validators
// (no schema compilation at start-up), one module per top-level group; (2) bundle the CLI
// and the public API with esbuild (code splitting keeps reporters and commands lazy).
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = join(root, 'schemas');
const outDir = join(root, 'src', 'generated');
mkdirSync(outDir, { recursive: true });

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** Schema id used in code: path under schemas/ without ".json", e.g. "config/fc3", "events/aliyun/oss". */
export function schemaKey(file) {
  return relative(schemasDir, file).replace(/\\/g, '/').replace(/\.json$/, '');
}
const ident = (key) => key.replace(/[^A-Za-z0-9]/g, '_');

export function compileSchemas() {
  const groups = new Map();
  for (const file of walk(schemasDir)) {
    const key = schemaKey(file);
    const group = key.includes('/') ? key.split('/')[0] : 'root';
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push({ key, file });
  }
  for (const [group, items] of groups) {
    const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: false, verbose: true });
    const exportsMap = {};
    for (const { key, file } of items) {
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      delete schema.$id;
      ajv.addSchema(schema, key);
      exportsMap[ident(key)] = key;
    }
    const code = standaloneCode(ajv, exportsMap);
    const keys = items.map(({ key }) => `  ${JSON.stringify(key)}: ${ident(key)},`).join('\n');
    writeFileSync(join(outDir, `${group}.js`), `${code}\nexport const validators = {\n${keys}\n};\n`);
    writeFileSync(join(outDir, `${group}.d.ts`),
      `import type { ValidateFunction } from 'ajv';\nexport declare const validators: Record<string, ValidateFunction>;\n`);
  }
  return [...groups.keys()];
}

export async function bundle() {
  await esbuild.build({
    entryPoints: { cli: join(root, 'src/cli.ts'), index: join(root, 'src/index.ts') },
    outdir: join(root, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: false,
    legalComments: 'none',
    define: { __TRIGGER_LINT_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
    logLevel: 'warning',
    banner: { js: "import { createRequire as __tlCreateRequire } from 'node:module'; const require = __tlCreateRequire(import.meta.url);" },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  compileSchemas();
  await bundle();
}
