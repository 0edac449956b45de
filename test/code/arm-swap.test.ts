// Property: the order of the arms of a branch never changes a finding. Handlers are generated
// with an `if/else` (and a ternary) whose arms assign the output key or request from a pool of
// values that loop, do not loop, or are unknown; swapping the arms and negating the condition
// must give the same findings (src/code/join.ts: each arm from the same state, then joined).
// The pools cover the string domain (literal slices, split fields, case changes) and the
// condition is a method test, a regex test, a case-blind test or an indexOf/find comparison
// (a guard each way).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadParsers } from '../../src/code/parser.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import { only } from '../helpers.js';

beforeAll(loadParsers);

const yaml = (runtime: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: code/
      Handler: index.handler
      Runtime: ${runtime}
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Photos
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules:
                  - Name: prefix
                    Value: in/
                  - Name: suffix
                    Value: .jpg
  Photos:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: swap-photos
`;

function findings(file: string, text: string, runtime: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tl-armswap-'));
  mkdirSync(join(dir, 'code'));
  writeFileSync(join(dir, 'code', file), text);
  const r = lintSources(
    [parseSource('template.yaml', yaml(runtime))],
    { ...only('recursive-trigger'), cwd: dir },
    new Set(['template.yaml']),
  );
  return r.files.flatMap((f) => f.findings.map((x) => `${x.line}:${x.severity}:${x.message}`));
}

// values an arm may assign to the output key: a loop, a safe prefix, a loop on some suffixes, unknown
const PY_KEYS = [
  "'in/' + name",
  "'done/' + name",
  "'in/' + name + '.png'",
  "'in/thumb-' + key",
  'key',
  "'done/' + key.split('/')[-1]",
  'compute(name)',
  "'in/x/' + name + '.jpg'",
  "key[:-4] + '-c.jpg'",
  "key.split('.')[0] + '.png'",
  'key.lower()',
  "'in/' + '/'.join(key.split('/')[1:])",
];
const JS_KEYS = [
  '`in/${name}`',
  '`done/${name}`',
  "'in/' + name + '.png'",
  "'in/thumb-' + key",
  'key',
  "`done/${key.split('/').pop()}`",
  'compute(name)',
  '`in/x/${name}.jpg`',
  "key.slice(0, -4) + '-c.jpg'",
  "key.split('.')[0] + '.png'",
  'key.toLowerCase()',
  "'in/a/' + key.split('/')[key.split('/').length - 1]",
  "'in/' + key.substring(3)",
];

const arm = (keys: string[]) =>
  fc.record({
    assign: fc.option(fc.constantFrom(...keys), { nil: undefined }),
    bucket: fc.constantFrom('bucket', "'other-bucket'"),
    ret: fc.boolean(),
  });
type Arm = { assign?: string; bucket: string; ret: boolean };

const PY_TESTS = [
  "name.endswith('.png')",
  "re.search(r'\\.png$', key)",
  "key.lower().endswith('.png')",
  "key.find('.png') >= 0",
];
const JS_TESTS = [
  "name.endsWith('.png')",
  '/\\.png$/.test(key)',
  "key.toLowerCase().endsWith('.png')",
  "key.indexOf('.png') !== -1",
];

function py(a: Arm, b: Arm, swap: boolean, ternary: boolean, kind = 0): string {
  const [x, y] = swap ? [b, a] : [a, b];
  const test = PY_TESTS[kind];
  const cond = swap ? `not ${test}` : test;
  const body = (v: Arm) =>
    [`        out = ${v.assign ?? 'out'}`, `        dst = ${v.bucket}`, ...(v.ret ? ['        return'] : [])].join(
      '\n',
    );
  const branch = ternary
    ? `    out = (${x.assign ?? 'out'}) if ${cond} else (${y.assign ?? 'out'})\n    dst = (${x.bucket}) if ${cond} else (${y.bucket})`
    : `    if ${cond}:\n${body(x)}\n    else:\n${body(y)}`;
  return `import re\nimport boto3\ns3 = boto3.client('s3')\n\ndef handler(event, context):\n    record = event['Records'][0]\n    bucket = record['s3']['bucket']['name']\n    key = record['s3']['object']['key']\n    name = key.split('/')[-1]\n    out = 'in/first-' + name\n    dst = bucket\n${branch}\n    s3.put_object(Bucket=dst, Key=out, Body=b'')\n`;
}

function js(a: Arm, b: Arm, swap: boolean, ternary: boolean, kind = 0): string {
  const [x, y] = swap ? [b, a] : [a, b];
  const test = JS_TESTS[kind];
  const cond = swap ? `!${test}` : test;
  const body = (v: Arm) => `{ out = ${v.assign ?? 'out'}; dst = ${v.bucket};${v.ret ? ' return;' : ''} }`;
  const branch = ternary
    ? `  out = ${cond} ? (${x.assign ?? 'out'}) : (${y.assign ?? 'out'});\n  const params = ${cond} ? { Bucket: ${x.bucket}, Key: out } : { Bucket: ${y.bucket}, Key: out };`
    : `  if (${cond}) ${body(x)} else ${body(y)}\n  const params = { Bucket: dst, Key: out };`;
  return `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');\nconst s3 = new S3Client({});\nexports.handler = async (event) => {\n  const bucket = event.Records[0].s3.bucket.name;\n  const key = event.Records[0].s3.object.key;\n  const name = key.split('/').pop();\n  let out = 'in/first-' + name;\n  let dst = bucket;\n${branch}\n  await s3.send(new PutObjectCommand(params));\n};\n`;
}

describe('swapping the arms of a branch (condition negated) never changes a finding', () => {
  for (const [lang, gen, keys, file, runtime] of [
    ['Python', py, PY_KEYS, 'index.py', 'python3.12'],
    ['JavaScript', js, JS_KEYS, 'index.js', 'nodejs20.x'],
  ] as const) {
    it(`${lang}: if/else and ternaries`, () => {
      fc.assert(
        fc.property(arm(keys), arm(keys), fc.boolean(), fc.integer({ min: 0, max: 3 }), (a, b, ternary, kind) => {
          const before = findings(file, gen(a, b, false, ternary, kind), runtime);
          const after = findings(file, gen(a, b, true, ternary, kind), runtime);
          expect(after).toEqual(before);
        }),
        { numRuns: 80, seed: 26 },
      );
    });
  }
  it('the property can fail: two different arms give different findings (the positive control)', () => {
    const loop = findings(
      'index.py',
      py(
        { assign: "'in/' + name + '.jpg'", bucket: 'bucket', ret: false },
        { assign: "'in/' + name + '.jpg'", bucket: 'bucket', ret: false },
        false,
        false,
      ),
      'python3.12',
    );
    const safe = findings(
      'index.py',
      py(
        { assign: "'done/' + name", bucket: 'bucket', ret: false },
        { assign: "'done/' + name", bucket: 'bucket', ret: false },
        false,
        false,
      ),
      'python3.12',
    );
    expect(loop).toHaveLength(1);
    expect(safe).toEqual([]);
  });
});
