// End-to-end: the real CLI, as a user runs it (docs/architecture.md, "The command line": flags, exit codes, output shapes).
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run.js';
import { ROOT } from '../helpers.js';

const GOOD = `edition: 3.0.0
name: good
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: nodejs18
      handler: index.handler
      code: ./code
      environmentVariables:
        PROCESSED_DIR: dst/
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:media
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter:
              key:
                prefix: src/
                suffix: .zip
`;
const BAD = GOOD.replace('prefix: src/', 'prefix: /src/');
const WARN = GOOD.replace('prefix: src/', 'prefix: src/*');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-e2e-'));
  writeFileSync(join(dir, 'good.yaml'), GOOD);
  writeFileSync(join(dir, 'bad.yaml'), BAD);
  writeFileSync(join(dir, 'warn.yaml'), WARN);
  mkdirSync(join(dir, 'project', 'svc'), { recursive: true });
  mkdirSync(join(dir, 'project', 'node_modules', 'dep'), { recursive: true });
  writeFileSync(join(dir, 'project', 'svc', 's.yaml'), BAD);
  writeFileSync(join(dir, 'project', 's.yml'), GOOD);
  writeFileSync(join(dir, 'project', 'node_modules', 'dep', 's.yaml'), BAD);
  writeFileSync(join(dir, 'project', 'notes.yaml'), BAD);
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'empty', 'README.md'), '# nothing');
  writeFileSync(join(dir, 'other.yaml'), 'just: a yaml file\n');
});

describe('the Quick start', () => {
  it('lints the bundled example and shows findings with positions and a caret', () => {
    const r = cli(['examples/']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^examples\/s\.yaml:\d+:\d+: .+ \[recursive-trigger\]$/m);
    expect(r.stdout).toMatch(/\[prefix-leading-slash\]/);
    expect(r.stdout).toMatch(/\[region-mismatch\]/);
    expect(r.stdout).toMatch(/\[undefined-variable\]/);
    expect(r.stdout).toMatch(/^ +\| +\^~+$/m);
    expect(r.stdout).toMatch(/^\d+ errors?, \d+ warnings?(, \d+ infos?)? in 1 file$/m);
  });
});

describe('exit codes', () => {
  it('is 0 on a clean file', () => {
    const r = cli([join(dir, 'good.yaml')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });
  it('is 1 when there is an error finding', () => {
    expect(cli([join(dir, 'bad.yaml')]).code).toBe(1);
  });
  it('is 0 with warnings only, and 1 when they exceed --max-warnings', () => {
    expect(cli([join(dir, 'warn.yaml')]).code).toBe(0);
    expect(cli([join(dir, 'warn.yaml'), '--max-warnings', '1']).code).toBe(0);
    expect(cli([join(dir, 'warn.yaml'), '--max-warnings', '0']).code).toBe(1);
  });
  it('is 2 with one line on stderr for a missing path', () => {
    const r = cli([join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/nope\.yaml: no such file or directory/);
  });
  it('is 2 for an unknown flag, an unknown format or a bad --rule', () => {
    for (const args of [
      ['--frobnicate'],
      ['-f', 'xml', 'examples/'],
      ['--rule', 'nope=error', 'examples/'],
      ['--rule', 'syntax=loud', 'examples/'],
      ['--max-warnings', 'many', 'examples/'],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
  it('is 2 for a directory without trigger files', () => {
    const r = cli([join(dir, 'empty')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no trigger file found/);
  });
  it('is 2 for a named file that is not a trigger file', () => {
    const r = cli([join(dir, 'other.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a trigger file trigger-lint knows/);
  });
});

describe('inputs', () => {
  it('searches directories for s.yaml and s.yml and for any YAML file a format detects by content (notes.yaml is an fc3 file), skipping node_modules', () => {
    const r = cli(['-f', 'json', 'project'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { path: string }) => f.path)).toEqual([
      'project/notes.yaml',
      'project/s.yml',
      'project/svc/s.yaml',
    ]);
    expect(r.code).toBe(1);
  });
  it('reads - from stdin, named by --stdin-filename', () => {
    const r = cli(['-', '--stdin-filename', 'svc/s.yaml'], { input: BAD });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^svc\/s\.yaml:22:25: prefix "\/src\/"/m);
  });
  it('reports paths relative to the working directory with / separators', () => {
    const r = cli([join(dir, 'project', 'svc', 's.yaml')], { cwd: dir });
    expect(r.stdout).toMatch(/^project\/svc\/s\.yaml:22:25:/m);
  });
});

describe('--format json', () => {
  it('has exactly the documented shape', () => {
    const r = cli(['-f', 'json', 'bad.yaml'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      files: [
        {
          path: 'bad.yaml',
          format: 'serverless-devs-fc3',
          findings: [
            {
              ruleId: 'prefix-leading-slash',
              severity: 'error',
              message:
                'prefix "/src/" starts with "/": OSS object keys never do, so this trigger never fires; use "src/"',
              line: 22,
              column: 25,
              endLine: 22,
              endColumn: 30,
            },
          ],
        },
      ],
      summary: { files: 1, errors: 1, warnings: 0, infos: 0 },
    });
  });
  it('writes the report to --output', () => {
    const out = join(dir, 'report.json');
    const r = cli(['-f', 'json', '-o', out, 'bad.yaml'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.errors).toBe(1);
  });
});

describe('rule selection', () => {
  it('--rule id=off silences a rule and id=warning downgrades it', () => {
    expect(cli(['bad.yaml', '--rule', 'prefix-leading-slash=off'], { cwd: dir }).code).toBe(0);
    const r = cli(['bad.yaml', '--rule', 'prefix-leading-slash=warning'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning: prefix "\/src\/"/);
  });
  it('--quiet reports errors only', () => {
    const r = cli(['warn.yaml', '--quiet'], { cwd: dir });
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });
  it('--list-rules lists every rule with its default severity', () => {
    const r = cli(['--list-rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^prefix-leading-slash +error +fixable +Disallow/m);
    expect(r.stdout).toMatch(/^filter-wildcard +warning/m);
  });
  it('--version and --help exit 0', () => {
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const h = cli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/Usage: trigger-lint/);
  });
});

describe('colour', () => {
  it('never colours output that is not a terminal unless asked (details: color.test.ts)', () => {
    const r = cli(['bad.yaml'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '' } });
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('the example file', () => {
  it('is a copy a user can break and fix: --rule off everything but syntax gives 0 errors', () => {
    const tmp = join(dir, 'example-copy.yaml');
    copyFileSync(join(ROOT, 'examples', 's.yaml'), tmp);
    const ids = cli(['--list-rules'])
      .stdout.split('\n')
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0]);
    const args = ids.filter((i) => i !== 'syntax').flatMap((i) => ['--rule', `${i}=off`]);
    expect(cli([tmp, ...args]).code).toBe(0);
  });
});
