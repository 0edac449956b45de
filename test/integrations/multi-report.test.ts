// Several reports in one run: `--format` is repeatable; `name=file` writes that report to a file,
// a bare name prints to stdout; `-o` keeps working for the single-format case.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fc3, tempDir, write, schemaValidator } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('multi');
  write(dir, 's.yaml', fc3([{ name: 'slash', bucket: 'b', prefix: '/in/' }]));
});

describe('several reports in one run', () => {
  it('prints stylish and writes SARIF at once', () => {
    const r = cli(['-f', 'stylish', '-f', 'sarif=both.sarif', 's.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 1, stderr: '' });
    expect(r.stdout).toMatch(/^s\.yaml:\d+:\d+: .*\[prefix-leading-slash\]/);
    expect(r.stdout).toMatch(/1 error, 0 warnings in 1 file\n$/);
    expect(r.stdout).not.toContain('"version"');
    expect(JSON.parse(readFileSync(join(dir, 'both.sarif'), 'utf8')).runs[0].results[0].ruleId).toBe(
      'prefix-leading-slash',
    );
  });

  it('writes a report into an existing directory and keeps stdout for the others', () => {
    const r = cli(['--format', 'stylish', '--format', 'sarif=out.sarif', '--format', 'junit=junit.xml', 's.yaml'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(schemaValidator('sarif-2.1.0.json')(sarif)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<\?xml[\s\S]*<failure type="error"/);
    expect(r.stdout).toMatch(/^s\.yaml:\d+:\d+: prefix "\/in\/"/);
  });

  it('keeps -o/--output for a single format', () => {
    const r = cli(['-f', 'json', '-o', 'out.json', 's.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).summary.errors).toBe(1);
  });

  it('sends the one report without a file to -o and the others to their files', () => {
    const r = cli(['-f', 'json', '-f', 'github=gh.txt', '-o', 'main.json', 's.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(readFileSync(join(dir, 'main.json'), 'utf8')).version).toBe(1);
    expect(readFileSync(join(dir, 'gh.txt'), 'utf8')).toMatch(/^::error file=s\.yaml/);
  });

  it('defaults to stylish', () => {
    const r = cli(['s.yaml'], { cwd: dir });
    expect(r.stdout).toMatch(/^s\.yaml:\d+:\d+: .*\[prefix-leading-slash\]\n   \|/);
  });

  it('refuses an unknown format with exit 2 before linting', () => {
    const r = cli(['-f', 'stylish', '-f', 'xml=out.xml', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('trigger-lint: unknown format "xml"; use one of stylish, json, sarif, github, junit\n');
    expect(existsSync(join(dir, 'out.xml'))).toBe(false);
  });

  it('refuses -o with two reports that have no file (which one would it be?)', () => {
    const r = cli(['-f', 'stylish', '-f', 'json', '-o', 'x.txt', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--output takes one report but 2 formats have no file/);
  });

  it('refuses two reports into one file', () => {
    const r = cli(['-f', 'sarif=same.out', '-f', 'junit=same.out', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/two reports would write same\.out/);
  });

  it('refuses "name=" without a file', () => {
    const r = cli(['-f', 'sarif=', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a file name/);
  });

  it('is exit 2 when a report file cannot be written', () => {
    const r = cli(['-f', 'sarif=no/such/dir/out.sarif', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^trigger-lint: cannot write no\/such\/dir\/out\.sarif: ENOENT\n$/);
  });
});
