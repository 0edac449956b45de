// Special files and limits (issue #25): only regular files are read — a named pipe blocked
// forever and /dev/zero read until the process ran out of memory; stdin is read up to the size
// cap and no further; --concurrency never starts more threads than there are CPUs.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readCapped } from '../../src/cli/io.js';
import { threadCount } from '../../src/engine/workers.js';
import { cli } from './run.js';

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
if (!hasMkfifo && !process.env.CI) console.log('skipped: the named-pipe case needs mkfifo (not installed)');

describe('special files', () => {
  it.skipIf(!hasMkfifo && !process.env.CI)(
    'a named pipe on the command line is exit 2 with one line, not a hang',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'tl-fifo-'));
      expect(spawnSync('mkfifo', [join(dir, 's.yaml')]).status).toBe(0);
      const r = cli(['s.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        'trigger-lint: s.yaml: not a regular file (a named pipe); trigger-lint reads regular files and directories only; save the input to a file, or pipe it to "trigger-lint -"',
      );
    },
  );

  it.skipIf(!existsSync('/dev/zero'))('/dev/zero on the command line is exit 2, not a read until out of memory', () => {
    const r = cli(['/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a regular file (a character device)');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stdin is read up to the cap and no further', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65536;
        this.push(Buffer.alloc(65536, 0x61));
      },
    });
    const text = await readCapped(endless, 1_000_000);
    expect(text.length).toBe(1_000_000);
    expect(produced).toBeLessThan(2_000_000);
  });

  it('--concurrency is capped at the number of CPUs', () => {
    expect(threadCount(100_000, 300)).toBeLessThanOrEqual(availableParallelism());
    expect(threadCount(100_000, 300)).toBeGreaterThan(0);
  });
});
