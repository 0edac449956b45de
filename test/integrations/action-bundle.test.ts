// The Action runs the committed action/index.js (no install step), so that file must be exactly
// what `node scripts/build.mjs` produces from the current sources: rebuild it into a temp dir and
// compare. Fix a failure with `node scripts/build.mjs` and commit action/index.js.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './helpers.js';

// @ts-expect-error -- plain ESM build script without type declarations
const { bundleAction } = await import('../../scripts/build.mjs');

/** The bundle as committed (HEAD) in a git checkout, else the file on disk. */
function committed(): string {
  try {
    return execFileSync('git', ['show', 'HEAD:action/index.js'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return readFileSync(join(ROOT, 'action', 'index.js'), 'utf8');
  }
}

describe('the committed Action bundle', () => {
  it('is deterministic: two builds are byte-identical', async () => {
    const dir = tempDir('bundle');
    await bundleAction(join(dir, 'a.js'));
    await bundleAction(join(dir, 'b.js'));
    expect(readFileSync(join(dir, 'a.js'), 'utf8')).toBe(readFileSync(join(dir, 'b.js'), 'utf8'));
  });

  it('is one self-contained file: no chunks to load, no absolute paths of the machine that built it', async () => {
    const dir = tempDir('bundle-self');
    await bundleAction(join(dir, 'index.js'));
    const code = readFileSync(join(dir, 'index.js'), 'utf8');
    expect(code).not.toMatch(/\bimport\(\s*["'`]\./);
    expect(code).not.toMatch(/^import .* from ["']\.\.?\//m);
    expect(code).not.toContain(ROOT);
  });

  it('is up to date with the sources (else: run node scripts/build.mjs and commit action/index.js)', async () => {
    const dir = tempDir('bundle-fresh');
    await bundleAction(join(dir, 'index.js'));
    const fresh = readFileSync(join(dir, 'index.js'), 'utf8');
    const current = committed();
    expect(current.length, 'action/index.js is stale: run node scripts/build.mjs and commit action/index.js').toBe(
      fresh.length,
    );
    expect(current === fresh, 'action/index.js is stale: run node scripts/build.mjs and commit action/index.js').toBe(
      true,
    );
  });
});
