// The aws-sam adapter and the CloudFormation intrinsics it evaluates (!Ref, !Sub, {Ref: X}).
import { describe, expect, it } from 'vitest';
import { Unknown, isTimer } from '../../src/model/model.js';
import { model, at } from './build-model.js';
import { lintTexts, only } from '../helpers.js';

const TEXT = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Prefix: { Type: String, Default: sam }
Globals:
  Function:
    Environment:
      Variables:
        OUTPUT_BUCKET: !Ref Results
Resources:
  Resize:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Policies:
        - S3CrudPolicy:
            BucketName: !Sub "\${Prefix}-photos"
        - Statement:
            - Effect: Allow
              Action: s3:PutObject
              Resource: arn:aws:s3:::archive/thumbs/*
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Photos
            Events: [s3:ObjectCreated:Put, s3:ObjectCreated:Post]
            Filter:
              S3Key:
                Rules:
                  - Name: prefix
                    Value: uploads/
                  - Name: suffix
                    Value: .jpg
        Nightly:
          Type: Schedule
          Properties: { Schedule: rate(1 day) }
  Photos:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${Prefix}-photos"
  Results:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: my-results
`;

describe('aws-sam adapter', () => {
  const m = model('template.yaml', TEXT);
  const t = m.storage[0];
  it('detects the SAM transform; !Ref and !Sub tags parse without syntax findings', () => {
    expect(m.formats.get('template.yaml')).toBe('aws-sam');
    expect(m.sources[0].syntax).toEqual([]);
  });
  it('identifies a !Ref bucket whose BucketName is not literal by its logical id within this template, located at the id', () => {
    expect(t.bucket.value).toBe('template.yaml#Photos');
    expect(at(m.text, t.bucket)).toBe('Photos');
  });
  it('reads Filter.S3Key.Rules into prefix and suffix, located at each Value', () => {
    expect(at(m.text, t.prefix)).toBe('uploads/');
    expect(at(m.text, t.suffix)).toBe('.jpg');
    expect(t.events.value).toEqual(['ObjectCreated:Put', 'ObjectCreated:Post']);
  });
  it('turns S3CrudPolicy, inline PutObject statements and !Ref env vars into write targets', () => {
    const w = m.model.functions[0].writes.map((x) => [x.via, x.bucket?.value, x.prefix?.value]);
    expect(w).toEqual([
      ['env', 'my-results', undefined],
      ['policy', 'template.yaml#Photos', undefined],
      ['policy', 'archive', 'thumbs/'],
    ]);
  });
  it("has no region (the stack's) and fills a Schedule as an AWS timer", () => {
    expect(m.model.functions[0].region).toBeUndefined();
    const timer = m.model.triggers[1];
    expect(isTimer(timer) && [timer.schedule.value, timer.dialect]).toEqual(['rate(1 day)', 'aws']);
  });
  it('detects a template without Transform by its AWS::Serverless::Function resources, with {Ref: X} buckets', () => {
    const m2 = model(
      't.yaml',
      `Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        E:
          Type: S3
          Properties:
            Bucket:
              Ref: Images
            Events: s3:ObjectCreated:*
  Images:
    Type: AWS::S3::Bucket
    Properties: { BucketName: images-bucket }
`,
    );
    expect(m2.formats.get('t.yaml')).toBe('aws-sam');
    expect(m2.storage[0].bucket.value).toBe('images-bucket');
  });
  it('keeps buckets with one logical id in two templates apart', () => {
    const body = (p: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        E: { Type: S3, Properties: { Bucket: !Ref B, Events: s3:ObjectCreated:* } }
  B: { Type: AWS::S3::Bucket }
# ${p}
`;
    const r = lintTexts({ 'a/template.yaml': body('a'), 'b/template.yaml': body('b') }, only('trigger-overlap'));
    expect(r.files.flatMap((f) => f.findings)).toEqual([]);
  });
  it('leaves a bucket named by a parameter unknown and says SAM needs a bucket of the template', () => {
    const m3 = model(
      'template.yaml',
      `Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        E: { Type: S3, Properties: { Bucket: !Ref Param, Events: s3:ObjectCreated:* } }
`,
    );
    expect(m3.storage[0].bucket.value).toBeInstanceOf(Unknown);
    expect(m3.model.files[0].formatIssues?.map((i) => at(m3.text, i.at))).toEqual(['Param']);
  });
});

describe('aws-sam: messages name a template bucket by its logical id, never by the internal identity (issue #16, point 9)', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Resize:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - S3CrudPolicy: { BucketName: !Ref SrcBucket }
      Events:
        Upload: { Type: S3, Properties: { Bucket: !Ref SrcBucket, Events: s3:ObjectCreated:* } }
        Again: { Type: S3, Properties: { Bucket: !Ref SrcBucket, Events: s3:ObjectCreated:Put } }
  SrcBucket:
    Type: AWS::S3::Bucket
`;
  const r = lintTexts({ 'template.yaml': text }, only('trigger-overlap', 'recursive-trigger'));
  const messages = r.files.flatMap((f) =>
    f.findings.flatMap((x) => [x.message, ...(x.related ?? []).map((y) => y.message)]),
  );
  it('says "bucket SrcBucket (defined in template.yaml)"', () => {
    expect(
      messages.filter((m) => m.includes('bucket SrcBucket (defined in template.yaml)')).length,
    ).toBeGreaterThanOrEqual(2);
  });
  it('shows no "template.yaml#SrcBucket" anywhere', () => {
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.filter((m) => m.includes('#'))).toEqual([]);
  });
});

describe('aws-sam: the trigger graph (CLI graph, Action summary) labels a template bucket by its logical id too', () => {
  it('draws "SrcBucket (defined in template.yaml)", not the identity', async () => {
    const { buildGraph, toMermaid } = await import('../../src/graph/index.js');
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Policies: [{ S3CrudPolicy: { BucketName: !Ref SrcBucket } }]
      Events:
        E: { Type: S3, Properties: { Bucket: !Ref SrcBucket, Events: s3:ObjectCreated:* } }
  SrcBucket: { Type: AWS::S3::Bucket }
`;
    const m = model('template.yaml', text);
    const result = lintTexts({ 'template.yaml': text }, only('recursive-trigger'));
    const graph = toMermaid(buildGraph(m.model, result));
    expect(graph).toContain('SrcBucket #40;defined in template.yaml#41;'); // Mermaid entities for ( and )
    expect(graph).not.toContain('template.yaml#SrcBucket');
  });
});
