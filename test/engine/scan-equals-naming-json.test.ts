// A directory scan finds CloudFormation and ROS JSON templates by content, as naming them does
// (issue #29, "JSON templates … are found by content in directory scans"): templates under names
// that are not `*.template.json` — one with its version key first, a ROS one, CDK output without a
// version key, and one whose `AWSTemplateFormatVersion` comes after a description longer than the
// first kilobyte — give the same files and the same findings scanned or named; JSON that is not a
// template (package.json, tsconfig.json, a "Resources" key of something else) is not linted.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../src/index.js';
import type { Result } from '../../src/types.js';
import { ROOT } from '../helpers.js';

let root: string;
const named: string[] = [];

const findingsOf = (r: Result): string[] =>
  r.files
    .flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column} ${x.severity} ${x.ruleId}: ${x.message}`))
    .sort();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tl-scan-json-'));
  mkdirSync(join(root, '.git'));
  const copy = (from: string, to: string) => {
    mkdirSync(join(root, to, '..'), { recursive: true });
    cpSync(join(ROOT, from), join(root, to));
    named.push(to);
  };
  copy('fixtures/prefix-leading-slash/cloudformation-bucket.json', 'infra/stack.json');
  copy('fixtures/prefix-leading-slash/ros-fc3.json', 'ros/deploy.json');
  copy('fixtures/trigger-overlap/cdk-overlap.template.json', 'synth/UploadsStack.json');
  // the same CloudFormation template with a long Description first and its version key last
  const t = JSON.parse(
    readFileSync(join(ROOT, 'fixtures/prefix-leading-slash/cloudformation-bucket.json'), 'utf8'),
  ) as Record<string, unknown>;
  const late = {
    Description: 'Inbox bucket and its processor. '.repeat(60),
    Resources: t.Resources,
    AWSTemplateFormatVersion: t.AWSTemplateFormatVersion,
  };
  writeFileSync(join(root, 'infra', 'late-version.json'), JSON.stringify(late, null, 2));
  named.push('infra/late-version.json');
  // JSON that is not a template
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0' }, null, 2));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true } }, null, 2));
  writeFileSync(join(root, 'infra', 'quota.json'), JSON.stringify({ Resources: { cpu: 2, memory: '4Gi' } }, null, 2));
});

describe('a directory scan finds JSON templates by content', () => {
  it('every JSON template, under any *.json name, gives the same files and findings scanned or named', async () => {
    const byName = await lint(named, { cwd: root, env: {} });
    expect(byName.unrecognized).toEqual([]);
    expect(byName.files.map((f) => [f.path, f.format])).toEqual([
      ['infra/stack.json', 'aws-cloudformation'],
      ['ros/deploy.json', 'ros'],
      ['synth/UploadsStack.json', 'aws-cloudformation'],
      ['infra/late-version.json', 'aws-cloudformation'],
    ]);
    const scanned = await lint(['.'], { cwd: root, env: {} });
    expect(scanned.files.map((f) => f.path).sort()).toEqual(named.slice().sort());
    expect(findingsOf(scanned)).toEqual(findingsOf(byName));
    // every template has a finding, so each one's findings are compared
    for (const p of named)
      expect(
        findingsOf(byName).some((f) => f.startsWith(`${p}:`)),
        p,
      ).toBe(true);
  });
});
