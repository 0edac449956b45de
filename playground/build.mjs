// Builds the playground into static files (playground/dist by default): the page, its styles and
// one ES module bundle with the real engine, CodeMirror 6 and, in chunks loaded on first use,
// Mermaid and the Terraform format (with grammars/: the tree-sitter runtime and HCL grammar). No server is needed to use it; `npm run playground` serves it on localhost.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const HCL_WASM = ['web-tree-sitter/web-tree-sitter.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'];
const root = join(here, '..');

/**
 * node:path becomes path-browserify (displayPath names inline inputs with it); every other node:
 * module becomes playground/src/node-shim.ts, whose functions throw: the engine must not call
 * them for a text input, and a call would fail the page.
 */
const nodeModules = {
  name: 'node-modules-for-the-browser',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.path === 'node:path'
        ? { path: join(root, 'node_modules', 'path-browserify', 'index.js') }
        : { path: join(here, 'src', 'node-shim.ts') },
    );
  },
};

export async function buildPlayground(outdir = join(here, 'dist')) {
  if (!existsSync(join(root, 'src', 'generated', 'config.js'))) {
    const { compileSchemas } = await import('../scripts/build.mjs');
    compileSchemas();
  }
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  await esbuild.build({
    entryPoints: { app: join(here, 'src', 'main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    loader: { '.yaml': 'text', '.yml': 'text', '.tf': 'text' },
    plugins: [nodeModules],
    define: { __TRIGGER_LINT_VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  for (const f of ['index.html', 'style.css']) copyFileSync(join(here, f), join(outdir, f));
  // the tree-sitter runtime and the HCL grammar, fetched by the page on its first Terraform file (src/engine.ts)
  mkdirSync(join(outdir, 'grammars'));
  for (const spec of HCL_WASM) copyFileSync(require.resolve(spec), join(outdir, 'grammars', spec.split('/').pop()));
  return outdir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`built ${await buildPlayground(process.argv[2])}`);
}
