// The fuzz harness itself: its checks catch what they claim to, its inputs are reproducible
// from (seed, index), the first round covers every seed file and every format's grammar, and
// every reproducer it ever found (test/fuzz/regressions/<case>/, with the options it ran with in
// problem.txt) now lints without a problem.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkResult } from '../../scripts/fuzz/check.js';
import { GRAMMARS, loadGrammars } from '../../scripts/fuzz/grammar.js';
import { instrument, makeCase, reportInternal, runCase } from '../../scripts/fuzz/harness.js';
import { MUTATORS, MAX_INPUT_CHARS, mutate } from '../../scripts/fuzz/mutate.js';
import { makeRng } from '../../scripts/fuzz/rng.js';
import type { Finding, Result } from '../../src/index.js';
import { ROOT } from '../helpers.js';
import { api, corpus } from './helpers.js';

const TEXT = 'a: 1\nbb: 22\n';
const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'syntax',
  severity: 'error',
  message: 'm',
  path: 's.yaml',
  line: 2,
  column: 1,
  endLine: 2,
  endColumn: 3,
  start: 5,
  end: 7,
  ...over,
});
const result = (f: Finding): Result => ({
  files: [{ path: 's.yaml', format: null, findings: [f] }],
  summary: { files: 1, errors: 1, warnings: 0, infos: 0 },
  unrecognized: [],
  texts: new Map(),
});
const check = (f: Partial<Finding>) =>
  checkResult(result(finding(f)), new Map([['s.yaml', TEXT]]), new Set(['syntax'])).map((p) => p.kind);

describe('the checks', () => {
  it('accept a finding whose position exists and agrees with its offsets', () => {
    expect(check({})).toEqual([]);
    expect(check({ line: 3, column: 1, endLine: 3, endColumn: 1, start: 12, end: 12 })).toEqual([]); // the end of the file
  });

  it.each([
    ['line 0', { line: 0 }],
    ['column 0', { column: 0, start: 4 }],
    ['past the last line', { line: 4, endLine: 4 }],
    ['past the end of a line', { endColumn: 5 }],
    ['end before start', { line: 2, column: 3, endLine: 2, endColumn: 1, start: 7, end: 5 }],
    ['offsets past the end of the text', { start: 5, end: 13 }],
    ['line and column that disagree with the offsets', { start: 0, end: 2 }],
    ['a fix outside the text', { fix: [{ start: 10, end: 20, text: 'x' }] }],
  ])('count %s as an impossible position', (_name, over) => {
    expect(check(over)).toContain('position');
  });

  it('count internal values in a message as internal errors, but not in the quoted offending value', () => {
    expect(check({ message: 'bucket undefined has no region' })).toContain('internal');
    expect(check({ message: 'limit is NaN' })).toContain('internal');
    expect(check({ message: 'got [object Object]' })).toContain('internal');
    expect(check({ message: '' })).toContain('internal');
    expect(check({ message: 'unknown key "undefined"; did you mean "undefinedX"?' })).toEqual([]);
    expect(check({ message: 'undefined variable "${vars.x}": vars has no key "x"' })).toEqual([]);
    expect(check({ message: "expected a string, got the number NaN; quote it: 'NaN'" })).toEqual([]);
    expect(check({ message: 'expected a map for functions.NaN, got a list' })).toEqual([]); // the user's key `.nan`
  });
});

describe('the inputs', () => {
  it('are the same for the same seed and index, and differ between seeds', () => {
    for (const i of [0, 7, corpus.slots.length + 3, 54_321]) {
      expect(makeCase(corpus, api, 5, i)).toEqual(makeCase(corpus, api, 5, i));
    }
    const texts = (seed: number) =>
      Array.from({ length: 20 }, (_, k) =>
        makeCase(corpus, api, seed, corpus.slots.length + k)
          .inputs.map((x) => x.text)
          .join('\0'),
      );
    expect(texts(5)).not.toEqual(texts(6));
  });

  it('cover every real config, every fixture and every format in the first round, unmutated', () => {
    const first = Array.from({ length: corpus.slots.length }, (_, i) => makeCase(corpus, api, 1, i));
    expect(first.every((c) => c.ops.length === 0)).toBe(true);
    const from = new Set(first.map((c) => c.from));
    const configs = readdirSync(join(ROOT, 'test/corpus/configs'), { recursive: true, withFileTypes: true }).filter(
      (d) => d.isFile() && !/\.(md|json)$/.test(d.name),
    );
    expect(configs.length).toBeGreaterThan(30);
    for (const d of configs) expect(from, d.name).toContain(join(d.parentPath, d.name).slice(ROOT.length + 1));
    for (const rule of readdirSync(join(ROOT, 'fixtures'))) {
      for (const f of readdirSync(join(ROOT, 'fixtures', rule)).filter((n) => /\.ya?ml$/.test(n)))
        expect(from).toContain(`fixtures/${rule}/${f}`);
    }
    for (const id of Object.keys(GRAMMARS)) expect(from).toContain(`grammar:${id}`);
  });

  it("generate documents that each format's detection recognises", async () => {
    for (const id of Object.keys(GRAMMARS)) {
      const cases = Array.from({ length: corpus.slots.length * 3 }, (_, i) => makeCase(corpus, api, 3, i)).filter(
        (c) => c.from === `grammar:${id}` && !c.ops.length,
      );
      expect(cases.length, id).toBeGreaterThan(0);
      for (const c of cases) {
        const r = await api.lint(c.inputs, { env: {} });
        expect(r.files[0]?.format, `${id}:\n${c.inputs[0].text.slice(0, 400)}`).toBe(id);
      }
    }
  });

  it('come from mutation operators that each change a text, and stay under the size cap', () => {
    const seedText = readFileSync(
      join(ROOT, 'test/corpus/configs/aliyun-fc3/devsapp__start-fc__fc-node__oss-event__src__s.yaml'),
      'utf8',
    );
    for (const [name, op] of Object.entries(MUTATORS)) {
      const rng = makeRng(1);
      const changed = Array.from({ length: 10 }, () => op(rng, seedText, 'donor: 1\n')).filter((t) => t !== seedText);
      expect(changed.length, name).toBeGreaterThan(0);
    }
    const rng = makeRng(2);
    for (let i = 0; i < 200; i++)
      expect(mutate(rng, seedText, seedText).text.length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
  });
});

describe('every reproducer the fuzzer found', () => {
  const dir = join(ROOT, 'test', 'fuzz', 'regressions');
  instrument(api, reportInternal);
  for (const name of readdirSync(dir).sort()) {
    it(name, async () => {
      const files = readdirSync(join(dir, name)).filter(
        (n) => !['problem.txt', 'inputs.json'].includes(n) && statSync(join(dir, name, n)).isFile(),
      );
      const problem = readFileSync(join(dir, name, 'problem.txt'), 'utf8');
      const options = JSON.parse(/^options: (.*)$/m.exec(problem)![1]);
      const inputs = files.map((f) => ({
        path: `test/fuzz/regressions/${name}/${f}`,
        text: readFileSync(join(dir, name, f), 'utf8'),
      }));
      expect(
        (await runCase(api, { index: -1, from: name, ops: [], inputs, options })).filter((p) => p.kind !== 'slow'),
      ).toEqual([]);
    });
  }
});

describe('grammars', () => {
  it('see the trigger-config definitions the Alibaba schemas share from a sibling file', () => {
    // the generator follows `#/…` refs only: `aliyun-trigger-config.json#/definitions/X` is copied in
    const ros = JSON.stringify(loadGrammars(ROOT).get('ros'));
    expect(ros).not.toContain('"$ref":"aliyun-trigger-config.json');
    expect(ros).toContain('"CronExpression"');
  });
});
