import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers.js';
// @ts-expect-error plain JS helper shared with the benchmark
import { typicalFile } from '../../bench/generate.mjs';
import type { LintOptions, Result } from '../../src/types.js';

// Worker threads run the built bundle (dist/worker.js), so these tests use dist/ (npm test builds first).
type Api = { lint(inputs: string[], options: LintOptions): Promise<Result> };
let api: Api;
let stats: { runs: number; threads: number; batches: number };
let dir: string;
const FILES = 40;

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist', 'worker.js'))).toBe(true);
  api = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  stats = (await import(pathToFileURL(join(ROOT, 'dist', 'worker.js')).href)).threadStats;
  dir = mkdtempSync(join(tmpdir(), 'tl-workers-'));
  // every 10th service reuses the buckets of the one before: cross-file overlaps between files
  // that land in different batches (and so, usually, different threads)
  for (let n = 0; n < FILES; n++) {
    const shared = n % 10 === 1 ? n - 1 : n;
    mkdirSync(join(dir, `svc-${n}`));
    writeFileSync(
      join(dir, `svc-${n}`, 's.yaml'),
      typicalFile(n, (i: number) => `uploads-${shared}-${i}`),
    );
  }
  writeFileSync(join(dir, 'svc-7', 's.yaml'), typicalFile(7).replace('prefix: raw/\n', 'prefix: /raw/\n')); // a file-scoped finding too
});

const lintWith = (concurrency: LintOptions['concurrency']) => api.lint(['.'], { cwd: dir, env: {}, concurrency });
const flat = (r: Result) =>
  r.files.flatMap((f) =>
    f.findings.map((x) => `${x.path}:${x.line}:${x.column} ${x.severity} ${x.ruleId} ${x.message}`),
  );

describe('worker threads', () => {
  it('give exactly the findings of the single-thread run, cross-file overlaps included', async () => {
    const single = await lintWith('off');
    const before = stats.batches;
    const threaded = await lintWith(2);
    expect(stats.batches - before).toBeGreaterThan(2); // the work really went to the threads
    expect(flat(threaded)).toEqual(flat(single));
    expect(threaded.summary).toEqual(single.summary);
    const overlaps = flat(threaded).filter((s) => s.includes('trigger-overlap'));
    expect([...new Set(overlaps.map((s) => s.split('/')[0]))].sort()).toEqual(['svc-1', 'svc-11', 'svc-21', 'svc-31']);
    expect(flat(threaded).some((s) => s.startsWith('svc-7/s.yaml') && s.includes('prefix-leading-slash'))).toBe(true);
  });

  it('are not started by auto for a handful of files', async () => {
    const before = stats.runs;
    await lintWith('auto');
    expect(stats.runs).toBe(before);
  });
});
