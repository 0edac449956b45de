// `npm run vsix`: the VS Code extension in editors/vscode/ as a .vsix, offline. The client is
// bundled with esbuild (vscode-languageclient inside, `vscode` left to the editor); the server is
// the CLI bundle dist/cli.cjs, copied next to server/main.cjs, with the WebAssembly files it loads
// at run time (dist/grammars/: web-tree-sitter and the grammars, for handler code) in
// server/grammars/; @vscode/vsce packages it with --no-dependencies (everything is bundled).
// The language server's lint thread is bundled into server/lsp-worker.js (one CommonJS file, see
// bundleLspWorker in build.mjs), so the extension's server lints off its main thread as the CLI's
// does: hover, code actions and completion answer while a lint runs. Prints the path of the .vsix.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleLspWorker } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ext = join(root, 'editors', 'vscode');

export async function packageVscode(
  out = join(ext, `trigger-lint-${JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8')).version}.vsix`),
) {
  if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run npm run build first');
  await esbuild.build({
    entryPoints: [join(ext, 'src', 'extension.ts')],
    outfile: join(ext, 'dist', 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  mkdirSync(join(ext, 'server'), { recursive: true });
  copyFileSync(join(root, 'dist', 'cli.cjs'), join(ext, 'server', 'trigger-lint.cjs'));
  await bundleLspWorker(join(ext, 'server', 'lsp-worker.js'));
  const grammars = join(ext, 'server', 'grammars');
  rmSync(grammars, { recursive: true, force: true });
  mkdirSync(grammars);
  for (const f of readdirSync(join(root, 'dist', 'grammars')))
    if (f.endsWith('.wasm')) copyFileSync(join(root, 'dist', 'grammars', f), join(grammars, f));
  const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--no-update-package-json', '--out', out],
    { cwd: ext, encoding: 'utf8', input: '' },
  );
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status}): ${r.stderr}${r.stdout}`);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await packageVscode(process.argv[2]));
}
