// --fix never changes a value's meaning: removing a leading slash from a plain scalar can turn
// the rest into a number, a boolean, null, a comment, an alias, a list, a quoted string or a
// syntax error. Property: for prefixes built from every YAML indicator and type-looking text, in
// block and flow maps, the fixed document holds exactly the intended string at that key. And two
// key-typo renames that would meet in one key are dropped with a note.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { fixSources } from '../../src/workflow/fix.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import { only } from '../helpers.js';

const fixWith = (rules: ReturnType<typeof only>) => (text: string) =>
  fixSources([parseSource('s.yaml', text)], (s) => lintSources(s, rules, new Set(['s.yaml'])));
const fixSlash = fixWith(only('prefix-leading-slash'));

function file(prefix: string, flow: boolean, quotes = ''): string {
  const lines = [
    'edition: 3.0.0',
    'name: app',
    'resources:',
    '  f:',
    '    component: fc3',
    '    props:',
    '      region: cn-hangzhou',
    '      functionName: f',
    '      runtime: nodejs18',
    '      handler: index.handler',
    '      code: ./code',
    ...(quotes ? [`      description: ${quotes}`] : []),
    '      triggers:',
    '        - triggerName: t',
    '          triggerType: oss',
    '          sourceArn: acs:oss:cn-hangzhou:123:bucket',
    '          triggerConfig:',
    '            events: [oss:ObjectCreated:PutObject]',
    '            filter:',
  ];
  if (flow) lines.push(`              key: { prefix: ${prefix}, suffix: .png }`);
  else lines.push('              key:', `                prefix: ${prefix}`, '                suffix: .png');
  return lines.join('\n') + '\n';
}

/** The prefix the fixed document holds, with its type. */
function prefixOf(text: string): unknown {
  const doc = parseDocument(text);
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.getIn(['resources', 'f', 'props', 'triggers', 0, 'triggerConfig', 'filter', 'key', 'prefix']);
}

/** Text after the slash: YAML indicators and text that looks like another type. */
const TRICKY = [
  '123',
  '0x1F',
  '1e3',
  '.inf',
  'true',
  'False',
  'null',
  '~',
  '',
  '#x',
  ' #x',
  '*a',
  '&a x',
  "'q'",
  '"q"',
  '[a]',
  '{a: 1}',
  '@x',
  '%x',
  '`x',
  '!x',
  '!!str x',
  '|',
  '>',
  '- a',
  '? a',
  'a: b',
  'a #b',
  ',x',
  'x,y',
  '2001-12-14',
  '0o17',
  '=',
  '<<',
  "it's",
];

const tail = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.tuple(fc.constantFrom(...TRICKY), fc.stringMatching(/^[a-z0-9/._-]{0,4}$/)).map(([a, b]) => a + b),
);

describe('--fix keeps the intended string', () => {
  it('for every YAML indicator and type-looking text after the slash (block and flow)', () => {
    fc.assert(
      fc.property(tail, fc.boolean(), fc.constantFrom('', "'s'", '"d"'), (rest, flow, quotes) => {
        const before = file(`/${rest}`, flow, quotes);
        // a prefix that does not parse as "/…" plain text is not the case under test
        const original = parseDocument(before);
        fc.pre(original.errors.length === 0 && prefixOf(before) === `/${rest}`);
        const out = fixSlash(before);
        expect(out.changed).toHaveLength(1);
        expect(prefixOf(out.changed[0].after)).toBe(rest.replace(/^\/+/, ''));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['/123', "'123'"],
    ['/true', "'true'"],
    ['/', "''"],
    ['/~', "'~'"],
    ['/#x', "'#x'"],
    ['/*a', "'*a'"],
    ["/'q'", "'''q'''"],
    ['/[a]', "'[a]'"],
    ['/@x', "'@x'"],
    ['/%x', "'%x'"],
    ['/`x', "'`x'"],
    ['/src/', 'src/'],
  ])('%s becomes %s', (prefix, fixed) => {
    const out = fixSlash(file(prefix, false));
    expect(out.changed[0].after).toContain(`prefix: ${fixed}\n`);
  });

  it('quotes in the style the document uses', () => {
    const out = fixSlash(file('/123', false, '"double" # and "more"').replace('functionName: f', 'functionName: "f"'));
    expect(out.changed[0].after).toContain('prefix: "123"\n');
  });
});

describe('--fix never creates a duplicate key', () => {
  const text = file('src/', false).replace(
    '                suffix: .png\n',
    '                sufix: .png\n                Suffix: .jpg\n',
  );
  it('drops both renames and says why', () => {
    const out = fixWith(only('schema'))(text);
    expect(out.changed).toEqual([]);
    const messages = out.result.files[0].findings.map((f) => f.message);
    expect(messages).toContain(
      'unknown key "sufix" in triggers[0].triggerConfig.filter.key; did you mean "suffix"?; not fixed automatically: "Suffix" would also become "suffix"; keep one of them',
    );
    expect(messages).toContain(
      'unknown key "Suffix" in triggers[0].triggerConfig.filter.key: Suffix (capitalised) is legacy fc — fc3 writes filter.key.suffix; not fixed automatically: "sufix" would also become "suffix"; keep one of them',
    );
    expect(messages).toHaveLength(2);
  });
});
