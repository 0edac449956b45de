#!/usr/bin/env node
// Runs the bundled CLI (dist/cli.cjs, one CommonJS file built by scripts/build.mjs) through a V8
// code cache, so a warm start does not parse and compile ~1.6 MB of JavaScript again: Node 20
// has no compile cache for ES modules (module.enableCompileCache arrived in Node 22.1), but
// vm.Script accepts cachedData. The cache lives in the OS temp folder, keyed by the bundle's
// path, size and mtime; V8 itself rejects a cache that does not match the source. Anything that
// goes wrong with the cache (read-only temp folder, a rejected cache) only costs speed.
// TRIGGER_LINT_NO_COMPILE_CACHE=1 turns it off.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, renameSync, mkdirSync, statSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import vm from 'node:vm';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs');
const require = createRequire(file);

// A source checkout right after `npm ci` has no dist/ yet (the package builds in prepack, not in an
// install script, so installing it runs nothing): build it once. An installed package ships dist/.
const build = join(dirname(file), '..', 'scripts', 'build.mjs');
if (!existsSync(file) && existsSync(build)) {
  process.stderr.write('trigger-lint: building dist/ in this source checkout (node scripts/build.mjs)\n');
  execFileSync(process.execPath, [build], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// the language server compiles other functions than a lint run: it keeps a cache of its own
const MODE = process.argv[2] === 'lsp' ? 'lsp' : 'cli';

function cachePath() {
  const st = statSync(file);
  let user = 'user';
  try { user = String(userInfo().uid); } catch { /* no user database */ }
  const key = createHash('sha256').update(`${file}\0${st.size}\0${st.mtimeMs}\0${process.version}`).digest('hex').slice(0, 16);
  return join(tmpdir(), `trigger-lint-${user}`, `${MODE}-${key}.cache`);
}

function load() {
  const source = readFileSync(file, 'utf8');
  let cache;
  let cached;
  if (!process.env.TRIGGER_LINT_NO_COMPILE_CACHE) {
    try {
      cache = cachePath();
      cached = readFileSync(cache);
    } catch { /* first run: no cache yet */ }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cached });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  const save = cache && (!cached || script.cachedDataRejected) ? () => {
    try {
      mkdirSync(dirname(cache), { recursive: true });
      const tmp = `${cache}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cache);
    } catch { /* read-only temp folder: run without a cache */ }
  } : undefined;
  return { main: module.exports.main, save };
}

const { main, save } = load();
// a server's main() never resolves (the protocol's exit ends the process): save at exit, synchronously
if (MODE === 'lsp' && save) process.on('exit', save);
main(process.argv.slice(2)).then(
  (code) => {
    save?.(); // after the run, so the cache holds the functions this run compiled too
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`trigger-lint: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
