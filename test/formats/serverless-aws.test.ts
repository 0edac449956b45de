// The serverless-aws adapter (Serverless Framework, provider.name: aws).
import { describe, expect, it } from 'vitest';
import { Unknown, isHttp, isTimer } from '../../src/model/model.js';
import { model, at } from './build-model.js';

const TEXT = `service: photos
custom:
  bucket: photos-bucket
provider:
  name: aws
  region: us-east-1
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [s3:GetObject, s3:PutObject]
          Resource: arn:aws:s3:::photos-bucket/*
functions:
  resize:
    handler: resize.handler
    environment:
      DEST_PREFIX: resized/
    events:
      - s3:
          bucket: \${self:custom.bucket}
          event: s3:ObjectCreated:Put
          rules:
            - prefix: uploads/
            - suffix: .jpg
      - s3: legacy
      - s3:
          bucket: \${opt:bucket}
      - schedule: rate(10 minutes)
      - http: { path: /resize, method: post }
`;

describe('serverless-aws adapter', () => {
  const m = model('serverless.yml', TEXT);
  const [s3, legacy, opt] = m.storage;
  it('detects provider.name: aws', () => {
    expect(m.formats.get('serverless.yml')).toBe('serverless-aws');
    expect(m.model.functions[0].vendor).toBe('aws');
  });
  it('reads bucket (through ${self:…}), event and rules, located', () => {
    expect(s3.bucket.value).toBe('photos-bucket');
    expect(at(m.text, s3.bucket)).toBe('${self:custom.bucket}');
    expect(s3.events.value).toEqual(['ObjectCreated:Put']);
    expect(at(m.text, s3.prefix)).toBe('uploads/');
    expect(at(m.text, s3.suffix)).toBe('.jpg');
  });
  it('reads the short form - s3: <bucket> with the default event s3:ObjectCreated:*', () => {
    expect(at(m.text, legacy.bucket)).toBe('legacy');
    expect(legacy.events.value).toEqual(['ObjectCreated:*']);
    expect(legacy.prefixDeclared).toBe(false);
  });
  it('treats ${opt:…} as unknown', () => {
    expect(opt.bucket.value).toBeInstanceOf(Unknown);
    expect(m.model.files[0].undefinedRefs).toEqual([]);
  });
  it('turns an IAM statement granting s3:PutObject into a write target and a DEST_PREFIX into an output prefix', () => {
    const w = m.model.functions[0].writes.map((x) => [x.via, x.bucket?.value, x.prefix?.value]);
    expect(w).toEqual([
      ['env', undefined, 'resized/'],
      ['policy', 'photos-bucket', undefined],
    ]);
  });
  it('fills schedule and http events', () => {
    const [, , , timer, http] = m.model.triggers;
    expect(isTimer(timer) && timer.schedule.value).toBe('rate(10 minutes)');
    expect(isHttp(http) && [http.methods?.value, http.path?.value]).toEqual([['POST'], '/resize']);
  });
});
