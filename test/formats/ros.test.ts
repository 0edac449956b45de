// The ROS adapter (native ALIYUN::FC::Trigger resources) and the ROS intrinsic functions.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { Unknown } from '../../src/model/model.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers.js';

function model(text: string) {
  const src = parseSource('template.yml', text);
  return { ...buildModel([src], { env: {} }, new Set(['template.yml'])), text, src };
}
const slice = (text: string, at: { start: number; end: number }) => text.slice(at.start, at.end);

const BASE = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  BucketName:
    Type: String
    Default: storfiles
  Folder:
    Type: String
    Default: source
Resources:
  OssBucket:
    Type: ALIYUN::OSS::Bucket
    Properties:
      BucketName:
        Ref: BucketName
  Role:
    Type: ALIYUN::RAM::Role
    Properties:
      Policies:
        - PolicyName: write
          PolicyDocument:
            Version: '1'
            Statement:
              - Action: [oss:PutObject]
                Effect: Allow
                Resource: [acs:oss:*:*:storfiles/zips/*]
  Service:
    Type: ALIYUN::FC::Service
    Properties:
      ServiceName: svc
      Role:
        Fn::GetAtt: [Role, Arn]
  Compress:
    Type: ALIYUN::FC::Function
    Properties:
      FunctionName: compress
      ServiceName:
        Fn::GetAtt: [Service, ServiceName]
  Trigger:
    Type: ALIYUN::FC::Trigger
    Properties:
      FunctionName:
        Fn::GetAtt: [Compress, FunctionName]
      ServiceName: !GetAtt Service.ServiceName
      TriggerName: compress_trigger
      TriggerType: oss
      SourceArn:
        Fn::Join: [':', [acs:oss, {Ref: ALIYUN::Region}, {Ref: ALIYUN::TenantId}, {'Fn::GetAtt': [OssBucket, Name]}]]
      TriggerConfig:
        BucketName:
          Ref: BucketName
        Events: [oss:ObjectCreated:PutObject]
        Filter:
          Key:
            Prefix:
              Fn::Join: ['', [{Ref: Folder}, /]]
            Suffix: ''
  Timer:
    Type: ALIYUN::FC::Trigger
    Properties:
      FunctionName: compress
      ServiceName: svc
      TriggerName: tick
      TriggerType: timer
      TriggerConfig: { CronExpression: '@every 5m', Enable: true }
`;

describe('ros adapter', () => {
  const m = model(BASE);
  const t = m.model.storageTriggers[0];

  it('detects ROS templates with ALIYUN::FC::Trigger resources', () => {
    expect(m.formats.get('template.yml')).toBe('ros');
  });
  it('parses !Ref / !GetAtt / !Sub / !Join tags without syntax errors', () => {
    const tags = model(
      BASE.replace(
        'ServiceName: !GetAtt Service.ServiceName',
        "ServiceName: !Sub '${Service.ServiceName}'\n      Description: !Join ['', [a, !Ref Folder]]",
      ),
    );
    expect(tags.src.syntax).toEqual([]);
  });
  it('links a trigger to its function through Fn::GetAtt, and by literal FunctionName', () => {
    expect(m.model.functions.map((f) => f.name.value)).toEqual(['compress']);
    expect(m.model.triggers.map((x) => x.function.name.value)).toEqual(['compress', 'compress']);
  });
  it('resolves Ref to a parameter Default, located at the reference with the Default as origin', () => {
    expect(t.bucket.value).toBe('storfiles');
    expect(slice(m.text, t.bucket.at)).toBe('Ref: BucketName');
    expect(slice(m.text, t.bucket.origin!)).toBe('storfiles');
  });
  it('evaluates Fn::Join over parameters', () => {
    expect(t.prefix.value).toBe('source/');
    expect(t.suffix.value).toBe('');
  });
  it('leaves pseudo parameters such as ALIYUN::Region unknown', () => {
    expect(t.bucketRegion?.value ?? new Unknown('none')).toBeInstanceOf(Unknown);
  });
  it('follows the service role to its RAM policies for write targets', () => {
    expect(t.function.writes.map((w) => [w.via, w.bucket?.value, w.prefix?.value])).toEqual([
      ['policy', 'storfiles', 'zips/'],
    ]);
  });
  it('models a timer trigger with its schedule', () => {
    expect(m.model.triggers[1]).toMatchObject({ kind: 'timer', schedule: { value: '@every 5m' } });
  });
  it('resolves Fn::GetAtt of a bucket Name and Fn::Sub with ${Resource.Attr}', () => {
    const text = BASE.replace(
      /BucketName:\n {10}Ref: BucketName\n {8}Events/,
      "BucketName: !Sub '${OssBucket.Name}'\n        Events",
    );
    expect(model(text).model.storageTriggers[0].bucket.value).toBe('storfiles');
  });
  it('records Fn::Sub references and Fn::GetAtt of resources that do not exist', () => {
    const text = BASE.replace(
      /BucketName:\n {10}Ref: BucketName\n {8}Events/,
      "BucketName: !Sub '${OssBuckit.Name}-x'\n        Events",
    );
    const refs = model(text).model.files[0].undefinedRefs;
    expect(refs.map((r) => slice(text, r.at))).toEqual(['${OssBuckit.Name}']);
    expect(refs[0].message).toContain('did you mean "OssBucket"?');
  });
  it('is not claimed for ROS templates without FC triggers', () => {
    const plain = model("ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  B:\n    Type: ALIYUN::OSS::Bucket\n");
    expect(plain.formats.get('template.yml')).toBeNull();
  });
  it('reads the real aliyun/ros-templates file-processing solution: bucket from a parameter Default, prefix from Fn::Join', () => {
    const real = model(
      readFileSync(
        join(
          CORPUS,
          'configs',
          'aliyun-funcraft-ros',
          'aliyun__ros-templates__solutions__serviceless-compute__fc-web-file-backend-service.yml',
        ),
        'utf8',
      ),
    );
    const st = real.model.storageTriggers[0];
    expect([st.function.name.value, st.bucket.value, st.prefix.value, st.suffix.value]).toEqual([
      'compress',
      'storfiles',
      'source/',
      '',
    ]);
    expect(st.function.writes).toEqual([]); // its role grants oss:* on "*": no named bucket
  });
});
