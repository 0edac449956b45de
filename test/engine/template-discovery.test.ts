// Directory scans find ROS, Funcraft and SAM templates by content, not only by the names
// template.yml / template.yaml: any *.yml / *.yaml a format adapter detects, as naming the file
// would; the Source parsed to decide is the one the engine lints (a scan parses a file once).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entrySource, expandPaths } from '../../src/engine/files.js';
import { detectedSource } from '../../src/engine/content-detect.js';
import { parseSource } from '../../src/source/source.js';
import { cli } from '../e2e/run.js';

const ROS = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Fn:
    Type: ALIYUN::FC::Function
    Properties: { ServiceName: svc, FunctionName: fn, Handler: index.handler, Runtime: python3 }
  Upload:
    Type: ALIYUN::FC::Trigger
    Properties:
      ServiceName: svc
      FunctionName: !GetAtt Fn.FunctionName
      TriggerName: upload
      TriggerType: oss
      TriggerConfig:
        BucketName: media
        Events: [oss:ObjectCreated:PutObject]
        Filter: { Key: { Prefix: /in/, Suffix: '' } }
`;
const FUNCRAFT = `# a Funcraft project
Transform:
  - 'Aliyun::Serverless-2018-04-03'
Resources:
  svc:
    Type: 'Aliyun::Serverless::Service'
    fn:
      Type: 'Aliyun::Serverless::Function'
      Properties: { Handler: index.handler, Runtime: python3, CodeUri: './' }
`;
const SAM = 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources: {}\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-sniff-'));
  mkdirSync(join(dir, 'infra'));
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, 'infra', 'stack.yml'), ROS);
  writeFileSync(join(dir, 'infra', 'fun.yaml'), FUNCRAFT);
  writeFileSync(join(dir, 'deploy', 'sam-api.yaml'), SAM);
  writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx\n');
  writeFileSync(join(dir, 'deploy', 'other.yaml'), 'Transform: MyCompany::Macro\nResources: {}\n');
  writeFileSync(join(dir, 'deploy', 'nested.yaml'), 'config:\n  ROSTemplateFormatVersion: x\n');
  writeFileSync(
    join(dir, 'late.yaml'),
    `${'# header\n'.repeat(200)}ROSTemplateFormatVersion: '2015-09-01'\nResources: {}\n`,
  );
  writeFileSync(join(dir, 'notes.txt'), ROS);
});

describe('template discovery by content', () => {
  it('finds *.yml / *.yaml files with ROSTemplateFormatVersion or a known Transform at the top level', () => {
    const found = expandPaths([dir], dir).map((e) => e.display);
    expect(found).toEqual(['deploy/sam-api.yaml', 'infra/fun.yaml', 'infra/stack.yml']);
  });
  it('detects as naming does: a top-level key (not a nested one), a known Transform in scalar or list form', () => {
    expect(detectedSource('a.yaml', ROS)).toBeDefined();
    expect(detectedSource('a.yaml', FUNCRAFT)).toBeDefined();
    expect(detectedSource('a.yaml', SAM)).toBeDefined();
    expect(detectedSource('a.yaml', '\uFEFFTransform: [AWS::Serverless-2016-10-31]\nResources: {}\n')).toBeDefined();
    expect(detectedSource('a.yaml', 'Transform: MyCompany::Macro\nResources: {}\n')).toBeUndefined();
    expect(detectedSource('a.yaml', 'config:\n  ROSTemplateFormatVersion: x\n')).toBeUndefined();
  });
  it('hands the Source it parsed to decide on to the engine, and only while the text is unchanged', () => {
    const entries = expandPaths([dir], dir);
    const stack = entries.find((e) => e.display === 'infra/stack.yml')!;
    const parsed = stack.parsed!;
    expect(parsed.docs.length).toBe(1);
    const reparse = (path: string, text: string) => parseSource(path, text);
    const source = entrySource(stack, ROS, [], reparse);
    expect(source.docs).toBe(parsed.docs); // the same Document objects: not parsed again
    expect(source.path).toBe('infra/stack.yml');
    expect(stack.parsed).toBeUndefined(); // the entry does not keep it
    // edited since the scan: parsed afresh
    const [again] = expandPaths([join(dir, 'infra')], dir).filter((e) => e.display === 'infra/stack.yml');
    const first = again.parsed!;
    const edited = entrySource(again, `${ROS}# edited\n`, [], reparse);
    expect(edited.docs).not.toBe(first.docs);
    expect(edited.text.endsWith('# edited\n')).toBe(true);
  });
  it('the CLI lints a ROS template under a name of its own choosing', () => {
    const r = cli(['.', '--rule', 'recursive-trigger=off'], { cwd: dir });
    expect(r.stdout).toMatch(/^infra\/stack\.yml:16:\d+: .+\[prefix-leading-slash\]$/m);
    expect(r.code).toBe(1);
  });
});
