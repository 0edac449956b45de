// Synthetic Serverless Devs fc3 inputs for the benchmark (written to bench/out/, not committed):
//   typical/s.yaml         a small real-world-shaped file: 3 functions, 5 OSS triggers, vars
//   big-2000/s.yaml        one file with 2,000 OSS triggers spread over 250 buckets
//   big-20000/s.yaml       one file with 20,000 OSS triggers spread over 2,500 buckets
//   big-50000/s.yaml       one file with 50,000 OSS triggers spread over 6,250 buckets
//   folder-2000/<n>/s.yaml 2,000 typical files, some sharing buckets across files
//   folder-10000/<n>/s.yaml 10,000 of them
//   real-fc3/s.yaml        a real 327-line fc3 file: test/corpus/configs/aliyun-fc3/devsapp__fc3____tests____complete-props.yaml
//   event/oss.json         a real OSS event: test/corpus/events/alibaba/awesomefc-oss-PostObject-2022.json
// Every big bucket holds 8 triggers (under the 10-per-bucket limit); one bucket in ten has two
// triggers with overlapping prefixes, and some functions write to a disjoint output prefix, so
// the overlap and recursion rules have real work (and real findings) at every size.
import { copyFileSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const OUT = join(here, 'out');

/** The typical file: what a user's s.yaml looks like (and what Spectral lints too). */
export function typicalFile(n = 0, bucketOf = (i) => `uploads-${n}-${i}`) {
  return `edition: 3.0.0
name: image-pipeline-${n}
access: default

vars:
  region: cn-hangzhou
  account: '1234567890123456'

resources:
  thumbnailer:
    component: fc3
    props:
      region: \${vars.region}
      functionName: thumbnailer-${n}
      runtime: nodejs18
      handler: index.handler
      memorySize: 512
      timeout: 60
      code: ./code
      environmentVariables:
        OUTPUT_PREFIX: thumbs/
      triggers:
        - triggerName: on-upload-jpg
          triggerType: oss
          sourceArn: acs:oss:\${vars.region}:\${vars.account}:${bucketOf(0)}
          triggerConfig:
            events:
              - oss:ObjectCreated:PutObject
              - oss:ObjectCreated:PostObject
            filter:
              key:
                prefix: src/
                suffix: .jpg
        - triggerName: on-upload-png
          triggerType: oss
          sourceArn: acs:oss:\${vars.region}:\${vars.account}:${bucketOf(0)}
          triggerConfig:
            events:
              - oss:ObjectCreated:*
            filter:
              key:
                prefix: src/
                suffix: .png

  archiver:
    component: fc3
    props:
      region: \${vars.region}
      functionName: archiver-${n}
      runtime: python3.10
      handler: index.handler
      code: ./code
      environmentVariables:
        DST_BUCKET: archive-${n}
      triggers:
        - triggerName: archive
          triggerType: oss
          sourceArn: acs:oss:\${vars.region}:\${vars.account}:${bucketOf(1)}
          triggerConfig:
            events:
              - oss:ObjectCreated:PutObject
            filter:
              key:
                prefix: raw/
                suffix: .tar
        - triggerName: cleanup
          triggerType: oss
          sourceArn: acs:oss:\${vars.region}:\${vars.account}:${bucketOf(1)}
          triggerConfig:
            events:
              - oss:ObjectRemoved:DeleteObject
            filter:
              key:
                prefix: raw/
                suffix: ''

  reporter:
    component: fc3
    props:
      region: \${vars.region}
      functionName: reporter-${n}
      runtime: nodejs18
      handler: index.handler
      code: ./code
      triggers:
        - triggerName: nightly
          triggerType: timer
          triggerConfig:
            cronExpression: '0 0 2 * * *'
            enable: true
        - triggerName: on-report
          triggerType: oss
          sourceArn: acs:oss:\${vars.region}:\${vars.account}:${bucketOf(2)}
          triggerConfig:
            events:
              - oss:ObjectCreated:PutObject
            filter:
              key:
                prefix: reports/
                suffix: .csv
`;
}

/** One file with `count` OSS triggers: 8 per bucket, 4 per function. */
export function bigFile(count) {
  const lines = [
    'edition: 3.0.0',
    `name: big-${count}`,
    'access: default',
    '',
    'vars:',
    '  region: cn-hangzhou',
    '',
    'resources:',
  ];
  const perFunction = 4;
  const perBucket = 8;
  for (let f = 0; f * perFunction < count; f++) {
    lines.push(
      `  fn${f}:`,
      '    component: fc3',
      '    props:',
      '      region: ${vars.region}',
      `      functionName: fn-${f}`,
      '      runtime: nodejs18',
      '      handler: index.handler',
      '      code: ./code',
    );
    if (f % 5 === 0) lines.push('      environmentVariables:', '        OUTPUT_PREFIX: out/');
    lines.push('      triggers:');
    for (let k = 0; k < perFunction && f * perFunction + k < count; k++) {
      const i = f * perFunction + k;
      const bucket = Math.floor(i / perBucket);
      const slot = i % perBucket;
      // One bucket in ten: slot 1 repeats slot 0's prefix ("in0/"), an overlap finding.
      const prefix = bucket % 10 === 0 && slot === 1 ? 'in0/' : `in${slot}/`;
      lines.push(
        `        - triggerName: t${i}`,
        '          triggerType: oss',
        `          sourceArn: acs:oss:\${vars.region}:1234567890123456:bucket-${bucket}`,
        '          triggerConfig:',
        '            events:',
        '              - oss:ObjectCreated:*',
        '            filter:',
        '              key:',
        `                prefix: ${prefix}`,
        '                suffix: .jpg',
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** One function with its handler code: an fc3 s.yaml and code/index.py (even n) or code/index.js (odd n), about 60 lines. */
export function codeFunction(n) {
  const py = n % 2 === 0;
  const yaml = `edition: 3.0.0
name: code-${n}
resources:
  resize-${n}:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: resize-${n}
      runtime: ${py ? 'python3.10' : 'nodejs18'}
      handler: index.handler
      code: ./code
      environmentVariables:
        THUMB_PREFIX: thumbs/
      triggers:
        - triggerName: on-upload
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:media-${n}
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter:
              key:
                prefix: ${n % 10 === 0 ? 'thumbs/' : 'uploads/'}
                suffix: .jpg
`;
  const helpers = Array.from({ length: 8 }, (_, i) =>
    py
      ? `def helper_${i}(value):\n    parts = value.split('/')\n    return '/'.join(parts[:-1]) + '/' + str(${i})\n`
      : `function helper${i}(value) {\n  const parts = value.split('/');\n  return parts.slice(0, -1).join('/') + '/${i}';\n}\n`,
  ).join('\n');
  const code = py
    ? `import json
import os

import oss2

${helpers}

def handler(event, context):
    evt = json.loads(event)['events'][0]
    creds = context.credentials
    auth = oss2.StsAuth(creds.access_key_id, creds.access_key_secret, creds.security_token)
    bucket = oss2.Bucket(auth, 'oss-' + evt['region'] + '-internal.aliyuncs.com', evt['oss']['bucket']['name'])
    key = evt['oss']['object']['key']
    data = bucket.get_object(key).read()
    bucket.put_object(os.environ['THUMB_PREFIX'] + os.path.basename(key), data)
`
    : `const OSS = require('ali-oss');
const path = require('path');

${helpers}
exports.handler = async (event, context) => {
  const evt = JSON.parse(event.toString()).events[0];
  const client = new OSS({ region: 'oss-' + evt.region, bucket: evt.oss.bucket.name, stsToken: context.credentials.securityToken });
  const key = evt.oss.object.key;
  const data = await client.get(key);
  await client.put(process.env.THUMB_PREFIX + path.basename(key), data.content);
};
`;
  return { yaml, code, file: py ? 'index.py' : 'index.js' };
}

/** One Terraform file of a module: an Alibaba function with an OSS trigger (heredoc config) and an AWS notification. */
export function terraformFile(n, bucketOf = (i) => `tf-uploads-${n}-${i}`) {
  return `variable "prefix_${n}" {
  default = "in-${n}/"
}

resource "alicloud_fc_function" "f${n}" {
  service = "svc"
  name    = "fn-${n}"
  runtime = "python3.10"
  handler = "index.handler"
  environment_variables = {
    OUTPUT_PREFIX = "out-${n}/"
  }
}

resource "alicloud_fc_trigger" "t${n}" {
  service    = "svc"
  function   = alicloud_fc_function.f${n}.name
  name       = "t${n}"
  type       = "oss"
  source_arn = "acs:oss:cn-hangzhou:123456789:${bucketOf(0)}"
  config     = <<EOF
{"events": ["oss:ObjectCreated:PutObject"], "filter": {"key": {"prefix": "\${var.prefix_${n}}", "suffix": ".jpg"}}}
EOF
}

resource "aws_s3_bucket" "b${n}" {
  bucket = "${bucketOf(1)}"
}

resource "aws_lambda_function" "l${n}" {
  function_name = "lambda-${n}"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
}

resource "aws_s3_bucket_notification" "n${n}" {
  bucket = aws_s3_bucket.b${n}.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.l${n}.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = "images/"
  }
}
`;
}

export function generate() {
  rmSync(OUT, { recursive: true, force: true });
  const write = (p, text) => {
    mkdirSync(dirname(join(OUT, p)), { recursive: true });
    writeFileSync(join(OUT, p), text);
  };
  write('typical/s.yaml', typicalFile(0));
  write('big-2000/s.yaml', bigFile(2000));
  write('big-20000/s.yaml', bigFile(20000));
  write('big-50000/s.yaml', bigFile(50000));
  // Folders of typical files; every 50th file reuses the bucket of the file before it (cross-file overlap).
  for (const count of [2000, 10000]) {
    for (let n = 0; n < count; n++) {
      const shared = n % 50 === 1 ? n - 1 : n;
      write(
        `folder-${count}/svc-${String(n).padStart(5, '0')}/s.yaml`,
        typicalFile(n, (i) => `uploads-${shared}-${i}`),
      );
    }
  }
  // Terraform: one module of 100 and one of 1,000 .tf files (linear in the files)
  for (const count of [100, 1000]) {
    for (let n = 0; n < count; n++) write(`tf-${count}/f${String(n).padStart(4, '0')}.tf`, terraformFile(n));
  }
  // 200 functions with handler code, half Python (oss2), half Node.js (ali-oss); every 10th loops
  for (let n = 0; n < 200; n++) {
    const f = codeFunction(n);
    const dir = `code-200/fn-${String(n).padStart(3, '0')}`;
    write(`${dir}/s.yaml`, f.yaml);
    write(`${dir}/code/${f.file}`, f.code);
  }
  const corpus = join(here, '..', 'test', 'corpus');
  mkdirSync(join(OUT, 'real-fc3'), { recursive: true });
  copyFileSync(
    join(corpus, 'configs', 'aliyun-fc3', 'devsapp__fc3____tests____complete-props.yaml'),
    join(OUT, 'real-fc3', 's.yaml'),
  );
  mkdirSync(join(OUT, 'event'), { recursive: true });
  copyFileSync(join(corpus, 'events', 'alibaba', 'awesomefc-oss-PostObject-2022.json'), join(OUT, 'event', 'oss.json'));
  return OUT;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`generated into ${generate()}`);
}
