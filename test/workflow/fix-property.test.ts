// Property: on generated fc3 files (random leading-slash prefixes, comments, quoting styles,
// indentation), fixing is idempotent, removes every fixable finding, and never changes a byte
// outside the edited ranges.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixSources } from '../../src/workflow/fix.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import { only } from '../helpers.js';

const opts = only('prefix-leading-slash');
const lint = (text: string) => lintSources([parseSource('s.yaml', text)], opts, new Set(['s.yaml']));
const fix = (text: string) =>
  fixSources([parseSource('s.yaml', text)], (s) => lintSources(s, opts, new Set(['s.yaml'])));

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/);
const quote = fc.constantFrom('plain', 'single', 'double');
const comment = fc.option(
  fc.stringMatching(/^[ -~]{0,20}$/).map((s) => `# ${s.replace(/[\r\n]/g, '')}`),
  { nil: undefined },
);

const trigger = fc.record({
  slashes: fc.integer({ min: 0, max: 3 }),
  path: fc.array(word, { minLength: 0, maxLength: 3 }),
  quote,
  trailing: comment,
  above: comment,
  flow: fc.boolean(),
});

function scalar(value: string, q: string): string {
  if (q === 'single') return `'${value}'`;
  if (q === 'double') return `"${value}"`;
  return value === '' ? "''" : value;
}

const file = fc
  .record({
    indent: fc.integer({ min: 1, max: 4 }),
    head: comment,
    triggers: fc.array(trigger, { minLength: 1, maxLength: 5 }),
  })
  .map(({ indent, head, triggers }) => {
    const pad = (n: number) => ' '.repeat(indent * n);
    const lines: string[] = [];
    if (head) lines.push(head);
    lines.push(
      'edition: 3.0.0',
      'name: app',
      'resources:',
      `${pad(1)}f:`,
      `${pad(2)}component: fc3`,
      `${pad(2)}props:`,
      `${pad(3)}region: cn-hangzhou`,
      `${pad(3)}functionName: f`,
      `${pad(3)}triggers:`,
    );
    triggers.forEach((t, i) => {
      const prefix = scalar('/'.repeat(t.slashes) + t.path.map((p) => `${p}/`).join(''), t.quote);
      const tail = t.trailing ? `  ${t.trailing}` : '';
      lines.push(
        `${pad(4)}- triggerName: t${i}`,
        `${pad(5)}triggerType: oss`,
        `${pad(5)}sourceArn: acs:oss:cn-hangzhou:123:bucket-${i}`,
        `${pad(5)}triggerConfig:`,
        `${pad(6)}events: [oss:ObjectCreated:PutObject]`,
        `${pad(6)}filter:`,
      );
      if (t.above) lines.push(`${pad(7)}${t.above}`);
      if (t.flow) lines.push(`${pad(7)}key: { prefix: ${prefix}, suffix: .png }${tail}`);
      else lines.push(`${pad(7)}key:`, `${pad(8)}prefix: ${prefix}${tail}`, `${pad(8)}suffix: .png`);
    });
    return lines.join('\n') + '\n';
  });

/** The text with the edits applied: the bytes between edits are copied unchanged. */
function outsideEdits(before: string, findings: ReturnType<typeof lint>['files'][number]['findings']): string[] {
  const edits = findings.flatMap((f) => f.fix ?? []).sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(before.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(before.slice(at));
  return parts;
}

describe('--fix properties', () => {
  it('is idempotent, leaves no fixable finding, and changes no byte outside the edits', () => {
    fc.assert(
      fc.property(file, (text) => {
        const first = lint(text).files[0]?.findings ?? [];
        const once = fix(text);
        const fixed = once.changed[0]?.after ?? text;
        // no fixable finding remains, and a second run changes nothing
        expect((lint(fixed).files[0]?.findings ?? []).filter((f) => f.fix?.length)).toEqual([]);
        expect(fix(fixed).changed).toEqual([]);
        // every fixable finding of the first pass was a leading-slash deletion, or (where the plain
        // rest would not be the same string: `prefix: /` → null) the scalar rewritten quoted: the
        // parts between the edits appear in the fixed text, in order
        const parts = outsideEdits(text, first);
        expect(parts.join('')).toBe(fixed);
        for (const f of first) {
          for (const e of f.fix ?? []) {
            if (e.text === '') expect(text.slice(e.start, e.end)).toMatch(/^\/+$/);
            else
              expect([text.slice(e.start, e.end), e.text]).toEqual([
                expect.stringMatching(/^\/+$/),
                expect.stringMatching(/^(''|"")$/),
              ]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every comment of the file', () => {
    fc.assert(
      fc.property(file, (text) => {
        const comments = (t: string) =>
          t
            .split('\n')
            .map((l) => l.slice(l.indexOf('#')))
            .filter((l, i, a) => a[i].startsWith('#'));
        const fixed = fix(text).changed[0]?.after ?? text;
        expect(comments(fixed)).toEqual(comments(text));
      }),
      { numRuns: 100 },
    );
  });
});
