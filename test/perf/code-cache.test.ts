// bin/trigger-lint.js: a V8 code cache per command family, so the command that happens to run
// first after an install (`--help`, `event validate`…) never leaves a lint with a cache that
// misses most of its code; a rejected cache is written again. And what a lint loads at start:
// no ESM loader, no child_process (commander's executable subcommands), no worker_threads, no
// crypto. No timing here (that is `npm run bench`): these pin the mechanism.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'trigger-lint.js');
const EVENT = join(ROOT, 'test', 'corpus', 'events', 'alibaba', 'awesomefc-oss-PostObject-2022.json');

function run(tmp: string, args: string[], extraEnv: Record<string, string> = {}, preload: string[] = []) {
  const r = spawnSync(process.execPath, [...preload, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, TRIGGER_LINT_DEBUG_COMPILE_CACHE: '1', ...extraEnv },
  });
  const line = /trigger-lint: code cache (.*)\n/.exec(r.stderr);
  return { status: r.status, stdout: r.stdout, cache: line?.[1] };
}

describe('the V8 code cache', () => {
  it('keeps one cache per command family: --help and event validate do not decide what a lint finds in its cache', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tl-code-cache-'));
    try {
      expect(run(tmp, ['--help']).cache).toBe('info: miss, written');
      expect(run(tmp, ['examples/s.yaml']).cache).toBe('lint: miss, written');
      expect(run(tmp, ['event', 'validate', EVENT]).cache).toBe('event-validate: miss, written');
      expect(run(tmp, ['--version']).cache).toBe('info: hit');
      expect(run(tmp, ['examples/s.yaml', '-f', 'json']).cache).toBe('lint: hit');
      expect(run(tmp, ['event', 'validate', EVENT]).cache).toBe('event-validate: hit');
      const files = readdirSync(join(tmp, readdirSync(tmp)[0])).sort();
      expect(files.map((f) => f.replace(/^cli-[0-9a-f]{16}-/, ''))).toEqual([
        'event-validate.cache',
        'info.cache',
        'lint.cache',
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);

  it('writes a cache again when V8 rejects it, and gives the same output with, without and after a bad cache', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tl-code-cache-'));
    try {
      const first = run(tmp, ['examples/s.yaml']);
      const dir = join(tmp, readdirSync(tmp)[0]);
      const [lintCache] = readdirSync(dir).filter((f) => f.endsWith('-lint.cache'));
      writeFileSync(join(dir, lintCache), Buffer.alloc(4096, 7)); // not a cache V8 accepts
      const rejected = run(tmp, ['examples/s.yaml']);
      expect(rejected.cache).toBe('lint: rejected, written');
      const again = run(tmp, ['examples/s.yaml']);
      expect(again.cache).toBe('lint: hit');
      const off = run(tmp, ['examples/s.yaml'], { TRIGGER_LINT_NO_COMPILE_CACHE: '1' });
      expect(off.cache).toBe('lint: off');
      for (const r of [first, rejected, again, off]) {
        expect(r.status).toBe(1);
        expect(r.stdout).toBe(first.stdout);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);

  it('reads a bundle that is ASCII only (bin/trigger-lint.js decodes it as latin1)', () => {
    const text = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    expect(text.length).toBeGreaterThan(100_000);
    expect([...text.matchAll(/[^\x00-\x7f]/g)].map((m) => text.slice(m.index - 20, m.index + 5))).toEqual([]);
  });

  it('a lint loads (beyond what bare Node loads) neither the ESM loader nor child_process, worker_threads or crypto', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tl-code-cache-'));
    try {
      const out = join(tmp, 'modules.json');
      const preload = join(tmp, 'modules.cjs');
      writeFileSync(
        preload,
        `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`,
      );
      spawnSync(process.execPath, ['-r', preload, '-e', ''], { env: { ...process.env, TMPDIR: tmp } });
      const bare = new Set<string>(JSON.parse(readFileSync(out, 'utf8')));
      expect(run(tmp, ['examples/s.yaml'], {}, ['-r', preload]).status).toBe(1);
      const extra = (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((m) => !bare.has(m));
      expect(extra).toContain('NativeModule vm'); // the list is real: bin/trigger-lint.js needs vm
      expect(extra.filter((m) => /child_process|worker_threads|crypto|modules\/esm/.test(m))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
