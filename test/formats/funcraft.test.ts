// The Funcraft adapter (ROS transform Aliyun::Serverless-2018-04-03), seen through the Model.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { Unknown } from '../../src/model/model.js';

function model(text: string) {
  return { ...buildModel([parseSource('template.yml', text)], { env: {} }, new Set(['template.yml'])), text };
}
const slice = (text: string, at: { start: number; end: number }) => text.slice(at.start, at.end);

const BASE = `ROSTemplateFormatVersion: '2015-09-01'
Transform: 'Aliyun::Serverless-2018-04-03'
Parameters:
  Bucket:
    Type: String
    Default: coco-superme
  Folder:
    Type: String
Resources:
  oss-svc:
    Type: 'Aliyun::Serverless::Service'
    Properties:
      Policies:
        - AliyunOSSReadOnlyAccess
        - Version: '1'
          Statement:
            - Effect: Allow
              Action: ['oss:*']
              Resource: 'acs:oss:*:*:coco-superme/*'
    oss-fn:
      Type: 'Aliyun::Serverless::Function'
      Properties:
        Handler: index.handler
        EnvironmentVariables:
          DST_PREFIX: thumbs/
      Events:
        upper:
          Type: OSS
          Properties:
            BucketName: coco-superme
            Events: [oss:ObjectCreated:*]
            Filter:
              Key:
                Prefix: source/
                Suffix: .png
        lower:
          Type: OSS
          Properties:
            bucketName: !Ref Bucket
            events: [oss:ObjectRemoved:DeleteObject]
            filter:
              key:
                prefix: {Ref: Folder}
                suffix: .png
        open:
          Type: OSS
          Properties:
            BucketName: {'Fn::Sub': '\${Bucket}'}
            Events: [oss:ObjectCreated:PutObject]
            Filter: null
        web:
          Type: HTTP
          Properties:
            AuthType: ANONYMOUS
            Methods: ['GET']
`;

describe('funcraft adapter', () => {
  const m = model(BASE);
  const [upper, lower, open] = m.model.storageTriggers;

  it('detects templates with the Aliyun::Serverless transform', () => {
    expect(m.formats.get('template.yml')).toBe('funcraft');
  });
  it('finds functions nested under their service, named by their key', () => {
    expect(m.model.functions.map((f) => f.name.value)).toEqual(['oss-fn']);
    expect(m.model.triggers.map((t) => t.name.value)).toEqual(['upper', 'lower', 'open', 'web']);
  });
  it('reads BucketName/Events/Filter.Key.Prefix/Suffix at their values', () => {
    expect(upper.bucket.value).toBe('coco-superme');
    expect(slice(m.text, upper.bucket.at)).toBe('coco-superme');
    expect(upper.events.value).toEqual(['ObjectCreated:*']);
    expect(slice(m.text, upper.prefix.at)).toBe('source/');
    expect(upper.suffix.value).toBe('.png');
  });
  it('reads the lower-case spellings, resolving !Ref to a parameter Default and leaving one without Default unknown', () => {
    expect(lower.bucket.value).toBe('coco-superme');
    expect(slice(m.text, lower.bucket.at)).toBe('!Ref Bucket');
    expect(lower.bucket.origin && slice(m.text, lower.bucket.origin)).toBe('coco-superme');
    expect(lower.prefix.value).toBeInstanceOf(Unknown);
    expect(lower.suffix.value).toBe('.png');
  });
  it('resolves Fn::Sub and reads Filter: null as no filter', () => {
    expect(open.bucket.value).toBe('coco-superme');
    expect(open.prefix.value).toBe('');
    expect(open.prefixDeclared || open.suffixDeclared).toBe(false);
  });
  it('takes the bucket region to be the deploy region (no bucketRegion)', () => {
    expect(upper.bucketRegion).toBeUndefined();
  });
  it('adds policy documents of the service as write targets, after the env output prefix', () => {
    expect(m.model.functions[0].writes.map((w) => [w.via, w.bucket?.value, w.prefix?.value])).toEqual([
      ['env', undefined, 'thumbs/'],
      ['policy', 'coco-superme', undefined],
    ]);
  });
  it('lower-cases the HTTP AuthType as Funcraft sends it', () => {
    expect(m.model.triggers[3]).toMatchObject({
      kind: 'http',
      authType: { value: 'anonymous' },
      methods: { value: ['GET'] },
    });
  });
  it('records a Ref to a name the template does not declare', () => {
    const text = BASE.replace('!Ref Bucket', '!Ref Bukket');
    const refs = model(text).model.files[0].undefinedRefs;
    expect(refs.map((r) => [slice(text, r.at), r.message])).toEqual([
      [
        '!Ref Bukket',
        'undefined reference "Ref: Bukket": the template has no parameter or resource "Bukket"; did you mean "Bucket"?',
      ],
    ]);
  });
});
