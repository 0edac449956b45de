// The baseline: keyed by file, rule and the trigger's identity (not the line), counts,
// stale entries and pruning; then end to end through the real CLI.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyBaseline, entriesOf, identity, mergeBaseline } from '../../src/workflow/baseline.js';
import { lintTexts, only } from '../helpers.js';
import { cli } from '../e2e/run.js';
import { fc3, project } from './project.js';

const rules = only('prefix-leading-slash', 'filter-wildcard');
const id = (p: string) => p;

describe('baseline entries', () => {
  it('are keyed by the trigger (function/trigger), not the line', () => {
    const r = lintTexts({ 's.yaml': fc3([{ name: 'up', prefix: '/in/' }]) }, rules);
    expect(entriesOf(r, id)).toEqual([{ path: 's.yaml', ruleId: 'prefix-leading-slash', key: 'f/up', count: 1 }]);
  });

  it('count findings that share an identity', () => {
    const r = lintTexts(
      { 's.yaml': fc3([{ name: 'up', prefix: '/in/*' }]).replace('suffix: .png', 'suffix: "*.png"') },
      rules,
    );
    expect(entriesOf(r, id)).toEqual([
      { path: 's.yaml', ruleId: 'filter-wildcard', key: 'f/up', count: 2 },
      { path: 's.yaml', ruleId: 'prefix-leading-slash', key: 'f/up', count: 1 },
    ]);
  });

  it('use the message, without line numbers, when a finding has no key', () => {
    expect(identity({ message: 'bad thing on line 12 (see 3:4)' } as never)).toBe('bad thing on line … (see …)');
  });
});

describe('applying a baseline', () => {
  const before = fc3([
    { name: 'a', prefix: '/a/' },
    { name: 'b', prefix: '/b/' },
  ]);
  const baseline = mergeBaseline(undefined, lintTexts({ 's.yaml': before }, rules), id);

  it('hides recorded findings even after lines move', () => {
    const moved = `# a comment\n# another\n${before}`;
    const a = applyBaseline(lintTexts({ 's.yaml': moved }, rules), baseline, id);
    expect(a.result.files[0].findings).toEqual([]);
    expect(a.hidden).toBe(2);
    expect(a.result.summary.errors).toBe(0);
    expect(a.stale).toEqual([]);
  });

  it('reports only new findings', () => {
    const more = fc3([
      { name: 'a', prefix: '/a/' },
      { name: 'b', prefix: '/b/' },
      { name: 'c', prefix: '/c/' },
    ]);
    const a = applyBaseline(lintTexts({ 's.yaml': more }, rules), baseline, id);
    expect(a.result.files[0].findings.map((f) => f.key)).toEqual(['f/c']);
    expect(a.result.summary.errors).toBe(1);
  });

  it('lists entries that no longer occur as stale, and prunes them', () => {
    const fixed = fc3([
      { name: 'a', prefix: 'a/' },
      { name: 'b', prefix: '/b/' },
    ]);
    const a = applyBaseline(lintTexts({ 's.yaml': fixed }, rules), baseline, id);
    expect(a.stale).toEqual([{ path: 's.yaml', ruleId: 'prefix-leading-slash', key: 'f/a', count: 1 }]);
    expect(a.pruned.entries.map((e) => e.key)).toEqual(['f/b']);
  });

  it('does not judge entries of files the run did not lint', () => {
    const other = mergeBaseline(baseline, lintTexts({ 'other.yaml': fc3([{ name: 'z', prefix: 'ok/' }]) }, rules), id);
    expect(other.entries.map((e) => `${e.path} ${e.key}`)).toEqual(['s.yaml f/a', 's.yaml f/b']);
    const a = applyBaseline(lintTexts({ 'other.yaml': fc3([{ name: 'z', prefix: 'ok/' }]) }, rules), baseline, id);
    expect(a.stale).toEqual([]);
    expect(a.pruned).toEqual(baseline);
  });
});

describe('baseline through the CLI', () => {
  it('adopts a repository in one commit, then reports only new findings', () => {
    const dir = project({ 'app/s.yaml': fc3([{ name: 'a', prefix: '/a/' }]) });
    const w = cli(['--baseline-write', 'app'], { cwd: dir });
    expect(w.code).toBe(0);
    expect(w.stderr).toContain('wrote trigger-lint-baseline.json (1 finding)');
    expect(JSON.parse(readFileSync(join(dir, 'trigger-lint-baseline.json'), 'utf8'))).toEqual({
      version: 1,
      entries: [{ path: 'app/s.yaml', ruleId: 'prefix-leading-slash', key: 'f/a', count: 1 }],
    });
    const hidden = cli(['app'], { cwd: dir });
    expect(hidden.code).toBe(0);
    expect(hidden.stdout).toContain('0 errors, 0 warnings in 1 file (1 finding hidden by the baseline)');
    expect(JSON.parse(cli(['-f', 'json', 'app'], { cwd: dir }).stdout).summary).toEqual({
      files: 1,
      errors: 0,
      warnings: 0,
      infos: 0,
      baselined: 1,
    });
    writeFileSync(
      join(dir, 'app/s.yaml'),
      `# moved down\n${fc3([
        { name: 'a', prefix: '/a/' },
        { name: 'b', prefix: '/b/' },
      ])}`,
    );
    const r = cli(['app'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('prefix "/b/" starts with "/"');
    expect(r.stdout).not.toContain('prefix "/a/" starts with "/"');
    expect(cli(['--no-baseline', 'app'], { cwd: dir }).stdout).toContain('prefix "/a/" starts with "/"');
  });

  it('notes stale entries on stderr without changing the exit code, and --baseline-prune removes them', () => {
    const dir = project({ 's.yaml': fc3([{ name: 'a', prefix: '/a/' }]) });
    expect(cli(['--baseline', 'bl.json', '--baseline-write', 's.yaml'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 's.yaml'), fc3([{ name: 'a', prefix: 'a/' }]));
    const r = cli(['--baseline', 'bl.json', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '1 finding recorded in bl.json no longer occurs; run with --baseline-prune to remove it',
    );
    const p = cli(['--baseline', 'bl.json', '--baseline-prune', 's.yaml'], { cwd: dir });
    expect(p.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'bl.json'), 'utf8')).entries).toEqual([]);
  });

  it('a named baseline that does not exist, or a broken one, is exit 2', () => {
    const dir = project({ 's.yaml': fc3([{ name: 'a', prefix: 'a/' }]), 'bad.json': '{"version": 2}' });
    expect(cli(['--baseline', 'nope.json', 's.yaml'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'trigger-lint: nope.json: no such baseline file (create it with --baseline-write)\n',
    });
    expect(cli(['--baseline', 'bad.json', 's.yaml'], { cwd: dir }).code).toBe(2);
  });
});
