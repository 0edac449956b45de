// --fix and --fix-dry-run: the apply → re-lint loop, comments and formatting kept byte for
// byte, atomic writes, and the CLI end to end.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixSources, MAX_FIX_PASSES, writeFileAtomic } from '../../src/workflow/fix.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import { only } from '../helpers.js';
import { cli } from '../e2e/run.js';
import { fc3, project } from './project.js';
import type { Result } from '../../src/types.js';

const slash = only('prefix-leading-slash');

describe('fixSources', () => {
  it('fixes every leading slash and keeps comments, quoting and indentation', () => {
    const text = fc3([
      { name: 'a', prefix: '///deep/', tail: '# three slashes, keep me' },
      { name: 'b', prefix: "'/quoted/'", before: '# comment above, keep me' },
    ]);
    const out = fixSources([parseSource('s.yaml', text)], (s) => lintSources(s, slash));
    expect(out.changed).toHaveLength(1);
    expect(out.changed[0].after).toBe(text.replace('///deep/', 'deep/').replace("'/quoted/'", "'quoted/'"));
    expect(out.result.files[0].findings).toEqual([]);
  });

  it('leaves a value that comes from a variable alone (the fix is not certain)', () => {
    const text = fc3([{ name: 'a', prefix: '${vars.p}' }]).replace('name: app\n', 'name: app\nvars:\n  p: /x/\n');
    const out = fixSources([parseSource('s.yaml', text)], (s) => lintSources(s, slash));
    expect(out.changed).toEqual([]);
    expect(out.result.files[0].findings.map((f) => f.ruleId)).toEqual(['prefix-leading-slash']);
  });

  it('does not touch files it may not change', () => {
    const text = fc3([{ name: 'a', prefix: '/a/' }]);
    const out = fixSources(
      [parseSource('s.yaml', text)],
      (s) => lintSources(s, slash),
      () => false,
    );
    expect(out.changed).toEqual([]);
  });

  it('stops after a bounded number of passes when fixes keep coming', () => {
    let calls = 0;
    const endless = (): Result => {
      calls++;
      return {
        files: [
          {
            path: 's.yaml',
            format: 'x',
            findings: [
              {
                ruleId: 'r',
                severity: 'error',
                message: 'm',
                path: 's.yaml',
                line: 1,
                column: 1,
                endLine: 1,
                endColumn: 1,
                start: 0,
                end: 0,
                fix: [{ start: 0, end: 0, text: 'x' }],
              },
            ],
          },
        ],
        summary: { files: 1, errors: 1, warnings: 0, infos: 0 },
        unrecognized: [],
        texts: new Map(),
      };
    };
    const out = fixSources([parseSource('s.yaml', 'a: 1\n')], endless);
    expect(out.passes).toBe(MAX_FIX_PASSES);
    expect(calls).toBe(MAX_FIX_PASSES + 1);
    expect(out.changed[0].after).toBe(`${'x'.repeat(MAX_FIX_PASSES)}a: 1\n`);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file through a rename, keeps its mode and leaves no temporary file', () => {
    const dir = project({ 's.yaml': 'old\n' });
    chmodSync(join(dir, 's.yaml'), 0o640);
    writeFileAtomic(join(dir, 's.yaml'), 'new\n');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe('new\n');
    expect(statSync(join(dir, 's.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['.git', 's.yaml']);
  });

  it('removes the temporary files of killed runs on this file, and nothing else', () => {
    const dead = spawnSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' });
    const gone = Number(dead.stdout.trim()); // that process has exited
    const alive = process.ppid; // a process that runs
    const dir = project({ 's.yaml': 'old\n', 'other.yaml': 'x\n' });
    const leftovers = {
      stale: `.s.yaml.trigger-lint-${gone}-1700000000000.tmp`,
      live: `.s.yaml.trigger-lint-${alive}-1700000000000.tmp`,
      otherFile: `.other.yaml.trigger-lint-${gone}-1700000000000.tmp`,
      notOurs: '.s.yaml.trigger-lint-notes.tmp',
    };
    for (const name of Object.values(leftovers)) writeFileSync(join(dir, name), 'half-written');
    writeFileAtomic(join(dir, 's.yaml'), 'new\n');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir).sort()).toEqual(
      ['.git', leftovers.otherFile, leftovers.live, leftovers.notOurs, 'other.yaml', 's.yaml'].sort(),
    );
  });
});

describe('--fix through the CLI', () => {
  it('writes the fixed file, reports what remains and exits by it', () => {
    const text = fc3([{ name: 'a', prefix: '/a/*', tail: '# keep this comment' }]);
    const dir = project({ 's.yaml': text });
    const r = cli(['--fix', 's.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(text.replace('/a/*', 'a/*'));
    expect(r.stderr).toBe('trigger-lint: fixed 1 file\n');
    expect(r.stdout).toContain('[filter-wildcard]');
    expect(r.stdout).not.toContain('[prefix-leading-slash]');
    expect(r.code).toBe(0);
  });

  it('--fix-dry-run prints a unified diff and leaves the file alone', () => {
    const text = fc3([{ name: 'a', prefix: '/a/' }]);
    const dir = project({ 's.yaml': text });
    const r = cli(['--fix-dry-run', 's.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(text);
    expect(r.stdout).toContain('--- a/s.yaml\n+++ b/s.yaml\n');
    expect(r.stdout).toContain('-                prefix: /a/\n+                prefix: a/\n');
    expect(r.code).toBe(0);
  });

  it('keeps a byte-order mark and CRLF line endings', () => {
    const text = fc3([{ name: 'a', prefix: '/a/' }]).replace(/\n/g, '\r\n');
    const dir = project({ 's.yaml': `\ufeff${text}` });
    cli(['--fix', 's.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(`\ufeff${text.replace('/a/', 'a/')}`);
  });

  it('never writes stdin input back', () => {
    const text = fc3([{ name: 'a', prefix: '/a/' }]);
    const dir = project({});
    const r = cli(['--fix', '-', '--stdin-filename', 's.yaml'], { cwd: dir, input: text });
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['.git']);
  });
});
