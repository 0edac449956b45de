// Crash context (issue #28): an exception in a rule or a format adapter names the rule or the
// format, the file and the position being checked; a detection that throws is an internal error,
// not "not this format"; the run still reports the other files' findings, and the CLI prints them,
// then the crash, and exits 2. The failures are injected: a rule that throws on one file, and the
// fc3 adapter's detection or build made to throw for one file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/engine/lint.js';
import { RULES } from '../../rules/index.js';
import { FORMATS } from '../../src/formats/index.js';
import { main } from '../../src/cli.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Io } from '../../src/cli/io.js';

const fc3 = (prefix: string) => `edition: 3.0.0
name: app
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: nodejs18
      handler: index.handler
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:bucket-${prefix.length}
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter:
              key:
                prefix: ${prefix}
                suffix: .png
`;
const inputs = [
  { path: 'a/s.yaml', text: fc3('/in-a/') },
  { path: 'b/s.yaml', text: fc3('/in-bb/') },
];

/** A rule that reports each prefix, then throws on the file named b/s.yaml. */
const thrower: Rule = {
  id: 'thrower',
  description: 'test rule',
  severity: 'warning',
  check({ model, report }) {
    for (const t of model.storageTriggers) {
      report({ at: t.prefix.at, message: 'seen' });
      if (t.prefix.at.file === 'b/s.yaml') throw new Error('cannot read properties of undefined (reading "x")');
    }
  },
};

const fc3Adapter = () => FORMATS.find((f) => f.id === 'serverless-devs-fc3')!;

afterEach(() => vi.restoreAllMocks());

describe('a rule that throws', () => {
  it('names the rule, the file and the position of what it was checking; other findings stay', async () => {
    const r = await lint([...RULES, thrower], inputs, { cwd: '/', concurrency: 'off' });
    expect(r.internalErrors).toEqual([
      {
        in: 'rule "thrower"',
        path: 'b/s.yaml',
        line: 19,
        column: 25,
        message: 'cannot read properties of undefined (reading "x")',
      },
    ]);
    // prefix-leading-slash still reports both files
    const slash = r.files.flatMap((f) =>
      f.findings.filter((x) => x.ruleId === 'prefix-leading-slash').map((x) => x.path),
    );
    expect(slash).toEqual(['a/s.yaml', 'b/s.yaml']);
  });
});

describe('a format adapter that throws', () => {
  it('in its detection: an internal error naming the format and file, not "not this format"', async () => {
    const adapter = fc3Adapter();
    const real = adapter.detect.bind(adapter);
    vi.spyOn(adapter, 'detect').mockImplementation((doc, source) => {
      if (source.path === 'b/s.yaml') throw new TypeError('detection broke');
      return real(doc, source);
    });
    const r = await lint(RULES, inputs, { cwd: '/', concurrency: 'off' });
    expect(r.internalErrors).toEqual([
      {
        in: 'format "serverless-devs-fc3" (detection)',
        path: 'b/s.yaml',
        line: 1,
        column: 1,
        message: 'detection broke',
      },
    ]);
    expect(r.unrecognized).toEqual([]);
    expect(r.files.find((f) => f.path === 'a/s.yaml')?.findings.map((f) => f.ruleId)).toContain('prefix-leading-slash');
  });

  it('in its build: names the format and the file; the other file is still linted', async () => {
    const adapter = fc3Adapter();
    const real = adapter.build.bind(adapter);
    vi.spyOn(adapter, 'build').mockImplementation((doc, source, options) => {
      if (source.path === 'b/s.yaml') throw new Error('build broke');
      return real(doc, source, options);
    });
    const r = await lint(RULES, inputs, { cwd: '/', concurrency: 'off' });
    expect(r.internalErrors).toEqual([
      { in: 'format "serverless-devs-fc3"', path: 'b/s.yaml', line: 1, column: 1, message: 'build broke' },
    ]);
    expect(r.files.find((f) => f.path === 'a/s.yaml')?.findings.map((f) => f.ruleId)).toContain('prefix-leading-slash');
  });
});

describe('the CLI', () => {
  it('prints the other findings, then the crash with its context, and exits 2', async () => {
    const rule = RULES.find((x) => x.id === 'filter-wildcard')!;
    vi.spyOn(rule, 'check').mockImplementation(({ sources }) => {
      if (sources.some((s) => s.path === 'b/s.yaml')) throw new Error('boom');
    });
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      readStdin: () => Promise.resolve(''),
      isTTY: false,
      env: {},
      cwd: '/',
    };
    const readStdin = [inputs[1].text];
    io.readStdin = () => Promise.resolve(readStdin.pop() ?? '');
    const code = await main(['--stdin-filename', 'b/s.yaml', '-', '--format', 'json'], io);
    expect(err.join('')).toMatch(/internal error/);
    expect(code).toBe(2);
    const json = JSON.parse(out.join('')) as { files: { findings: { ruleId: string }[] }[] };
    expect(json.files[0].findings.map((f) => f.ruleId)).toContain('prefix-leading-slash');
    expect(err.join('')).toBe(
      'trigger-lint: internal error in rule "filter-wildcard" at b/s.yaml:1:1: boom (a bug in trigger-lint: please report it)\n',
    );
  });
});

describe('an internal error outside the command line', () => {
  it('is an error annotation in the Action and fails its step, whatever fail-on says', async () => {
    const { actionNotes } = await import('../../src/action/run.js');
    const r = await lint([...RULES, thrower], inputs, { cwd: '/', concurrency: 'off' });
    const notes = actionNotes(r).filter((n) => n.includes('title=internal-error'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^::error file=b\/s\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=internal-error::internal error in rule "thrower": cannot read properties of undefined/,
    );
  });

  it('is a diagnostic in its file in the language server, beside the findings that still stand', async () => {
    const { byFile } = await import('../../src/lsp/lint-run.js');
    const { parseSource } = await import('../../src/source/source.js');
    const r = await lint([...RULES, thrower], inputs, { cwd: '/', concurrency: 'off' });
    const out = byFile(
      r,
      inputs.map((i) => parseSource(i.path, i.text)),
    );
    const b = out.get('b/s.yaml')!.findings;
    expect(b.filter((f) => f.ruleId === 'internal-error').map((f) => f.message)).toEqual([
      expect.stringContaining('internal error in rule "thrower"'),
    ]);
    expect(out.get('a/s.yaml')!.findings.some((f) => f.ruleId === 'prefix-leading-slash')).toBe(true);
    expect(out.get('a/s.yaml')!.findings.some((f) => f.ruleId === 'internal-error')).toBe(false);
  });
});
