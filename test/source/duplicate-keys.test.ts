// Duplicate keys found in linear time (src/source/duplicate-keys.ts, yaml parsed with
// `uniqueKeys: false`) against yaml's own quadratic check (`uniqueKeys: true`): the same `syntax`
// diagnostics at the same ranges, on every fixture, every corpus file, each of those with a line
// repeated (so real files have duplicates too), the awkward corners of YAML keys, and generated
// documents.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { parseSource, replacePlaceholders } from '../../src/source/source.js';
import { corpusFiles, fixtureGroups, read, rel } from '../helpers.js';

/** yaml's own verdict: every error of every document, DUPLICATE_KEY included, as "start-end code". */
function withYamlCheck(text: string): { all: string[]; duplicates: number[] } {
  const docs = parseAllDocuments(replacePlaceholders(text).text, { uniqueKeys: true, prettyErrors: false });
  const errors = Array.isArray(docs) ? docs.flatMap((d) => d.errors) : [];
  // clamped to the text as parseSource does (yaml may report one past the end)
  const start = (e: (typeof errors)[number]) => Math.min(e.pos[0], text.length);
  const end = (e: (typeof errors)[number]) => Math.min(Math.max(e.pos[1], start(e)), text.length);
  return {
    all: errors.map((e) => `${start(e)}-${end(e)}`).sort(),
    duplicates: errors
      .filter((e) => e.code === 'DUPLICATE_KEY')
      .map(start)
      .sort((a, b) => a - b),
  };
}

/**
 * Ours: the Source's syntax diagnostics (without undefined aliases, which yaml does not report
 * while parsing), and how many of yaml's raw token errors were folded into an earlier one.
 */
function withSets(text: string): { all: string[]; duplicates: number[]; folded: number } {
  const syntax = parseSource('s.yaml', text).syntax.filter((d) => !/^alias "\*[^"]*" names no anchor/.test(d.message));
  return {
    all: syntax.map((d) => `${d.start}-${d.end}`).sort(),
    duplicates: syntax
      .filter((d) => d.message.startsWith('duplicate key '))
      .map((d) => d.start)
      .sort((a, b) => a - b),
    folded: syntax.reduce(
      (n, d) => n + Number(/\(and (\d+) later errors? caused by it\)$/.exec(d.message)?.[1] ?? 0),
      0,
    ),
  };
}

/** The same duplicate keys; every other diagnostic is one of yaml's, or folded into one. */
function same(text: string, label: string): number {
  const theirs = withYamlCheck(text);
  const ours = withSets(text);
  expect(ours.duplicates, label).toEqual(theirs.duplicates);
  const left = [...theirs.all];
  for (const a of ours.all) {
    const i = left.indexOf(a);
    expect(i, `${label}: ${a} is not one of yaml's errors`).toBeGreaterThanOrEqual(0);
    left.splice(i, 1);
  }
  expect(left.length, label).toBe(ours.folded);
  return theirs.duplicates.length;
}

/** The file with one mapping line repeated right after itself (a duplicate key, mostly). */
function repeatLine(text: string, n: number): string | undefined {
  const lines = text.split('\n');
  const keyLines = lines.map((l, i) => (/^\s*(- )?[\w"'.$-]+\s*:/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (!keyLines.length) return undefined;
  const i = keyLines[n % keyLines.length];
  const line = lines[i].replace(/^(\s*)- /, '$1  ');
  return [...lines.slice(0, i + 1), line, ...lines.slice(i + 1)].join('\n');
}

const files = [...fixtureGroups().flatMap((g) => g.files), ...corpusFiles()];

describe('duplicate keys: one Set per mapping finds what yaml uniqueKeys finds', () => {
  it('on every fixture and corpus file, as they are and with a key line repeated', () => {
    let duplicates = 0;
    for (const f of files) {
      const text = read(f);
      duplicates += same(text, rel(f));
      for (const n of [0, 3, 7, 12]) {
        const variant = repeatLine(text, n);
        if (variant !== undefined) duplicates += same(variant, `${rel(f)} with key line ${n} repeated`);
      }
    }
    expect(files.length).toBeGreaterThan(200);
    expect(duplicates).toBeGreaterThan(500); // the variants really do hold duplicates
  });

  it.each([
    ['plain, single- and double-quoted spellings of one key', `a: 1\n'a': 2\n"a": 3\n"\\x61": 4\n`, 3],
    ['numbers with one value', '1: x\n0x1: y\n1.0: z\n0: a\n-0: b\n', 3],
    ['null, ~ and an empty key', '~: 1\nnull: 2\n: 3\n', 2],
    ['.nan never equals itself', '.nan: 1\n.nan: 2\n', 0],
    ['a tag or an anchor does not change the key', '&x a: 1\n!!str a: 2\n', 1],
    ['explicit empty keys after comments and blank lines', '? # c\n: 1\n?\n\n   \n: 2\n? &b\n: 3\n', 2],
    ['implicit empty keys', ':\n# c\n:\n', 1],
    ['flow mappings', '{a: 1, a: 2, b, b, : x, : y}\n', 3],
    ['pairs in a flow sequence are one mapping each', '[a: 1, a: 2]\n', 0],
    ['nested mappings, and mappings inside a key', 'a:\n  b: 1\n  b: 2\n? {c: 1, c: 2}\n: x\n', 2],
    ['aliases and collections as keys are never equal', 'a: &k 1\n*k : 2\n[x]: 1\n[x]: 2\n', 0],
    [
      'YAML 1.1: merge keys never repeat, y and yes do (both true)',
      '%YAML 1.1\n---\n<<: {a: 1}\n<<: {b: 2}\ny: 1\nyes: 2\n',
      1,
    ],
    ['each document of a stream on its own', 'a: 1\n---\na: 2\na: 3\n', 1],
    ['CRLF line ends', '?\r\n: 1\r\n?\r\n: 2\r\nk: 1\r\nk: 2\r\n', 2],
    ['placeholders keep their offsets', 'name: {{ app }}\nname: {{ other }}\n', 1],
  ])('%s', (_label, text, count) => {
    expect(same(text, JSON.stringify(text))).toBe(count);
  });

  it('on generated documents (keys in every spelling, comments, flow, streams)', () => {
    const key = fc.constantFrom(
      'a',
      "'a'",
      '"a"',
      'b',
      '1',
      '0x1',
      '~',
      'null',
      '',
      '?',
      '? ',
      '?  # k',
      '&x a',
      '!!str a',
      '!!null',
      '&y',
      '? a',
      '.nan',
      '-0',
      '0',
      'true',
      '<<',
      '*x',
      '{a: 1}',
      '[a]',
      '? |\n  t\n',
    );
    const value = fc.constantFrom(
      '',
      ' 1',
      ' # c',
      ' {a: 1, a: 2}',
      ' [a: 1]',
      ' {? , ?}',
      ' {: 1, : 2}',
      ' &x v',
      ' *x',
      ' {a, a, b}',
    );
    const line = fc.oneof(
      fc
        .tuple(fc.constantFrom('', '', '  ', '    ', ' '), key, fc.constantFrom(':', ':', '', '\n:'), value)
        .map(([i, k, s, v]) => `${i}${k}${s ? (s === '\n:' ? `\n${i}:` : s) + v : ''}`),
      fc.constantFrom('# c', '', '   ', '---', '...', '  # d', '%YAML 1.1\n---'),
    );
    const doc = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 9 }), fc.constantFrom('\n', '\r\n'))
      .map(([ls, nl]) => `${ls.join(nl)}${nl}`);
    fc.assert(
      fc.property(doc, (text) => {
        same(text, JSON.stringify(text));
      }),
      { numRuns: 2000, seed: 18 },
    );
  });

  it('leaves no CST token on the parsed documents (the Source does not keep the CST alive)', () => {
    const text = 'a: &x {b: [1, {c: 2}], b: 3}\n? [k]\n: *x\nd:\n  - e: 1\n    e: 2\n---\n[f, {g: h}]\n';
    const source = parseSource('s.yaml', text);
    expect(source.syntax.map((d) => text.slice(d.start, d.end))).toEqual(['b', 'e']);
    const kept: string[] = [];
    const seen = new Set<object>();
    const walk = (v: unknown, path: string): void => {
      if (!v || typeof v !== 'object' || seen.has(v)) return;
      seen.add(v);
      if (Object.hasOwn(v, 'srcToken')) kept.push(path);
      for (const [k, child] of Object.entries(v)) if (k !== 'schema') walk(child, `${path}.${k}`);
    };
    source.docs.forEach((d, i) => walk(d.contents, `docs[${i}]`));
    expect(seen.size).toBeGreaterThan(10);
    expect(kept).toEqual([]);
  });
});
