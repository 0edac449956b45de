// Inline suppressions through the engine (lintSources): which findings each directive covers,
// how unused, unknown and misspelled directives are reported, and the reason requirement.
import { describe, expect, it } from 'vitest';
import { lintTexts, only } from '../helpers.js';
import { readDirectives } from '../../src/engine/suppress.js';
import { parseSource } from '../../src/source/source.js';
import type { LintOptions } from '../../src/types.js';
import { fc3, lineOf, project } from './project.js';
import { cli } from '../e2e/run.js';

const slashAndWild: LintOptions = only('prefix-leading-slash', 'filter-wildcard', 'unused-disable');

function run(text: string, options: LintOptions = slashAndWild) {
  return lintTexts({ 's.yaml': text }, options)
    .files.flatMap((f) => f.findings)
    .map((f) => `${f.line} ${f.ruleId}${f.severity === 'error' ? '' : `(${f.severity})`}`);
}

describe('inline suppressions', () => {
  it('reports the findings when there is no directive (the baseline of these tests)', () => {
    const text = fc3([{ name: 'a', prefix: '/in/*' }]);
    const l = lineOf(text, 'prefix: /in/*');
    expect(run(text)).toEqual([`${l} filter-wildcard(warning)`, `${l} prefix-leading-slash`]);
  });

  it('disable-next-line suppresses the named rule on the next line only', () => {
    const text = fc3([
      {
        name: 'a',
        prefix: '/in/',
        before: '# trigger-lint-disable-next-line prefix-leading-slash -- legacy bucket, migrated in Q3',
      },
      { name: 'b', prefix: '/out/' },
    ]);
    expect(run(text)).toEqual([`${lineOf(text, 'prefix: /out/')} prefix-leading-slash`]);
  });

  it('disable-line (trailing) suppresses only the rules it names', () => {
    const text = fc3([{ name: 'a', prefix: '/in/*', tail: '# trigger-lint-disable-line prefix-leading-slash -- x' }]);
    expect(run(text)).toEqual([`${lineOf(text, 'prefix: /in/*')} filter-wildcard(warning)`]);
  });

  it('a directive without a rule list suppresses every rule', () => {
    const text = fc3([{ name: 'a', prefix: '/in/*', tail: '# trigger-lint-disable-line' }]);
    expect(run(text)).toEqual([]);
  });

  it('disable/enable blocks cover the lines between them, rule by rule', () => {
    const lines = fc3([
      { name: 'a', prefix: '/a/' },
      { name: 'b', prefix: '/b/*' },
      { name: 'c', prefix: '/c/' },
    ]).split('\n');
    // open a blanket block before trigger a, re-enable only prefix-leading-slash before c
    lines.splice(12, 0, '      # trigger-lint-disable');
    const cAt = lines.findIndex((l) => l.includes('triggerName: c'));
    lines.splice(cAt, 0, '        # trigger-lint-enable prefix-leading-slash');
    const text = lines.join('\n');
    expect(run(text)).toEqual([`${lineOf(text, 'prefix: /c/')} prefix-leading-slash`]);
  });

  it('disable-file suppresses the named rule anywhere in the file, even when written at the end', () => {
    const text =
      fc3([
        { name: 'a', prefix: '/a/*' },
        { name: 'b', prefix: '/b/' },
      ]) + '# trigger-lint-disable-file prefix-leading-slash -- generated file\n';
    expect(run(text)).toEqual([`${lineOf(text, 'prefix: /a/*')} filter-wildcard(warning)`]);
  });

  it('never takes a "#" inside a quoted string for a directive', () => {
    const text = fc3([{ name: 'a', prefix: '"/a/ # trigger-lint-disable-line"' }]);
    // (the space in the prefix is a filter-wildcard warning of its own: event keys carry it URL-encoded)
    expect(run(text)).toEqual([
      `${lineOf(text, 'prefix: "/a/')} filter-wildcard(warning)`,
      `${lineOf(text, 'prefix: "/a/')} prefix-leading-slash`,
    ]);
    expect(readDirectives(parseSource('s.yaml', text)).directives).toEqual([]);
  });

  it('reads the rule list, the reason and the exact span of each rule id', () => {
    const text = 'a: 1  # trigger-lint-disable-line  rule-a,rule-b ,  rule-c -- because  \n';
    const [d] = readDirectives(parseSource('s.yaml', text)).directives;
    expect(d.kind).toBe('disable-line');
    expect(d.rules.map((r) => [r.id, text.slice(r.at.start, r.at.end)])).toEqual([
      ['rule-a', 'rule-a'],
      ['rule-b', 'rule-b'],
      ['rule-c', 'rule-c'],
    ]);
    expect(d.reason).toBe('because');
    expect(text.slice(d.at.start, d.at.end)).toBe('# trigger-lint-disable-line  rule-a,rule-b ,  rule-c -- because');
  });
});

describe('unused-disable', () => {
  it('reports a named rule that the directive did not need, at the rule id', () => {
    const text = fc3([
      { name: 'a', prefix: '/a/', tail: '# trigger-lint-disable-line prefix-leading-slash, filter-wildcard' },
    ]);
    const r = lintTexts({ 's.yaml': text }, slashAndWild);
    const [f] = r.files[0].findings;
    expect(r.files[0].findings).toHaveLength(1);
    expect(f.ruleId).toBe('unused-disable');
    expect(f.severity).toBe('warning');
    expect(text.slice(f.start, f.end)).toBe('filter-wildcard');
    expect(f.message).toBe(
      'trigger-lint-disable-line "filter-wildcard" suppresses nothing: there is no filter-wildcard finding on this line; remove "filter-wildcard" from the comment',
    );
  });

  it('reports a blanket directive that suppresses nothing, at the comment', () => {
    const text = fc3([{ name: 'a', prefix: 'a/', before: '# trigger-lint-disable-next-line' }]);
    expect(run(text)).toEqual([`${lineOf(text, '# trigger-lint')} unused-disable(warning)`]);
  });

  it('does not judge a directive for a rule that is off for this file', () => {
    const text = fc3([
      { name: 'a', prefix: 'a/', tail: '# trigger-lint-disable-line recursive-trigger -- writes elsewhere' },
    ]);
    expect(run(text)).toEqual([]);
  });

  it('reports unknown rule ids with a did-you-mean', () => {
    const text = fc3([{ name: 'a', prefix: '/a/', tail: '# trigger-lint-disable-line prefix-leading-slah' }]);
    const r = lintTexts({ 's.yaml': text }, slashAndWild).files[0].findings;
    expect(r.map((f) => f.ruleId)).toEqual(['prefix-leading-slash', 'unused-disable']);
    expect(r[1].message).toBe(
      'unknown rule "prefix-leading-slah" in trigger-lint-disable-line; did you mean "prefix-leading-slash"?',
    );
  });

  it('reports a misspelled directive', () => {
    const text = fc3([{ name: 'a', prefix: '/a/', tail: '# trigger-lint-disable-nextline prefix-leading-slash' }]);
    const r = lintTexts({ 's.yaml': text }, slashAndWild).files[0].findings;
    expect(r.map((f) => f.message)).toContain(
      'unknown directive "trigger-lint-disable-nextline", so it suppresses nothing; did you mean "trigger-lint-disable-next-line"?',
    );
  });

  it('stays silent when turned off, while suppression still works', () => {
    const text = fc3([
      { name: 'a', prefix: '/a/', tail: '# trigger-lint-disable-line prefix-leading-slash, filter-wildcard' },
    ]);
    expect(run(text, only('prefix-leading-slash', 'filter-wildcard'))).toEqual([]);
  });
});

describe('disable-reason', () => {
  const reasons = only('prefix-leading-slash', 'disable-reason');
  it('is off by default', () => {
    const text = fc3([{ name: 'a', prefix: '/a/', tail: '# trigger-lint-disable-line' }]);
    expect(run(text, only('prefix-leading-slash'))).toEqual([]);
  });

  it('reports a directive without " -- reason" when turned on', () => {
    const text = fc3([
      { name: 'a', prefix: '/a/', tail: '# trigger-lint-disable-line prefix-leading-slash' },
      { name: 'b', prefix: '/b/', tail: '# trigger-lint-disable-line prefix-leading-slash -- migrated later' },
    ]);
    const r = lintTexts({ 's.yaml': text }, reasons).files[0].findings;
    expect(r.map((f) => `${f.line} ${f.ruleId}`)).toEqual([`${lineOf(text, 'prefix: /a/')} disable-reason`]);
    expect(r[0].message).toBe(
      'trigger-lint-disable-line (prefix-leading-slash) gives no reason: this project requires one for every suppression; append " -- <why this finding is safe to ignore>"',
    );
  });

  it('treats an empty reason as none', () => {
    const text = fc3([{ name: 'a', prefix: '/a/', tail: '# trigger-lint-disable-line prefix-leading-slash --' }]);
    expect(run(text, reasons)).toEqual([`${lineOf(text, 'prefix: /a/')} disable-reason`]);
  });
});

describe('suppressions through the CLI', () => {
  it('a reasoned directive keeps the run green; an unused one is a warning', () => {
    const text = fc3([
      {
        name: 'a',
        prefix: '/legacy/',
        before: '# trigger-lint-disable-next-line prefix-leading-slash -- the old uploader writes "/legacy/" keys',
      },
      { name: 'b', prefix: 'ok/', tail: '# trigger-lint-disable-line filter-wildcard -- stale' },
    ]);
    const dir = project({ 's.yaml': text });
    const r = cli(['s.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`s.yaml:${lineOf(text, 'prefix: ok/')}:`);
    expect(r.stdout).toContain('warning: trigger-lint-disable-line "filter-wildcard" suppresses nothing');
    expect(r.stdout).toContain('[unused-disable]');
    expect(r.stdout).toContain('0 errors, 1 warning in 1 file');
    expect(cli(['s.yaml', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
  });

  it('--require-reason makes a directive without a reason an error', () => {
    const dir = project({
      's.yaml': fc3([{ name: 'a', prefix: '/x/', tail: '# trigger-lint-disable-line prefix-leading-slash' }]),
    });
    expect(cli(['s.yaml'], { cwd: dir }).code).toBe(0);
    const r = cli(['--require-reason', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('gives no reason');
    expect(r.stdout).toContain('[disable-reason]');
  });
});
