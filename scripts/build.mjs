// Build: (1) compile every JSON Schema under schemas/ into standalone ajv validators
// (no schema compilation at start-up), one module per top-level group; (2) bundle the CLI
// and the public API with esbuild (code splitting keeps reporters and commands lazy).
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
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
  return relative(schemasDir, file)
    .replace(/\\/g, '/')
    .replace(/\.json$/, '');
}
const ident = (key) => key.replace(/[^A-Za-z0-9]/g, '_');

/**
 * Editor-only files: the SchemaStore catalog and the whole-file schemas of schemas/files/ (they
 * place a linter schema in its file for YAML editors; the linter validates the parts itself).
 */
const EDITOR_ONLY = (key) => key === 'catalog' || key.startsWith('files/');

/** Descriptions and titles are for editors (hover); the config validators never print them. */
function withoutDocs(node) {
  if (Array.isArray(node)) return node.map(withoutDocs);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'description' || k === 'markdownDescription' || k === 'title') && typeof v === 'string') continue;
    out[k] = withoutDocs(v);
  }
  return out;
}

/**
 * A config schema may use a definition of a sibling file (`aliyun-trigger-config.json#/definitions/X`,
 * as editors resolve it against the schema's $id); ajv knows the siblings by key (`config/<name>`,
 * no ".json"), and a ref without ".json" resolves against the referring key to exactly that.
 */
function siblingRefsByKey(node) {
  if (Array.isArray(node)) return node.map(siblingRefsByKey);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^([\w.-]+)\.json(?=#|$)/, '$1') : siblingRefsByKey(v);
  return out;
}

export function compileSchemas() {
  const groups = new Map();
  for (const file of walk(schemasDir)) {
    const key = schemaKey(file);
    if (EDITOR_ONLY(key)) continue;
    const group = key.includes('/') ? key.split('/')[0] : 'root';
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push({ key, file });
  }
  for (const [group, items] of groups) {
    const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: false, verbose: true });
    const exportsMap = {};
    for (const { key, file } of items) {
      const parsed = JSON.parse(readFileSync(file, 'utf8'));
      const schema = group === 'config' ? siblingRefsByKey(withoutDocs(parsed)) : parsed;
      delete schema.$id;
      ajv.addSchema(schema, key);
      exportsMap[ident(key)] = key;
    }
    const code = standaloneCode(ajv, exportsMap);
    const keys = items.map(({ key }) => `  ${JSON.stringify(key)}: ${ident(key)},`).join('\n');
    writeFileSync(join(outDir, `${group}.js`), `${code}\nexport const validators = {\n${keys}\n};\n`);
    writeFileSync(
      join(outDir, `${group}.d.ts`),
      `import type { ValidateFunction } from 'ajv';\nexport declare const validators: Record<string, ValidateFunction>;\n`,
    );
  }
  return [...groups.keys()];
}

/**
 * yaml's parser reads `process.env.LOG_TOKENS` once per token (a debugging switch); reading
 * process.env is a call into C++, about 7% of the parse time of a large file. Compile it out.
 */
const yamlNoTokenLog = {
  name: 'yaml-no-token-log',
  setup(build) {
    build.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const patched = text.replace(/\bnode_process\.env\.LOG_TOKENS\b/g, 'false');
      return {
        contents: patched,
        loader: 'js',
        warnings: patched === text ? [{ text: 'yaml parser: LOG_TOKENS check not found (nothing compiled out)' }] : [],
      };
    });
  },
};

/**
 * The WebAssembly files the handler-code parser loads (src/code/parser.ts): web-tree-sitter's
 * runtime and the grammars from the official tree-sitter-python, tree-sitter-javascript and
 * tree-sitter-typescript packages, copied next to each bundle (grammars/), so neither the npm
 * package nor the committed Action needs the grammar packages installed.
 */
export const WASM_FILES = [
  'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-javascript/tree-sitter-javascript.wasm',
  'tree-sitter-typescript/tree-sitter-typescript.wasm',
  '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
];

export function copyGrammars(dir) {
  const require = createRequire(import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const spec of WASM_FILES) copyFileSync(require.resolve(spec), join(dir, spec.split('/').pop()));
}

/**
 * commander requires node:child_process at load time, for executable subcommands (a feature
 * trigger-lint does not use); child_process pulls in net, dgram and the stream stack — about
 * forty internal modules at every start. Load it on the first spawn instead.
 */
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const patched = text.replace(
        "const childProcess = require('node:child_process');",
        "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };",
      );
      return {
        contents: patched,
        loader: 'js',
        warnings: patched === text ? [{ text: 'commander: child_process require not found (left eager)' }] : [],
      };
    });
  },
};

const VERSION_DEFINE = {
  __TRIGGER_LINT_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
};

const COMMON = {
  plugins: [yamlNoTokenLog, commanderLazyChildProcess],
  // prefer packages' ESM builds: jsonc-parser's "main" is a UMD file whose dynamic require()s esbuild cannot follow
  mainFields: ['module', 'main'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  define: VERSION_DEFINE,
  logLevel: 'warning',
  // Graphviz in wasm (~1 MB, `graph --format svg` only): loaded from node_modules when asked for, never parsed at start-up
  external: ['@viz-js/viz'],
};

/** One self-contained CommonJS file whose `import.meta.url` is its own location (grammars/ beside it). */
const ONE_CJS_FILE = {
  ...COMMON,
  absWorkingDir: root,
  format: 'cjs',
  // web-tree-sitter's CommonJS build: its ES build imports node:module dynamically, which a
  // vm.Script (bin/trigger-lint.js's code cache) cannot do on Node 20
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  minify: true,
  define: { ...VERSION_DEFINE, 'import.meta.url': '__tlImportMetaUrl' },
  banner: { js: "var __tlImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * The language server's lint thread (src/lsp/worker-entry.ts) as one CommonJS file, for the VS
 * Code extension: next to the server's copy of dist/cli.cjs as lsp-worker.js, where the server
 * looks for it (the extension's package.json has no "type": "module", so it is read as CommonJS).
 */
export async function bundleLspWorker(outfile) {
  await esbuild.build({ ...ONE_CJS_FILE, entryPoints: [join(root, 'src/lsp/worker-entry.ts')], outfile });
}

/**
 * dist/: the public API and the worker thread's entry as ESM with shared chunks, and the CLI as
 * ONE CommonJS file (dist/cli.cjs). The CLI is CommonJS so that bin/trigger-lint.js can load it
 * through a V8 code cache (vm.Script cachedData): Node 20 has no compile cache for ES modules, and
 * parsing ~1 MB of JavaScript is most of a cold start. Its lazy parts (reporters other than the
 * one asked for, the event command, SARIF…) stay lazy: esbuild turns their dynamic import() into
 * module initialisers that only run when called.
 */
export async function bundle(outdir = join(root, 'dist'), { minify = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const common = COMMON;
  await esbuild.build({
    ...common,
    entryPoints: {
      index: join(root, 'src/index.ts'),
      worker: join(root, 'src/worker-entry.ts'),
      'lsp-worker': join(root, 'src/lsp/worker-entry.ts'),
    },
    outdir,
    splitting: true,
    format: 'esm',
    minify: true,
    banner: {
      js: "import { createRequire as __tlCreateRequire } from 'node:module'; const require = __tlCreateRequire(import.meta.url);",
    },
  });
  // the library for require() on Node 20 releases before 20.19 (no require() of ES modules there)
  await esbuild.build({
    ...ONE_CJS_FILE,
    entryPoints: [join(root, 'src/index.ts')],
    outfile: join(outdir, 'index.cjs'),
  });
  await esbuild.build({
    ...ONE_CJS_FILE,
    entryPoints: [join(root, 'src/cli.ts')],
    outfile: join(outdir, 'cli.cjs'),
    minify,
  });
  asciiOnly(join(outdir, 'cli.cjs'));
  copyGrammars(join(outdir, 'grammars'));
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals
 * (a dependency's `/µs|μs/`, an en dash): four such characters make the whole 2 MB bundle a
 * two-byte string, which bin/trigger-lint.js then reads at every start about 8 ms slower than
 * ASCII. `\uXXXX` means the same character in a regular expression, a string or a comment.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

/**
 * The GitHub Action's entry (action.yml `main`): one self-contained ESM file, committed to the
 * repository so the Action needs no install step. Deterministic (no splitting, paths relative to
 * the repository), so test/integrations/action-bundle.test.ts can tell when it is stale.
 */
export async function bundleAction(outfile = join(root, 'action', 'index.js')) {
  await esbuild.build({
    entryPoints: [join(root, 'src/action/main.ts')],
    outfile,
    absWorkingDir: root,
    plugins: [yamlNoTokenLog, commanderLazyChildProcess],
    mainFields: ['module', 'main'],
    bundle: true,
    splitting: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: false,
    legalComments: 'none',
    charset: 'utf8',
    define: {
      __TRIGGER_LINT_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
    },
    logLevel: 'warning',
    banner: {
      js: "// Generated by scripts/build.mjs from src/action/main.ts: do not edit.\nimport { createRequire as __tlCreateRequire } from 'node:module'; const require = __tlCreateRequire(import.meta.url);",
    },
  });
  copyGrammars(join(dirname(outfile), 'grammars'));
}

/**
 * The pre-commit hook's CLI (.pre-commit-hooks.yaml, `language: script`): the CLI bundle
 * dist/cli.cjs, committed as action/cli.cjs beside the Action's entry so both share
 * action/grammars/ and installing the hook is a clone and nothing else (no `npm install` of the
 * devDependencies only to build dist/). action/trigger-lint.cjs is its executable entry.
 * test/integrations/hook-bundle.test.ts fails when it is stale: `node scripts/build.mjs` and commit.
 */
export function copyHookCli(from = join(root, 'dist', 'cli.cjs'), outfile = join(root, 'action', 'cli.cjs')) {
  copyFileSync(from, outfile);
}

/**
 * The library's declarations, one self-contained file (dts-bundle-generator): the public API
 * (src/index.ts) names no type of a bundled library, so a user's tsc needs no other package.
 * dist/index.d.cts is the same text for require() users. Slow (a full type-check of src/), so
 * only `npm pack` / `npm publish` (prepack) and `node scripts/build.mjs --types` run it.
 */
export function bundleTypes(outdir = join(root, 'dist')) {
  const cli = join(root, 'node_modules', 'dts-bundle-generator', 'dist', 'bin', 'dts-bundle-generator.js');
  const out = join(outdir, 'index.d.ts');
  execFileSync(
    process.execPath,
    [
      cli,
      '--silent',
      '--no-banner',
      '--no-check',
      '--project',
      join(root, 'tsconfig.types.json'),
      '-o',
      out,
      join(root, 'src', 'index.ts'),
    ],
    { stdio: 'inherit' },
  );
  const text = readFileSync(out, 'utf8');
  if (/^import .* from ['"](?!\.)/m.test(text))
    throw new Error('dist/index.d.ts imports a package: the public API must not name types of bundled libraries');
  writeFileSync(join(outdir, 'index.d.cts'), text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  compileSchemas();
  await bundle();
  await bundleAction();
  copyHookCli();
  if (process.argv.includes('--types')) bundleTypes();
}
