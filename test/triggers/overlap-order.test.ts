// trigger-overlap reports each trigger that overlaps an earlier one (in path + offset order) once,
// naming the earliest and listing the earlier ones as related locations (at most MAX_RELATED, the
// message counts the rest), so the findings (and the baselines and SARIF fingerprints built from
// them) never depend on the order of the command-line arguments or of a directory listing, and
// n overlapping triggers give at most n findings, not n²/2.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lintTexts, only } from '../helpers.js';
import type { Result } from '../../src/types.js';
import { MAX_RELATED } from '../../rules/trigger-overlap.js';

interface Spec {
  bucket: string;
  prefix: string;
  suffix: string;
  events: string[];
}

function fc3File(name: string, triggers: Spec[]): string {
  const lines = [
    'edition: 3.0.0',
    `name: ${name}`,
    'resources:',
    '  f:',
    '    component: fc3',
    '    props:',
    '      region: cn-hangzhou',
    `      functionName: ${name}`,
    '      runtime: nodejs18',
    '      handler: index.handler',
    '      code: ./code',
    '      triggers:',
  ];
  triggers.forEach((t, i) =>
    lines.push(
      `        - triggerName: t${i}`,
      '          triggerType: oss',
      `          sourceArn: acs:oss:cn-hangzhou:123:${t.bucket}`,
      '          triggerConfig:',
      `            events: [${t.events.join(', ')}]`,
      `            filter: { key: { prefix: "${t.prefix}", suffix: "${t.suffix}" } }`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** Every finding as one comparable line: where, what, and every related location. */
function findingSet(r: Result): string[] {
  return r.files
    .flatMap((f) =>
      f.findings.map((x) => {
        const rel = (x.related ?? []).map((y) => `${y.path}:${y.line}:${y.column} ${y.message}`).join(' | ');
        return `${x.path}:${x.line}:${x.column} ${x.severity} ${x.message} [${x.key}] <${rel}>`;
      }),
    )
    .sort();
}

function lintInOrder(files: [string, string][]): Result {
  return lintTexts(Object.fromEntries(files), only('trigger-overlap'));
}

describe('trigger-overlap: independent of input order', () => {
  const a: Spec = { bucket: 'media', prefix: 'images/', suffix: '', events: ['oss:ObjectCreated:*'] };
  const b: Spec = { bucket: 'media', prefix: 'images/png/', suffix: '', events: ['oss:ObjectCreated:PutObject'] };
  const c: Spec = { bucket: 'media', prefix: 'images/jpg/', suffix: '', events: ['oss:ObjectCreated:PutObject'] };
  const files: [string, string][] = [
    ['a/s.yaml', fc3File('fa', [a])],
    ['b/s.yaml', fc3File('fb', [b])],
    ['c/s.yaml', fc3File('fc', [c])],
  ];

  it('a trigger that overlaps two others is in two findings, one per pair, whatever the order', () => {
    const forward = lintInOrder(files);
    const backward = lintInOrder([...files].reverse());
    expect(findingSet(forward)).toHaveLength(2);
    expect(findingSet(backward)).toEqual(findingSet(forward));
  });

  it('each pair is reported on its later trigger in path order, with the earlier one related', () => {
    const got = lintInOrder([...files].reverse())
      .files.flatMap((f) => f.findings.map((x) => `${x.path} ← ${x.related?.[0]?.path}`))
      .sort();
    expect(got).toEqual(['b/s.yaml ← a/s.yaml', 'c/s.yaml ← a/s.yaml']);
  });

  it('property: shuffling the files never changes the set of findings', () => {
    const spec = fc.record({
      bucket: fc.constantFrom('media', 'logs'),
      prefix: fc.constantFrom('', 'a/', 'a/b/', 'c/'),
      suffix: fc.constantFrom('', '.png', 'x.png', '.jpg'),
      events: fc.subarray(
        [
          'oss:ObjectCreated:PutObject',
          'oss:ObjectCreated:PostObject',
          'oss:ObjectCreated:*',
          'oss:ObjectRemoved:DeleteObject',
        ],
        { minLength: 1 },
      ),
    });
    const dirs = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'z'), { minLength: 1, maxLength: 4 });
    const input = dirs.chain((ds) =>
      fc.tuple(
        fc.constant(ds),
        fc.array(fc.array(spec, { minLength: 1, maxLength: 4 }), { minLength: ds.length, maxLength: ds.length }),
      ),
    );
    const withOrder = input.chain(([ds, triggers]) => {
      const list: [string, string][] = ds.map((d, i) => [`${d}/s.yaml`, fc3File(`f${d}`, triggers[i])]);
      return fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }));
    });
    fc.assert(
      fc.property(withOrder, ([original, shuffled]) => {
        expect(findingSet(lintInOrder(shuffled))).toEqual(findingSet(lintInOrder(original)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('trigger-overlap: findings linear in the triggers', () => {
  const same: Spec = { bucket: 'media', prefix: 'in/', suffix: '', events: ['oss:ObjectCreated:PutObject'] };

  it('n identical triggers give n - 1 findings, each naming the earliest and at most MAX_RELATED related', () => {
    const n = 40;
    const r = lintInOrder([
      [
        's.yaml',
        fc3File(
          'f',
          Array.from({ length: n }, () => same),
        ),
      ],
    ]);
    const findings = r.files.flatMap((f) => f.findings);
    expect(findings).toHaveLength(n - 1);
    for (const [i, f] of findings.entries()) {
      expect(f.related!.length).toBe(Math.min(i + 1, MAX_RELATED));
      expect(f.message).toContain('duplicates trigger "t0"');
    }
    expect(findings[n - 2].message).toMatch(
      new RegExp(`duplicates trigger "t0" \\(s\\.yaml:\\d+\\) and ${n - 2} more triggers on bucket "media"`),
    );
    expect(findings[0].message).not.toContain('more trigger');
  });

  it('property: one finding per trigger that overlaps an earlier one, never more', () => {
    const spec = fc.record({
      bucket: fc.constant('media'),
      prefix: fc.constantFrom('', 'a/', 'a/b/', 'c/'),
      suffix: fc.constantFrom('', '.png', '.jpg'),
      events: fc.subarray(['oss:ObjectCreated:PutObject', 'oss:ObjectCreated:*', 'oss:ObjectRemoved:DeleteObject'], {
        minLength: 1,
      }),
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 12 }), (triggers) => {
        const r = lintInOrder([['s.yaml', fc3File('f', triggers)]]);
        const lines = r.files.flatMap((f) => f.findings.map((x) => x.line));
        expect(new Set(lines).size).toBe(lines.length);
        for (const f of r.files.flatMap((x) => x.findings)) expect(f.related!.length).toBeLessThanOrEqual(MAX_RELATED);
      }),
      { numRuns: 100 },
    );
  });
});
