// --format junit: well-formed JUnit XML in the shape CI test viewers read — one <testsuite> per
// file, one <testcase> per finding that fails when the finding fails the run (an error, or a
// warning past --max-warnings), one passing case for a clean file. Parsed here by a
// real XML parser (Python's xml.etree, as used by many CI report tools), not by regexes.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { xml } from '../../src/reporters/junit.js';
import { cli, fc3, tempDir, write } from './helpers.js';
import { external } from '../external.js';

interface Case {
  classname: string;
  name: string;
  file: string;
  line?: string;
  failure?: { type: string; message: string; text: string };
  out?: string;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  cases: Case[];
}
interface Doc {
  tag: string;
  tests: string;
  failures: string;
  suites: Suite[];
}

const PARSE = `
import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
def case(c):
    f = c.find('failure')
    out = {k: c.get(k) for k in ('classname', 'name', 'file', 'line') if c.get(k) is not None}
    if f is not None: out['failure'] = {'type': f.get('type'), 'message': f.get('message'), 'text': f.text or ''}
    o = c.find('system-out')
    if o is not None: out['out'] = o.text or ''
    return out
print(json.dumps({'tag': root.tag, 'tests': root.get('tests'), 'failures': root.get('failures'),
  'suites': [{'name': s.get('name'), 'tests': s.get('tests'), 'failures': s.get('failures'), 'errors': s.get('errors'),
              'cases': [case(c) for c in s.findall('testcase')]} for s in root.findall('testsuite')]}))
`;

const python = external('python3', 'the JUnit XML parsing tests (test/integrations/junit.test.ts)');

function parse(text: string): Doc {
  const r = spawnSync(python.need(), ['-c', PARSE], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`not well-formed XML: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe.skipIf(python.skip)('--format junit', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('junit');
    write(
      dir,
      'bad/s.yaml',
      fc3([
        { name: 'slash', bucket: 'b1', prefix: '/in/<raw>&"x"/' },
        { name: 'glob', bucket: 'b2', prefix: "raw/*'" },
      ]),
    );
    write(dir, 'good/s.yaml', fc3([{ name: 'ok', bucket: 'media', prefix: 'src/' }]));
  });

  it('has one testsuite per file and one testcase per finding, failing only for errors', () => {
    const r = cli(['-f', 'junit', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = parse(r.stdout);
    const json = JSON.parse(cli(['-f', 'json', '.'], { cwd: dir }).stdout);
    expect(doc.tag).toBe('testsuites');
    expect(doc.suites.map((s) => s.name)).toEqual(json.files.map((f: any) => f.path));
    const bad = doc.suites.find((s) => s.name === 'bad/s.yaml')!;
    const findings = json.files.find((f: any) => f.path === 'bad/s.yaml').findings;
    expect(bad.cases).toHaveLength(findings.length);
    const errors = findings.filter((f: any) => f.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(findings.length);
    expect(bad).toMatchObject({ tests: String(findings.length), failures: String(errors), errors: '0' });
    bad.cases.forEach((c, i) => {
      const f = findings[i];
      expect(c).toMatchObject({
        classname: 'bad/s.yaml',
        file: 'bad/s.yaml',
        line: String(f.line),
        name: `bad/s.yaml:${f.line}:${f.column} ${f.ruleId}`,
      });
      if (f.severity === 'error') {
        expect(c.failure).toMatchObject({ type: f.severity, message: f.message });
        expect(c.failure!.text).toContain(`[${f.ruleId}]`);
      } else {
        expect(c.failure).toBeUndefined();
        expect(c.out).toContain(`${f.severity}: ${f.message} [${f.ruleId}]`);
      }
    });
  });

  it('keeps <, &, quotes and apostrophes of messages intact through escaping', () => {
    const doc = parse(cli(['-f', 'junit', 'bad/s.yaml'], { cwd: dir }).stdout);
    const json = JSON.parse(cli(['-f', 'json', 'bad/s.yaml'], { cwd: dir }).stdout);
    const messages = doc.suites[0].cases.map((c) => c.failure?.message ?? c.out!);
    json.files[0].findings.forEach((f: any, i: number) => expect(messages[i]).toContain(f.message));
    expect(messages.some((m) => m.includes('/in/<raw>&') && m.includes('"'))).toBe(true);
    expect(messages.some((m) => m.includes(`raw/*'`))).toBe(true);
    expect(doc.suites[0].cases[0].failure!.text).toContain('/in/<raw>&');
  });

  it('gives a clean file one passing testcase', () => {
    const r = cli(['-f', 'junit', 'good/s.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = parse(r.stdout);
    expect(doc).toMatchObject({ tests: '1', failures: '0' });
    expect(doc.suites).toEqual([
      {
        name: 'good/s.yaml',
        tests: '1',
        failures: '0',
        errors: '0',
        cases: [{ classname: 'good/s.yaml', name: 'good/s.yaml', file: 'good/s.yaml' }],
      },
    ]);
  });

  it('agrees with the exit code: a warning-only run passes, and fails past --max-warnings', () => {
    write(dir, 'warn/s.yaml', fc3([{ name: 'glob', bucket: 'b3', prefix: 'raw/*' }]));
    const ok = cli(['-f', 'junit', 'warn/s.yaml'], { cwd: dir });
    expect(ok.code).toBe(0);
    const pass = parse(ok.stdout);
    expect(pass.failures).toBe('0');
    expect(pass.suites[0].cases.length).toBeGreaterThan(0);
    expect(pass.suites[0].cases.every((c) => !c.failure && c.out)).toBe(true);
    const over = cli(['-f', 'junit', '--max-warnings', '0', 'warn/s.yaml'], { cwd: dir });
    expect(over.code).toBe(1);
    const failed = parse(over.stdout);
    expect(Number(failed.failures)).toBe(failed.suites[0].cases.length);
    expect(failed.suites[0].cases.every((c) => c.failure?.type === 'warning')).toBe(true);
  });

  it('does not fail an info-only run', () => {
    write(dir, 'info/s.yaml', fc3([{ name: 'glob', bucket: 'b4', prefix: 'raw/*' }]));
    const r = cli(['-f', 'junit', '--rule', 'filter-wildcard=info', 'info/s.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = parse(r.stdout);
    expect(doc.suites[0].cases.length).toBeGreaterThan(0);
    expect(doc).toMatchObject({ failures: '0' });
  });

  it('totals tests and failures over all files', () => {
    const doc = parse(cli(['-f', 'junit', '.'], { cwd: dir }).stdout);
    expect(Number(doc.tests)).toBe(doc.suites.reduce((n, s) => n + Number(s.tests), 0));
    expect(Number(doc.failures)).toBe(doc.suites.reduce((n, s) => n + Number(s.failures), 0));
  });
});

describe('junit xml escaping', () => {
  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(xml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(xml('x\u0000\u0007y\ud800z')).toBe('xyz');
    expect(xml('line\nbreak\ttab')).toBe('line&#10;break&#9;tab');
  });
});
