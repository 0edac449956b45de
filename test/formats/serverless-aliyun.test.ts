// The Serverless Framework + serverless-aliyun-function-compute adapter, seen through the Model.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { Unknown } from '../../src/model/model.js';

function model(text: string, env: Record<string, string> = {}) {
  return { ...buildModel([parseSource('serverless.yml', text)], { env }, new Set(['serverless.yml'])), text };
}
const slice = (text: string, at: { start: number; end: number }) => text.slice(at.start, at.end);

const BASE = `service: my-service
provider:
  name: aliyun
  region: cn-hangzhou
  ramRoleStatements:
    - Effect: Allow
      Action: [oss:PutObject]
      Resource: ['acs:oss:*:*:my-bucket/*']
functions:
  resize:
    handler: index.handler
    environment:
      OUTPUT_DIR: resized/
    events:
      - oss:
          sourceArn: acs:oss:cn-shanghai:\${env:ALIYUN_ACCOUNT}:my-bucket
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter:
              key:
                prefix: source/
      - http:
          path: /resize
          method: post
`;

describe('serverless-aliyun adapter', () => {
  const m = model(BASE);
  const t = m.model.storageTriggers[0];
  it('detects serverless.yml with provider.name aliyun', () => {
    expect(m.formats.get('serverless.yml')).toBe('serverless-aliyun');
  });
  it('takes bucket and region from sourceArn, each at its own segment, with ${env:X} unknown when unset', () => {
    expect(t.bucket.value).toBe('my-bucket');
    expect(slice(m.text, t.bucket.at)).toBe('my-bucket');
    expect(t.bucketRegion?.value).toBe('cn-shanghai');
    expect(t.bucketAccount?.value).toBeInstanceOf(Unknown);
    expect(model(BASE, { ALIYUN_ACCOUNT: '123' }).model.storageTriggers[0].bucketAccount?.value).toBe('123');
  });
  it('takes the function region from provider.region only when it is written', () => {
    expect(m.model.functions[0].region?.value).toBe('cn-hangzhou');
    expect(model(BASE.replace('  region: cn-hangzhou\n', '')).model.functions[0].region).toBeUndefined();
  });
  it('reads filter.key.prefix, leaving the absent suffix undeclared', () => {
    expect(slice(m.text, t.prefix.at)).toBe('source/');
    expect(t.suffixDeclared).toBe(false);
  });
  it('adds provider.ramRoleStatements and output env vars as write targets', () => {
    expect(m.model.functions[0].writes.map((w) => [w.via, w.bucket?.value, w.prefix?.value])).toEqual([
      ['env', undefined, 'resized/'],
      ['policy', 'my-bucket', undefined],
    ]);
  });
  it('models http events as gateway HTTP triggers', () => {
    expect(m.model.triggers[1]).toMatchObject({ kind: 'http', gateway: true, methods: { value: ['POST'] } });
  });
});
