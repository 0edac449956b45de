// Bad input (docs/architecture.md, "Budgets and bad input"): every input gets findings or a one-line error and exit 2 — never a
// stack trace, never a hang.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run.js';

let dir: string;
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return name;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-bad-'));
});

function expectNoCrash(r: { code: number; stdout: string; stderr: string }) {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stderr).not.toMatch(/internal error/);
  if (r.code === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('bad input', () => {
  it('an empty file is exit 2: not a trigger file', () => {
    const r = cli([file('empty.yaml', '')], { cwd: dir });
    expectNoCrash(r);
    expect(r.code).toBe(2);
  });
  it('a binary file is a syntax finding', () => {
    const r = cli([file('s.yaml', Buffer.from([0x65, 0x3a, 0x20, 0x00, 0x01, 0xff]))], { cwd: dir });
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/binary file.*\[syntax\]/);
  });
  it('invalid UTF-8 is a syntax finding at the bad byte', () => {
    const r = cli(
      [
        file(
          'latin1.yaml',
          Buffer.concat([Buffer.from('edition: 3.0.0\nname: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
        ),
      ],
      { cwd: dir },
    );
    expectNoCrash(r);
    expect(r.stdout).toMatch(/^latin1\.yaml:2:10: file is not valid UTF-8/m);
  });
  it('10,000-deep nesting is a finding, not a stack overflow', () => {
    const r = cli([file('deep.yaml', `edition: 3.0.0\nresources:\n  x: ${'['.repeat(10000)}${']'.repeat(10000)}\n`)], {
      cwd: dir,
    });
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/nesting is too deep/);
  });
  it('10,000-deep block nesting does not crash either', () => {
    const lines = ['edition: 3.0.0', 'resources:'];
    for (let i = 0; i < 10000; i++) lines.push(`${' '.repeat(2 + i)}k${i}:`);
    const r = cli([file('deep-block.yaml', lines.join('\n') + ' x\n')], { cwd: dir });
    expectNoCrash(r);
  });
  it('an alias bomb finishes quickly', () => {
    const lines = ['edition: 3.0.0', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push(
      'resources:',
      '  f:',
      '    component: fc3',
      '    props:',
      '      region: cn-hangzhou',
      '      environmentVariables: *a29',
      '      triggers: *a29',
    );
    const started = Date.now();
    const r = cli([file('bomb.yaml', lines.join('\n') + '\n')], { cwd: dir });
    expectNoCrash(r);
    expect(Date.now() - started).toBeLessThan(30_000); // a hang would hit the 60 s spawn timeout
  });
  it('a multi-document stream lints every document', () => {
    const doc = (p: string) =>
      `edition: 3.0.0\nresources:\n  f:\n    component: fc3\n    props:\n      region: cn-hangzhou\n      triggers:\n        - triggerName: t\n          triggerType: oss\n          sourceArn: acs:oss:cn-hangzhou:1:b-${p.length}\n          triggerConfig: {events: [oss:ObjectCreated:PutObject], filter: {key: {prefix: ${p}, suffix: ''}}}\n`;
    const r = cli([file('multi.yaml', `${doc('/a/')}---\n${doc('/bb/')}`)], { cwd: dir });
    expectNoCrash(r);
    expect(r.stdout.match(/\[prefix-leading-slash\]/g)).toHaveLength(2);
  });
  it('an unreadable path is exit 2', () => {
    const r = cli(['/proc/self/mem-does-not-exist'], { cwd: dir });
    expectNoCrash(r);
    expect(r.code).toBe(2);
  });
  it('a 100 MB file is a finding, not read into memory', () => {
    const name = file('huge.yaml', 'edition: 3.0.0\n');
    truncateSync(join(dir, name), 100 * 1024 * 1024); // sparse: no 100 MB written to disk
    const started = Date.now();
    const r = cli([name], { cwd: dir });
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^huge\.yaml:1:1: file is 100 MB, more than the 32 MB trigger-lint reads/m);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
  it('a large file (5,000 triggers) lints', () => {
    const lines = ['edition: 3.0.0', 'name: big', 'resources:'];
    for (let f = 0; f < 500; f++) {
      lines.push(
        `  f${f}:`,
        '    component: fc3',
        '    props:',
        '      region: cn-hangzhou',
        `      functionName: f${f}`,
        '      runtime: nodejs18',
        '      handler: index.handler',
        '      code: ./code',
        '      triggers:',
      );
      for (let t = 0; t < 10; t++)
        lines.push(
          `        - triggerName: t${t}`,
          '          triggerType: oss',
          `          sourceArn: acs:oss:cn-hangzhou:1:b${f}`,
          `          triggerConfig: {events: [oss:ObjectCreated:PutObject], filter: {key: {prefix: p${t}/, suffix: ''}}}`,
        );
    }
    const r = cli([file('big.yaml', lines.join('\n') + '\n')], { cwd: dir });
    expectNoCrash(r);
    expect(r.code).toBe(0);
  });
});
