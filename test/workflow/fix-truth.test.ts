// --fix tells the truth: a file it did not write is reported as not fixed, and its findings are
// printed and counted (exit 1 for errors). A file that changed while it was linted, a read-only
// file and a file with other hard links are left as they were, each with a note on stderr.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chmodSync, linkSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../e2e/run.js';
import { fc3, project } from './project.js';

const BAD = fc3([{ name: 'a', prefix: '/a/' }]);

/** Simulates an editor saving the file between the lint and the write. */
const edits = vi.hoisted(() => ({ path: '', text: '' }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  let reads = 0;
  const readFileSync = ((p: any, ...rest: any[]) => {
    if (typeof p === 'string' && edits.path && p === edits.path && ++reads === 2) fs.writeFileSync(p, edits.text);
    return (fs.readFileSync as any)(p, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

afterEach(() => {
  edits.path = '';
});

describe('--fix reports what it wrote', () => {
  it('a file changed while it was linted: not fixed, its findings counted', async () => {
    const { runWorkflow } = await import('../../src/workflow/run.js');
    const dir = project({ 's.yaml': BAD });
    const path = join(dir, 's.yaml');
    const saved = `# saved meanwhile\n${BAD}`;
    Object.assign(edits, { path, text: saved });
    const stderr: string[] = [];
    const result = await runWorkflow(
      ['s.yaml'],
      { env: {} },
      { baseline: false, fix: true },
      { cwd: dir, env: {}, stdout: () => {}, stderr: (s) => stderr.push(s) },
    );
    expect(readFileSync(path, 'utf8')).toBe(saved);
    expect(stderr).toEqual(['trigger-lint: s.yaml changed while it was being linted; not fixed\n']);
    expect(result.summary.errors).toBe(1);
    expect(result.files[0].findings.map((f) => f.ruleId)).toEqual(['prefix-leading-slash']);
    expect(result.texts.get('s.yaml')).toBe(BAD);
  });

  it('a read-only file: refused with a clear message, exit 1, findings printed', () => {
    const dir = project({ 's.yaml': BAD });
    const path = join(dir, 's.yaml');
    chmodSync(path, 0o444);
    const r = cli(['--fix', 's.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      'trigger-lint: s.yaml is read-only; not fixed (make it writable, or apply the diff of --fix-dry-run)\n',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('prefix "/a/" starts with "/"');
    expect(r.stdout).toContain('1 error, 0 warnings in 1 file');
    expect(readFileSync(path, 'utf8')).toBe(BAD);
    expect(statSync(path).mode & 0o777).toBe(0o444);
  });

  it('a file with another hard link: both names keep one content (refused with a note)', () => {
    const dir = project({ 's.yaml': BAD });
    const path = join(dir, 's.yaml');
    linkSync(path, join(dir, 'copy.yaml.bak'));
    const r = cli(['--fix', 's.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      'trigger-lint: s.yaml has 2 hard links; not fixed, so that they keep one content (apply the diff of --fix-dry-run)\n',
    );
    expect(r.code).toBe(1);
    expect(statSync(path).ino).toBe(statSync(join(dir, 'copy.yaml.bak')).ino);
    expect(readFileSync(path, 'utf8')).toBe(BAD);
  });

  it('a writable file is fixed and counted', () => {
    const dir = project({ 's.yaml': BAD, 'other.yaml': BAD });
    writeFileSync(join(dir, 'other.yaml'), BAD);
    const r = cli(['--fix', 's.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: 'trigger-lint: fixed 1 file\n' });
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(BAD.replace('/a/', 'a/'));
  });
});
