#!/usr/bin/env node
// Runs the bundled CLI (dist/cli.cjs, one CommonJS file built by scripts/build.mjs) through a V8
// code cache, so a warm start does not parse and compile ~1.6 MB of JavaScript again: Node 20
// has no compile cache for ES modules (module.enableCompileCache arrived in Node 22.1), but
// vm.Script accepts cachedData.
//
// This file is CommonJS (bin/package.json says so): an ES module entry would start Node's ESM
// loader, which alone loads some thirty internal modules. It requires nothing Node has not loaded
// already except `vm` (no `crypto` for the cache key: a string hash is enough, V8 itself rejects
// a cache that does not match the source).
//
// One cache per command family — lint, `event validate`, `event sample`, `event list`, `graph`,
// `lsp`, and the informational ones (--help, --version, --list-rules, --print-config, `rule`) — because a cache holds
// the functions compiled by the run that wrote it: a cache written by `--help` would leave a lint
// compiling most of its code lazily. A cache is written after the run (so it holds what the run
// compiled) when there was none or V8 rejected it (another Node, other V8 flags, a changed
// bundle). It lives in the OS temp folder, keyed by the bundle's path, size and mtime, the Node
// version and the family. Anything that goes wrong with it (read-only temp folder, a corrupt
// file) only costs speed. TRIGGER_LINT_NO_COMPILE_CACHE=1 turns it off;
// TRIGGER_LINT_DEBUG_COMPILE_CACHE=1 says on stderr what happened to it.
//
// Optimising compiles wait longer: V8 starts TurboFan on a function after a fixed "interrupt
// budget" of executed bytecode; at the default, linting one real 15 KB file sends yaml's lexer and
// parser functions to TurboFan (20–40 ms of compile each, on a background thread that shares the
// CPUs) and the parse takes about 4 times as long as with no optimising compiler at all. Four
// times the budget lets a short run finish on bytecode and baseline code, while a long run (a
// 50,000-trigger file, 10,000 files) still gets its hot functions optimised early in its run.
// The flag is set before the bundle is compiled, the same way on every run, so the code cache
// always matches it.
//
// The old generation grows by at most half between full collections (V8 lets it grow up to 4×
// when collections are cheap). A lint's live data only grows — every file's Model stays until the
// run-scoped rules — so a 4× allowance is pure slack, and how much of it a run used depended on
// when the previous collection happened to fall: a folder of 10,000 files peaked anywhere between
// 437 and 574 MiB on the same machine, and at 362–374 MiB with this flag, in the same time or less
// (`npm run bench`, docs/performance.md). The flag only changes when V8 collects, never what.
'use strict';
const v8 = require('node:v8');
v8.setFlagsFromString('--interrupt-budget=270336'); // 4 × V8's default (67584)
v8.setFlagsFromString('--heap-growing-percent=50'); // the next limit is 1.5 × the live heap
const { readFileSync, writeFileSync, renameSync, mkdirSync, statSync, existsSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { tmpdir } = require('node:os');
const { createRequire } = require('node:module');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
const argv = process.argv.slice(2);
const env = process.env;

// A source checkout right after `npm ci` has no dist/ yet (the package builds in prepack, not in an
// install script, so installing it runs nothing): build it once. An installed package ships dist/.
const build = join(dirname(file), '..', 'scripts', 'build.mjs');
if (!existsSync(file) && existsSync(build)) {
  process.stderr.write('trigger-lint: building dist/ in this source checkout (node scripts/build.mjs)\n');
  require('node:child_process').execFileSync(process.execPath, [build], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The command family of a command line (which cache fits it). */
function family(args) {
  if (args[0] === 'event') return ['validate', 'sample', 'list'].includes(args[1]) ? `event-${args[1]}` : 'event';
  if (args[0] === 'graph' || args[0] === 'lsp') return args[0];
  if (args[0] === 'rule') return 'info';
  const info = ['-h', '--help', '-v', '--version', '--list-rules', '--print-config'];
  return args.some((a) => info.includes(a) || a.startsWith('--print-config=')) ? 'info' : 'lint';
}

/** 64-bit FNV-1a of a short string, as hex (two 32-bit lanes). */
function hash(s) {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000197) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function cachePath(kind) {
  const st = statSync(file);
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : 'user';
  return join(
    tmpdir(),
    `trigger-lint-${user}`,
    `cli-${hash(`${file}\0${st.size}\0${st.mtimeMs}\0${process.version}`)}-${kind}.cache`,
  );
}

function load() {
  // latin1: the build writes the bundle in ASCII only (scripts/build.mjs asciiOnly), and decoding
  // 2 MB as latin1 is about twice as fast as as UTF-8
  const source = readFileSync(file, 'latin1');
  const kind = family(argv);
  let cache;
  let cached;
  if (!env.TRIGGER_LINT_NO_COMPILE_CACHE) {
    try {
      cache = cachePath(kind);
      cached = readFileSync(cache);
    } catch {
      /* first run of this family: no cache yet */
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData: cached,
  });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file));
  const state = !cache ? 'off' : !cached ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  const save = () => {
    let wrote = false;
    if (state === 'miss' || state === 'rejected') {
      try {
        mkdirSync(dirname(cache), { recursive: true });
        const tmp = `${cache}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cache);
        wrote = true;
      } catch {
        /* read-only temp folder: run without a cache */
      }
    }
    if (env.TRIGGER_LINT_DEBUG_COMPILE_CACHE)
      process.stderr.write(`trigger-lint: code cache ${kind}: ${state}${wrote ? ', written' : ''}\n`);
  };
  return { main: mod.exports.main, save, kind };
}

const { main, save, kind } = load();
// a server's main() never resolves (the protocol's exit ends the process): save at exit, synchronously
if (kind === 'lsp') process.on('exit', save);
main(argv).then(
  (code) => {
    save(); // after the run, so the cache holds the functions this run compiled too
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`trigger-lint: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
