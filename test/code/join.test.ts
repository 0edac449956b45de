// The join of src/code/join.ts, value by value, and the lazy client a join must not lose.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { equal, join } from '../../src/code/join.js';
import { describeKey } from '../../src/model/key-pattern.js';
import { keyOf, lit, str, UNKNOWN, type Val } from '../../src/code/values.js';
import { loadParsers } from '../../src/code/parser.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import { only } from '../helpers.js';

beforeAll(loadParsers);

const INPUT = [{ input: { prefix: true, suffix: true } }];
const key = (v: Val) => describeKey(keyOf(v));
const obj = (entries: [string, Val][]): Val => ({ t: 'obj', props: new Map(entries) });

describe('join', () => {
  it('two strings keep their common known start and end', () => {
    expect(key(join(str([{ lit: 'in/large/' }, ...INPUT]), str([{ lit: 'in/small/' }, ...INPUT])))).toBe(
      '"in/" + <unknown> + "/" + <the end of the input key>',
    );
    expect(key(join(lit('done/a'), lit('out/a')))).toBe('<unknown> + "/a"');
    expect(key(join(lit('same'), lit('same')))).toBe('"same"');
  });
  it('is symmetric: the order of the arms does not matter', () => {
    const a = str([{ lit: 'thumbs/' }, { unknown: true }, { lit: '.png' }]);
    const b = str([{ lit: 'thumbs/x-' }, ...INPUT]);
    expect(key(join(a, b))).toBe(key(join(b, a)));
  });
  it('objects are compared by their entries, not JSON.stringify (every Map serialises as {})', () => {
    const x = obj([['Key', lit('in/a')]]);
    const y = obj([['Key', lit('out/a')]]);
    expect(JSON.stringify(x)).toBe(JSON.stringify(y)); // what the old comparison saw
    expect(equal(x, y)).toBe(false);
    expect(equal(x, obj([['Key', lit('in/a')]]))).toBe(true);
    const j = join(x, y);
    expect(j.t === 'obj' && key(j.props.get('Key')!)).toBe('<unknown> + "/a"');
  });
  it('a name unset on one path joins to the client it is set to on the other; a string stays unknown', () => {
    const client: Val = { t: 'client', sdk: 'alioss', kind: 'alioss' };
    expect(join(UNKNOWN, client)).toBe(client);
    expect(join(client, UNKNOWN)).toBe(client);
    expect(join(UNKNOWN, lit('in/')).t).toBe('unknown');
  });
});

describe('a lazily made client survives the branch that makes it', () => {
  const yaml = `edition: 3.0.0
name: lazy
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: nodejs18
      handler: index.handler
      code: ./code
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:b
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: in/, suffix: '' } }
`;
  it('let client; if (!client) client = new OSS(...): its put under "in/" is a loop', () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'tl-lazy-'));
    mkdirSync(joinPath(dir, 'code'));
    writeFileSync(
      joinPath(dir, 'code', 'index.js'),
      [
        "const OSS = require('ali-oss');",
        'let client;',
        'exports.handler = async (event) => {',
        '  const e = JSON.parse(event).events[0];',
        '  if (!client) client = new OSS({ bucket: e.oss.bucket.name });',
        "  await client.put('in/copy-' + e.oss.object.key.split('/').pop(), Buffer.from(''));",
        '};',
        '',
      ].join('\n'),
    );
    const r = lintSources(
      [parseSource('s.yaml', yaml)],
      { ...only('recursive-trigger'), cwd: dir },
      new Set(['s.yaml']),
    );
    expect(r.files[0].findings.map((f) => f.severity)).toEqual(['error']);
  });
});
