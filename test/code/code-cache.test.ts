// Handler-code evaluations kept from one lint to the next (LintOptions.codeCache, what the
// language server keeps per folder; issue #25): an edit of s.yaml in a folder whose handler code
// took seconds to read re-read all of it. A kept evaluation is reused while the modules it read
// are unchanged on disk and its imports resolve to the same files; otherwise it is evaluated again.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadParsers } from '../../src/code/parser.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import type { CodeCache } from '../../src/types.js';
import { only } from '../helpers.js';

beforeAll(loadParsers);

const S_YAML = `edition: 3.0.0
name: cache
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: python3.10
      handler: index.handler
      code: ./code
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:photos
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: in/, suffix: '' } }
`;

const HANDLER = `import oss2, json
import out
def handler(event, context):
    e = json.loads(event)['events'][0]
    b = oss2.Bucket(None, 'x', e['oss']['bucket']['name'])
    b.put_object(out.PREFIX + e['oss']['object']['key'], b'')
`;

function project(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-code-cache-'));
  writeFileSync(join(dir, 's.yaml'), S_YAML);
  const code = join(dir, 'code');
  mkdirSync(code);
  writeFileSync(join(code, 'index.py'), HANDLER);
  writeFileSync(join(code, 'out.py'), `PREFIX = '${prefix}'\n`);
  return dir;
}

function lint(dir: string, codeCache: CodeCache) {
  const r = lintSources(
    [parseSource('s.yaml', S_YAML)],
    { ...only('recursive-trigger', 'incomplete-analysis'), cwd: dir, codeCache },
    new Set(['s.yaml']),
  );
  return {
    rules: r.files[0].findings.map((f) => `${f.ruleId} ${f.severity}`),
    evaluations: r.codeStats?.evaluations,
  };
}

describe('handler-code evaluations kept between lints', () => {
  it('the same code is not evaluated again; the same findings', () => {
    const dir = project('in/');
    const cache: CodeCache = { entries: new Map() };
    expect(lint(dir, cache)).toEqual({ rules: ['recursive-trigger error'], evaluations: 1 });
    expect(lint(dir, cache)).toEqual({ rules: ['recursive-trigger error'], evaluations: 0 });
  });

  it('a module it read changed on disk: evaluated again, with the new code', () => {
    const dir = project('in/');
    const cache: CodeCache = { entries: new Map() };
    expect(lint(dir, cache)).toEqual({ rules: ['recursive-trigger error'], evaluations: 1 });
    writeFileSync(join(dir, 'code', 'out.py'), "PREFIX = 'done/'\n");
    utimesSync(join(dir, 'code', 'out.py'), new Date(), new Date(Date.now() + 5000));
    expect(lint(dir, cache)).toEqual({ rules: [], evaluations: 1 });
  });

  it('an import that found no module now finds one: evaluated again', () => {
    const dir = project('in/');
    rmSync(join(dir, 'code', 'out.py'));
    const cache: CodeCache = { entries: new Map() };
    // out is missing: the written prefix is unknown, so the write may land under in/ (a warning, not an error)
    expect(lint(dir, cache)).toEqual({ rules: ['recursive-trigger warning'], evaluations: 1 });
    writeFileSync(join(dir, 'code', 'out.py'), "PREFIX = 'done/'\n");
    expect(lint(dir, cache)).toEqual({ rules: [], evaluations: 1 });
    expect(lint(dir, cache)).toEqual({ rules: [], evaluations: 0 });
  });
});
