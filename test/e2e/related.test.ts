// Every location in sight (issue #27, point 1): a message that refers to another place names it
// (`overlaps trigger "a" (s.yaml:13)`), and stylish prints each related location as its own
// `-->` snippet, capped with "and N more"; the github annotation carries them in its message.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run.js';
import { formatFinding, MAX_RELATED } from '../../src/reporters/stylish.js';
import type { Finding } from '../../src/types.js';

const TENCENT = `component: scf
name: resizer
inputs:
  name: resizer
  region: ap-guangzhou
  triggers:
    - type: cos
      bucket: photos-1250000000.cos.ap-guangzhou.myqcloud.com
      filter:
        prefix: uploads/
      events: 'cos:ObjectCreated:*'
    - type: cos
      bucket: photos-1250000000.cos.ap-guangzhou.myqcloud.com
      filter:
        prefix: uploads/2024/
      events: 'cos:ObjectCreated:Put'
`;

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'tl-related-'));
  for (const [p, t] of Object.entries(files)) writeFileSync(join(d, p), t);
  return d;
}

describe('related locations', () => {
  it('an unnamed trigger is named by its place, and stylish shows that place', () => {
    const r = cli(['serverless.yml'], { cwd: dir({ 'serverless.yml': TENCENT }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'serverless.yml:15:17: this trigger overlaps the trigger at serverless.yml:10 on bucket "photos-1250000000"',
    );
    expect(r.stdout).toContain(
      [
        '   |',
        '15 |         prefix: uploads/2024/',
        '   |                 ^~~~~~~~~~~~~',
        '  --> serverless.yml:10:17: the other trigger is declared here',
        '   |',
        '10 |         prefix: uploads/',
        '   |                 ^~~~~~~~',
      ].join('\n'),
    );
  });

  it('github annotations carry the related location in the message', () => {
    const r = cli(['-f', 'github', 'serverless.yml'], { cwd: dir({ 'serverless.yml': TENCENT }) });
    expect(r.stdout).toContain('overlaps the trigger at serverless.yml:10 on');
    expect(r.stdout).toContain('%0Aserverless.yml:10:17: the other trigger is declared here');
  });

  it(`prints at most ${MAX_RELATED} related snippets, then "and N more"`, () => {
    const text = Array.from({ length: 12 }, (_, i) => `k${i + 1}: v${i + 1}`).join('\n') + '\n';
    const at = (line: number) => ({
      path: 's.yaml',
      line,
      column: 1,
      endLine: line,
      endColumn: 3,
      message: `place ${line}`,
    });
    const f: Finding = {
      ruleId: 'r',
      severity: 'error',
      message: 'm',
      path: 's.yaml',
      line: 12,
      column: 1,
      endLine: 12,
      endColumn: 4,
      start: 0,
      end: 0,
      related: [at(1), at(2), at(3), at(4), at(5)],
    };
    const out = formatFinding(f, text, false, new Map([['s.yaml', text]]));
    expect(out.split('\n').filter((l) => l.includes('-->'))).toEqual([
      '  --> s.yaml:1:1: place 1',
      '  --> s.yaml:2:1: place 2',
      '  --> s.yaml:3:1: place 3',
    ]);
    expect(out).toContain(' 1 | k1: v1\n   | ^~');
    expect(out.endsWith('  ... and 2 more')).toBe(true);
  });
});
