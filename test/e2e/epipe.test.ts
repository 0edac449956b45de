// A reader that stops early (`trigger-lint . | head -1`) closes the pipe: the CLI ends quietly,
// with the exit code a complete run has — no EPIPE stack trace (ESLint and ripgrep behave so).
import { describe, expect, it, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN } from './run.js';
import { baseEnv, manyErrors, tempDir, write } from '../integrations/helpers.js';

interface Early {
  firstLine: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Run the CLI into a pipe that the reader closes after the first line. */
function readOneLine(args: string[], cwd: string): Promise<Early> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: baseEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let firstLine: string | undefined;
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      if (firstLine !== undefined) return;
      out += s;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        firstLine = out.slice(0, nl);
        child.stdout.destroy(); // the reader goes away, as `head -1` does
      }
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ firstLine: firstLine ?? '', code, signal, stderr }));
  });
}

/** The same run read to the end. */
function readAll(args: string[], cwd: string): Promise<{ code: number | null; bytes: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: baseEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
    let bytes = 0;
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, bytes }));
  });
}

let dir: string;
beforeAll(() => {
  dir = tempDir('epipe');
  // 40 files × 40 errors: the report is far larger than a pipe's buffer (64 KiB on Linux)
  for (let i = 0; i < 40; i++) write(dir, `svc-${i}/s.yaml`, manyErrors(40, `b${i}`));
});

describe('a closed stdout', () => {
  for (const args of [['.'], ['-f', 'json', '.'], ['--fix-dry-run', '.']]) {
    it(`ends \`trigger-lint ${args.join(' ')}\` quietly with the exit code of a complete run`, async () => {
      const full = await readAll(args, dir);
      expect(full.bytes, 'the output must overflow the pipe for the test to mean anything').toBeGreaterThan(256 * 1024);
      const early = await readOneLine(args, dir);
      expect(early.firstLine.length).toBeGreaterThan(0);
      expect(early.stderr).toBe('');
      expect(early.signal).toBeNull();
      expect(early.code).toBe(full.code);
    }, 60_000);
  }

  it('is quiet under a real shell pipeline into head -1', async () => {
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const sh = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" . | head -1`], { cwd: dir, env: baseEnv() });
      let stdout = '';
      let stderr = '';
      sh.stdout.setEncoding('utf8').on('data', (s: string) => {
        stdout += s;
      });
      sh.stderr.setEncoding('utf8').on('data', (s: string) => {
        stderr += s;
      });
      sh.on('close', (code) => done({ code, stdout, stderr }));
    });
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(/^svc-0\/s\.yaml:\d+:\d+: prefix "\/in-0\/"/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0); // head's status, as a shell without pipefail reports it
  }, 60_000);
});
