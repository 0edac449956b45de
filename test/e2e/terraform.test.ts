// The real CLI on Terraform: a directory scan finds .tf files beside YAML ones, lints them as one
// run (cross-format overlaps and cycles), skips .terraform/, and --fix edits JSON inside HCL.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

interface Json {
  files: { path: string; format: string | null; findings: { ruleId: string; line: number }[] }[];
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-tf-'));
  cpSync(join(ROOT, 'fixtures', 'trigger-overlap', 'cross-format-terraform'), join(dir, 'overlap'), {
    recursive: true,
  });
  cpSync(join(ROOT, 'fixtures', 'recursive-trigger', 'terraform-cycle'), join(dir, 'cycle'), { recursive: true });
  // a downloaded module copy: Terraform's own cache, never linted
  mkdirSync(join(dir, '.terraform', 'modules', 'x'), { recursive: true });
  writeFileSync(
    join(dir, '.terraform', 'modules', 'x', 'main.tf'),
    'resource "aws_s3_bucket_notification" "n" { bucket = "shared-media" }\n',
  );
  return dir;
}

describe('trigger-lint on a folder of YAML and Terraform', () => {
  it('finds the .tf files, the cross-format overlap and the cycle', () => {
    const dir = project();
    try {
      const r = cli(['-f', 'json', '--rule', 'schema=off', '.'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as Json;
      expect(out.files.map((f) => `${f.path} ${f.format}`)).toEqual([
        'cycle/s.yaml serverless-devs-fc3',
        'cycle/tf/main.tf terraform',
        'overlap/infra/main.tf terraform',
        'overlap/s.yaml serverless-devs-fc3',
      ]);
      const errors = out.files.flatMap((f) =>
        f.findings.filter((x) => x.ruleId !== 'multipart-fanout').map((x) => `${f.path}:${x.line} ${x.ruleId}`),
      );
      expect(errors).toEqual(['cycle/s.yaml:23 recursive-trigger', 'overlap/s.yaml:18 trigger-overlap']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix removes a leading slash inside an escaped JSON string in a .tf file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-tf-fix-'));
    try {
      const src = join(ROOT, 'fixtures', 'prefix-leading-slash', 'alicloud-terraform.tf');
      cpSync(src, join(dir, 'main.tf'));
      const r = cli(['--fix', '--rule', 'schema=off', 'main.tf'], { cwd: dir });
      expect(r.stderr).toBe('trigger-lint: fixed 1 file\n');
      expect(readFileSync(join(dir, 'main.tf'), 'utf8')).toBe(readFileSync(src.replace(/\.tf$/, '.fixed.tf'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('graph draws a cycle through a Terraform function and a YAML one', () => {
    const r = cli(['graph', 'fixtures/recursive-trigger/terraform-cycle']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('f1["function f1<br/>recursive-trigger #40;error#41;"]');
    expect(r.stdout).toContain('f0["function f2<br/>recursive-trigger #40;error#41;"]');
    expect(r.stdout).toMatch(/f1 -->\|"writes in\/ [^"]*"\| b0/);
    expect(r.stdout).toMatch(/f0 -->\|"writes in\/ [^"]*"\| b1/);
  });
});
