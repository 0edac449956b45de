// --ignore-unknown (used by the pre-commit hook): a named file that is not a trigger file is
// skipped instead of exit 2, because pre-commit passes every file whose *name* matches.
import { describe, expect, it } from 'vitest';
import { cli, manyErrors, tempDir, write, CLEAN } from './helpers.js';

const CFN = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n';

describe('--ignore-unknown', () => {
  it('without it, a named non-trigger file is exit 2', () => {
    const dir = tempDir('unknown');
    write(dir, 'template.yaml', CFN);
    const r = cli(['template.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^trigger-lint: template\.yaml: not a trigger file/);
  });

  it('skips it and still lints the trigger files', () => {
    const dir = tempDir('unknown-mixed');
    write(dir, 'template.yaml', CFN);
    write(dir, 's.yaml', manyErrors(1));
    const r = cli(['--ignore-unknown', 'template.yaml', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^s\.yaml:\d+:\d+: prefix "\/in-0\/"/);
    expect(r.stdout).not.toContain('template.yaml');
    expect(r.stdout).toMatch(/1 error, 0 warnings in 1 file\n$/);
  });

  it('passes when every named file is skipped', () => {
    const dir = tempDir('unknown-only');
    write(dir, 'template.yaml', CFN);
    const r = cli(['--ignore-unknown', 'template.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('0 errors, 0 warnings in 0 files\n');
  });

  it('still reports a file that does not parse', () => {
    const dir = tempDir('unknown-broken');
    write(dir, 's.yaml', 'edition: 3.0.0\nresources: [\n');
    write(dir, 'ok/s.yaml', CLEAN);
    const r = cli(['--ignore-unknown', 's.yaml', 'ok/s.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[syntax\]/);
  });
});
