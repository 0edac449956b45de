// Worst-case inputs for `npm run bench -- --worst` (issue #25): small files whose cost used to
// grow exponentially or quadratically. Each is written to bench/out/worst/<name>/ and linted
// alone; the budget of every case is 2 s wall (DESIGN.md §6 worst cases).
//   sls-self       serverless.yml, 14 levels of ${self:custom.v<i>}, four references per level
//   devs-vars      s.yaml, the same shape with ${vars.v<i>}
//   ros-sub        ROS template, 12 nested Fn::Sub with four ${a} each
//   overlap-2000   2,000 identical OSS triggers on one bucket (findings linear, not pairwise)
//   shared-1, -10  1 and 10 functions sharing one 36 KB Node.js handler
//   sam-src-1, -3  SAM functions (1, 3) whose CodeUri is a copy of this repository's src/ (TypeScript)
//   chain-500      a Python handler importing a chain of 500 local modules, each importing the next
//   globs          11 s.yaml files and a 798-byte .trigger-lint.yaml with brace globs in `ignore`
//   events/        a 6 KB and a 60 KB one-line COS event with many errors, 100,000-deep JSON
//   folder-300     300 typical files (for `--concurrency 100000`)
//   brackets       190 KB legacy fc s.yaml whose filters are flow sequences nested 500 deep, one
//                  key repeated (the shape of fuzz input 13523, seed 1: 2.2 s of CPU before the
//                  duplicate-key finder stopped indexing the whole CST)
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { typicalFile } from './generate.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const LEVELS = 14;

export function slsSelf(levels = LEVELS) {
  const lines = ['service: worst', 'provider:', '  name: aws', 'custom:', '  v0: a'];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `  v${i}: \${self:custom.v${i - 1}}\${self:custom.v${i - 1}}\${self:custom.v${i - 1}}\${self:custom.v${i - 1}}`,
    );
  lines.push(
    'functions:',
    '  f:',
    '    handler: h.handler',
    '    events:',
    '      - s3:',
    `          bucket: \${self:custom.v${levels}}`,
    '          event: s3:ObjectCreated:*',
  );
  return lines.join('\n') + '\n';
}

export function devsVars(levels = LEVELS) {
  const lines = ['edition: 3.0.0', 'name: worst', 'vars:', '  v0: a'];
  for (let i = 1; i <= levels; i++)
    lines.push(`  v${i}: \${vars.v${i - 1}}\${vars.v${i - 1}}\${vars.v${i - 1}}\${vars.v${i - 1}}`);
  lines.push(
    'resources:',
    '  f:',
    '    component: fc3',
    '    props:',
    '      region: cn-hangzhou',
    '      functionName: f',
    '      runtime: nodejs18',
    '      handler: index.handler',
    '      triggers:',
    '        - triggerName: t',
    '          triggerType: oss',
    `          sourceArn: acs:oss:cn-hangzhou:123:\${vars.v${levels}}`,
    '          triggerConfig:',
    '            events: [oss:ObjectCreated:*]',
  );
  return lines.join('\n') + '\n';
}

export function rosSub(levels = 12) {
  let v = "'x'";
  for (let i = 0; i < levels; i++) v = `{'Fn::Sub': ['\${a}\${a}\${a}\${a}', {a: ${v}}]}`;
  return `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Bucket:
    Type: ALIYUN::OSS::Bucket
    Properties:
      BucketName: ${v}
  Fn:
    Type: ALIYUN::FC::Function
    Properties:
      ServiceName: s
      FunctionName: f
      Handler: index.handler
      Runtime: nodejs18
  Trig:
    Type: ALIYUN::FC::Trigger
    Properties:
      ServiceName: s
      FunctionName: f
      TriggerName: t
      TriggerType: oss
      SourceArn: {'Fn::Sub': ['acs:oss:cn-hangzhou:123:\${b}', {b: {Ref: Bucket}}]}
      TriggerConfig:
        events: [oss:ObjectCreated:*]
`;
}

export function overlap(count) {
  const lines = [
    'edition: 3.0.0',
    'name: overlap',
    'resources:',
    '  f:',
    '    component: fc3',
    '    props:',
    '      region: cn-hangzhou',
    '      functionName: f',
    '      runtime: nodejs18',
    '      handler: index.handler',
    '      triggers:',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(
      `        - triggerName: t${i}`,
      '          triggerType: oss',
      '          sourceArn: acs:oss:cn-hangzhou:123:one-bucket',
      '          triggerConfig:',
      '            events: [oss:ObjectCreated:*]',
      '            filter: {key: {prefix: in/}}',
    );
  }
  return lines.join('\n') + '\n';
}

/** fc3 functions sharing one ~36 KB handler (many small helpers, one write). */
export function shared(functions) {
  const lines = ['edition: 3.0.0', 'name: shared', 'resources:'];
  for (let i = 0; i < functions; i++) {
    lines.push(
      `  f${i}:`,
      '    component: fc3',
      '    props:',
      '      region: cn-hangzhou',
      `      functionName: f${i}`,
      '      runtime: nodejs18',
      '      handler: index.handler',
      '      code: ./code',
      '      triggers:',
      '        - triggerName: t',
      '          triggerType: oss',
      `          sourceArn: acs:oss:cn-hangzhou:123:bucket-${i}`,
      '          triggerConfig:',
      '            events: [oss:ObjectCreated:PutObject]',
      '            filter: {key: {prefix: in/}}',
    );
  }
  return lines.join('\n') + '\n';
}

export function sharedHandler() {
  const helpers = Array.from(
    { length: 300 },
    (_, i) =>
      `function helper${i}(value) {\n  const parts = String(value).split('/');\n  return parts.slice(0, -1).join('/') + '/${i}' + helper${(i + 1) % 300}.name;\n}\n`,
  ).join('\n');
  return `const OSS = require('ali-oss');\n${helpers}\nexports.handler = async (event) => {\n  const evt = JSON.parse(event.toString()).events[0];\n  const client = new OSS({ bucket: evt.oss.bucket.name });\n  let key = evt.oss.object.key;\n${Array.from({ length: 40 }, (_, i) => `  key = helper${i}(key);`).join('\n')}\n  await client.put('out/' + key, 'x');\n};\n`;
}

export function generateWorst(out) {
  const write = (p, text) => {
    mkdirSync(dirname(join(out, p)), { recursive: true });
    writeFileSync(join(out, p), text);
  };
  write('sls-self/serverless.yml', slsSelf());
  write('devs-vars/s.yaml', devsVars());
  write('ros-sub/template.yml', rosSub());
  write('overlap-1000/s.yaml', overlap(1000));
  write('overlap-2000/s.yaml', overlap(2000));
  for (const n of [1, 10]) {
    write(`shared-${n}/s.yaml`, shared(n));
    write(`shared-${n}/code/index.js`, sharedHandler());
  }
  for (const n of [1, 3]) {
    write(`sam-src-${n}/template.yaml`, samOverSrc(n));
    cpSync(join(root, 'src'), join(out, `sam-src-${n}`, 'src'), { recursive: true });
  }
  write('chain-500/s.yaml', chainYaml());
  write('chain-500/code/index.py', LOOP_PY.replace('IMPORTS', 'import m0'));
  for (let i = 0; i < 500; i++) write(`chain-500/code/m${i}.py`, i < 499 ? `import m${i + 1}\nX = 1\n` : 'X = 1\n');
  write('globs/.trigger-lint.yaml', braceConfig());
  for (let i = 0; i < 11; i++) write(`globs/svc-${i}/s.yaml`, typicalFile(i));
  write('events/cos-6k.json', cosEvent(6 * 1024));
  write('events/cos-60k.json', cosEvent(60 * 1024));
  write('events/deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  for (let i = 0; i < 300; i++) write(`folder-300/svc-${i}/s.yaml`, typicalFile(i));
  write('brackets/s.yaml', nestedBrackets());
  return out;
}

/** About 190 KB of legacy fc triggers whose filter is a flow sequence nested 500 deep; the first block repeats a key. */
export function nestedBrackets(depth = 500, bytes = 190 * 1024) {
  let text =
    'edition: 1.0.0\nservices:\n  f:\n    component: fc\n    props:\n      region: cn-hangzhou\n      function: { name: f }\n      triggers:\n';
  for (let i = 0; text.length < bytes; i++)
    text += [
      `        - name: t${i}`,
      '          type: oss',
      ...(i === 0 ? ['          type: oss'] : []),
      '          config:',
      '            bucketName: media',
      '            events: [oss:ObjectCreated:PutObject]',
      `            filter: ${'['.repeat(depth)}x${']'.repeat(depth)}`,
      '',
    ].join('\n');
  return text;
}

const LOOP_PY = `import oss2, json
IMPORTS
def handler(event, context):
    e = json.loads(event)['events'][0]
    b = oss2.Bucket(None, 'x', e['oss']['bucket']['name'])
    b.put_object('in/' + e['oss']['object']['key'], b'')
`;

/** One fc3 function whose Python handler (code/index.py) loops and imports a chain of 500 modules. */
function chainYaml() {
  return `edition: 3.0.0
name: chain
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
          sourceArn: acs:oss:cn-hangzhou:123:chain-bucket
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: {key: {prefix: in/}}
`;
}

/** A 798-byte configuration whose `ignore` globs would expand their braces to millions of patterns. */
export function braceConfig() {
  const lines = ['# brace globs that expand to millions of patterns', 'ignore:'];
  const globs = [
    `${'{a,b}'.repeat(20)}/s.yaml`,
    `${'{x,y,z}'.repeat(14)}/**`,
    '{1..10000000}/s.yaml',
    `svc-{${Array.from({ length: 40 }, (_, i) => i).join(',')}}/{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}{s,t}/*.yaml`,
    `{${Array.from({ length: 30 }, (_, i) => `d${i}`).join(',')}}/{${Array.from({ length: 30 }, (_, i) => `e${i}`).join(',')}}/{1..999}/**`,
  ];
  for (const g of globs) lines.push(`  - "${g}"`);
  let text = lines.join('\n') + '\n';
  while (text.length < 798) text += '#';
  return text.slice(0, 797) + '\n';
}

/** The COS event of test/corpus/events/tencent/doc-cos.json on one line, records (each with three errors) repeated to `bytes`. */
export function cosEvent(bytes) {
  const e = JSON.parse(readFileSync(join(root, 'test', 'corpus', 'events', 'tencent', 'doc-cos.json'), 'utf8'));
  const r = e.Records[0];
  r.event.eventName = 123;
  r.cos.cosObject.size = 'big';
  const one = JSON.stringify(r).length + 1;
  e.Records = Array.from({ length: Math.max(1, Math.round(bytes / one)) }, () => r);
  return JSON.stringify(e);
}

/** A SAM template whose functions' CodeUri is a copy of this repository's own src/ (a large TypeScript project). */
export function samOverSrc(functions) {
  const lines = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Uploads:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: uploads-bucket',
  ];
  for (let i = 0; i < functions; i++) {
    lines.push(
      `  Fn${i}:`,
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      CodeUri: src/',
      '      Handler: index.handler',
      '      Runtime: nodejs20.x',
      '      Events:',
      '        Upload:',
      '          Type: S3',
      '          Properties:',
      '            Bucket: !Ref Uploads',
      '            Events: s3:ObjectCreated:*',
    );
  }
  return lines.join('\n') + '\n';
}
