// The pre-commit hook runs the committed action/cli.cjs (a copy of dist/cli.cjs) through
// action/trigger-lint.cjs, from a plain clone (`language: script`: no npm install), so that file
// must be exactly what `node scripts/build.mjs` makes from the current sources. Fix a failure with
// `node scripts/build.mjs` and commit action/cli.cjs.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, baseEnv, tempDir } from './helpers.js';

// @ts-expect-error -- plain ESM build script without type declarations
const { bundle } = await import('../../scripts/build.mjs');

const STALE = 'action/cli.cjs is stale: run node scripts/build.mjs and commit action/cli.cjs';

/** The file as committed (HEAD) in a git checkout, else the file on disk. */
function committed(path: string): string {
  try {
    return execFileSync('git', ['show', `HEAD:${path}`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return readFileSync(join(ROOT, path), 'utf8');
  }
}

describe('the committed pre-commit hook CLI (action/cli.cjs)', () => {
  it('is up to date with the sources, deterministic, with no path of the machine that built it', async () => {
    const a = tempDir('hook-a');
    const b = tempDir('hook-b');
    await bundle(a);
    await bundle(b);
    const fresh = readFileSync(join(a, 'cli.cjs'), 'utf8');
    expect(readFileSync(join(b, 'cli.cjs'), 'utf8') === fresh, 'two builds differ').toBe(true);
    expect(fresh).not.toContain(ROOT);
    const current = committed('action/cli.cjs');
    expect(current.length, STALE).toBe(fresh.length);
    expect(current === fresh, STALE).toBe(true);
  }, 120_000);

  it('runs from a copy of action/ alone: the entry is executable, finds the code loop with the grammars beside it', () => {
    const dir = tempDir('hook-run');
    cpSync(join(ROOT, 'action'), join(dir, 'action'), { recursive: true });
    cpSync(join(ROOT, 'fixtures', 'recursive-trigger', 'code-oss2-python'), join(dir, 'app'), { recursive: true });
    const entry = join(dir, 'action', 'trigger-lint.cjs');
    accessSync(entry, constants.X_OK);
    const r = spawnSync(entry, ['--ignore-unknown', '-f', 'json', 's.yaml'], {
      cwd: join(dir, 'app'),
      encoding: 'utf8',
      env: baseEnv(),
    });
    expect(r.status, r.stderr).toBe(1);
    const [finding] = JSON.parse(r.stdout).files[0].findings.filter(
      (f: { ruleId: string }) => f.ruleId === 'recursive-trigger',
    );
    expect(finding.related).toEqual([expect.objectContaining({ path: 'code/loop.py', line: 19 })]);
    const v = spawnSync(entry, ['--version'], { encoding: 'utf8', env: baseEnv() });
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('is committed with its executable bit (pre-commit runs a script hook directly)', () => {
    let mode: string;
    try {
      mode = execFileSync('git', ['ls-files', '-s', 'action/trigger-lint.cjs'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      mode =
        (statSync(join(ROOT, 'action', 'trigger-lint.cjs')).mode & 0o111) !== 0
          ? '100755 (not a git checkout: the file on disk)'
          : '100644';
    }
    expect(mode).toMatch(/^100755 /);
  });
});
