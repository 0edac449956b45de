// End-to-end: recursive-trigger reading handler code, through the real CLI — the finding stays on
// the trigger in the config, with the write call in the code as a related location in every
// report; --no-code and `code: false` turn code reading off.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run.js';
import { ROOT } from '../helpers.js';

const CASE = join(ROOT, 'fixtures', 'recursive-trigger', 'code-oss2-python');
const only = ['--rule', 'multipart-fanout=off'];

describe('handler code in the CLI', () => {
  it('stylish: the trigger line, then the write in the code with its own line and caret', () => {
    const r = cli(['s.yaml', ...only], { cwd: CASE });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      's.yaml:26:25: function "thumbnailer" writes into bucket "photo-store" under "source/thumb-", keys ending in ".png" (code/loop.py:19 bucket.put_object), and trigger "on-image" fires on keys with prefix "source/" and suffix ".png" there: every object it writes triggers it again',
    );
    expect(r.stdout).toContain(
      [
        '  --> code/loop.py:19:9: the function writes here (bucket.put_object)',
        '   |',
        "19 |         bucket.put_object(os.environ['THUMB_PREFIX'] + name, img.make_blob())",
        '   |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      ].join('\n'),
    );
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('1 error, 0 warnings in 1 file');
  });

  it('json: the code location is in `related`, with path, line and column', () => {
    const r = cli(['-f', 'json', 's.yaml', ...only], { cwd: CASE });
    const out = JSON.parse(r.stdout);
    const [f] = out.files[0].findings;
    expect(f).toMatchObject({ ruleId: 'recursive-trigger', severity: 'error', line: 26, column: 25 });
    expect(f.related).toEqual([
      { path: 'code/loop.py', line: 19, column: 9, message: 'the function writes here (bucket.put_object)' },
    ]);
  });

  it('sarif: the code location is a relatedLocation of the result', () => {
    const r = cli(['-f', 'sarif', 's.yaml', ...only], { cwd: CASE });
    const result = JSON.parse(r.stdout).runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('s.yaml');
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'code/loop.py', uriBaseId: '%SRCROOT%' },
          region: { startLine: 19, startColumn: 9, endLine: 19, endColumn: 78 },
        },
        message: { text: 'the function writes here (bucket.put_object)' },
      },
    ]);
  });

  it('--no-code: the config alone (THUMB_PREFIX is no output variable), so nothing to report', () => {
    const r = cli(['--no-code', 's.yaml', ...only], { cwd: CASE });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });

  it('`code: false` in .trigger-lint.yaml does the same, for the files it covers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-code-'));
    cpSync(CASE, join(dir, 'app'), { recursive: true });
    writeFileSync(join(dir, '.trigger-lint.yaml'), 'code: false\nrules:\n  multipart-fanout: off\n');
    expect(cli(['app/s.yaml'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, '.trigger-lint.yaml'), 'rules:\n  multipart-fanout: off\n');
    const r = cli(['app/s.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(app/code/loop.py:19 bucket.put_object)');
  });

  it('missing code is not a finding: the config is linted as before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-nocode-'));
    cpSync(join(CASE, 's.yaml'), join(dir, 's.yaml'));
    const r = cli(['s.yaml', ...only], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('a Node.js handler in TypeScript (aws-sdk v3) beside a JavaScript one (aws-sdk v2)', () => {
    const r = cli(['-f', 'json', 'template.yaml'], {
      cwd: join(ROOT, 'fixtures', 'recursive-trigger', 'code-aws-sdk-nodejs'),
    });
    const findings = JSON.parse(r.stdout).files[0].findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(
      findings.map((f: { related: { path: string; line: number }[] }) => `${f.related[0].path}:${f.related[0].line}`),
    ).toEqual(['v2/resize.js:8', 'v3/resize.ts:12']);
  });
});
