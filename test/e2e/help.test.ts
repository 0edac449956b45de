// --help says what a first-hour user needs (every option, the event command, the severities,
// the exit codes, where the docs are), and a mistyped flag, format, rule, severity, input format
// or command gets one line with the closest valid value.
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';
import { buildProgram } from '../../src/cli.js';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { FORMATS } from '../../src/formats/index.js';
import { repositoryUrl } from '../../src/reporters/links.js';

const help = cli(['--help']).stdout;

describe('--help', () => {
  it('lists every option the parser accepts', () => {
    for (const o of buildProgram().options) {
      expect(help, `${o.flags} is missing from --help`).toContain(o.long!);
      if (o.short) expect(help, o.flags).toContain(`${o.short}, ${o.long}`);
    }
  });
  it('names the event command and each of its subcommands', () => {
    for (const sub of ['validate', 'sample', 'list']) expect(help).toMatch(new RegExp(`^  event ${sub}\\b`, 'm'));
    expect(help).toMatch(/^Usage: trigger-lint \[options\] \[paths\.\.\.\]\n {7}trigger-lint event /);
  });
  it('names all four severities, info included', () => {
    expect(help).toMatch(/^Severities: error .*warning .*info .*off\.$/m);
    expect(help).toContain('--rule <id=off|info|warning|error>');
  });
  it('gives the exit codes 0, 1 and 2', () => {
    const codes = help.slice(help.indexOf('Exit codes:'));
    expect(codes).toMatch(/^ {2}0 {2}no error findings/m);
    expect(codes).toMatch(/^ {2}1 {2}at least one error finding/m);
    expect(codes).toMatch(/^ {2}2 {2}the tool could not do its job/m);
  });
  it('links the docs, the rules and the formats', () => {
    expect(help).toContain(`Docs: ${repositoryUrl()}#readme`);
    expect(help).toContain(`Rules: ${repositoryUrl()}/tree/main/docs/rules`);
    expect(help).toContain(`Formats: ${repositoryUrl()}/tree/main/docs/formats`);
  });
  it('lists every input format id and shows examples', () => {
    for (const f of FORMATS) expect(help).toContain(f.id);
    expect(help).toMatch(/^Examples:\n {2}trigger-lint \. /m);
  });
  it('fits in 100 columns', () => {
    for (const line of help.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });
  it('is also what `trigger-lint help` prints', () => {
    expect(cli(['help'])).toMatchObject({ code: 0, stdout: help });
  });
});

describe('did you mean', () => {
  const cases: [string[], string][] = [
    [['--quite', 'examples/'], `unknown option '--quite'; did you mean --quiet?`],
    [['-f', 'jsn', 'examples/'], 'unknown format "jsn"; did you mean "json"?'],
    [['-f', 'sarf=out.sarif', 'examples/'], 'unknown format "sarf"; did you mean "sarif"?'],
    [
      ['--rule', 'prefix-leding-slash=off', 'examples/'],
      'unknown rule "prefix-leding-slash" in --rule "prefix-leding-slash=off"; did you mean "prefix-leading-slash"?',
    ],
    [
      ['--rule', 'syntax=warnig', 'examples/'],
      'invalid --rule "syntax=warnig": unknown severity "warnig"; did you mean "syntax=warning"?',
    ],
    [['--input-format', 'fc3', 'examples/'], 'unknown --input-format "fc3"; did you mean "serverless-devs-fc3"?'],
    [
      ['--input-format', 'tencent-tcsm', 'examples/'],
      'unknown --input-format "tencent-tcsm"; did you mean "tencent-tcsam"?',
    ],
    [['--color=allways', 'examples/'], 'unknown --color mode "allways"; did you mean "always"?'],
    [
      ['evnt', 'list'],
      'unknown command "evnt" (and no file or folder has that name); did you mean "trigger-lint event"?',
    ],
    [['event', 'lst'], `unknown command 'lst'; did you mean list?`],
  ];
  for (const [args, message] of cases) {
    it(`trigger-lint ${args.join(' ')}`, () => {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    });
  }
  it('lists the valid values when nothing is close', () => {
    expect(cli(['-f', 'xml', 'examples/']).stderr).toContain(
      'unknown format "xml"; use one of stylish, json, sarif, github, junit',
    );
    expect(cli(['--rule', 'syntax=loud', 'examples/']).stderr).toContain('use one of off, info, warning, error');
    expect(cli(['--rule', 'nothing-like-it=off', 'examples/']).stderr).toContain(
      'run trigger-lint --list-rules to see them',
    );
  });
  it('lints a folder that exists even when it is spelt like a command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-help-'));
    mkdirSync(join(dir, 'evnt'));
    copyFileSync(join(ROOT, 'examples', 's.yaml'), join(dir, 'evnt', 's.yaml'));
    const r = cli(['evnt'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^evnt\/s\.yaml:\d+:\d+: /m);
    expect(r.code).toBe(1);
  });
});
