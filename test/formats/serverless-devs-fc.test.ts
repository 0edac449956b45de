// The legacy Serverless Devs fc adapter (edition 1.0.0, component fc / devsapp/fc / fc-deploy), seen through the Model.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { Unknown, isStorage } from '../../src/model/model.js';

function model(text: string, path = 's.yaml') {
  const src = parseSource(path, text);
  return { ...buildModel([src], { env: {} }, new Set([path])), text };
}
const slice = (text: string, at: { start: number; end: number }) => text.slice(at.start, at.end);

const BASE = `edition: 1.0.0
name: app
vars:
  region: cn-hangzhou
  service:
    name: svc
    role:
      name: svc-role
      policies:
        - AliyunOSSReadOnlyAccess
        - name: write-back
          statement:
            - Effect: Allow
              Action:
                - oss:GetObject
                - oss:PutObject
              Resource: acs:oss:*:*:media/out/*
            - Effect: Deny
              Action: oss:*
              Resource: acs:oss:*:*:other/*
services:
  unzip:
    component: devsapp/fc
    props:
      region: \${vars.region}
      service: \${vars.service}
      function:
        name: unzip-fn
        environmentVariables:
          PROCESSED_DIR: /dst/
      triggers:
        - name: upper
          type: oss
          config:
            bucketName: media
            events: [oss:ObjectCreated:*]
            filter:
              Key:
                Prefix: src/
                Suffix: .zip
        - name: lower
          type: oss
          sourceArn: acs:oss:cn-shanghai:123:photos
          config:
            events:
              - oss:ObjectCreated:PutObject
            filter:
              key:
                prefix: in/
                suffix: ''
        - name: tick
          type: timer
          config:
            cronExpression: '0 0 8 * * *'
            enable: true
        - name: topic
          type: mns_topic
          config:
            topicName: test-topic
  flow:
    component: devsapp/fnf
    props:
      name: not-a-function
`;

describe('serverless-devs-fc adapter', () => {
  const m = model(BASE);
  const [upper, lower] = m.model.storageTriggers;

  it('detects edition 1 files whose services use the fc component, and skips other components', () => {
    expect(m.formats.get('s.yaml')).toBe('serverless-devs-fc');
    expect(m.model.functions.map((f) => f.name.value)).toEqual(['unzip-fn']);
  });
  it('resolves the region through ${vars.region} and keeps the reference location', () => {
    const fn = m.model.functions[0];
    expect(fn.region?.value).toBe('cn-hangzhou');
    expect(slice(m.text, fn.region!.at)).toBe('${vars.region}');
  });
  it('reads config.bucketName, capitalised Key/Prefix/Suffix and normalised events, each at its value', () => {
    expect(upper.bucket.value).toBe('media');
    expect(slice(m.text, upper.bucket.at)).toBe('media');
    expect(upper.prefix.value).toBe('src/');
    expect(slice(m.text, upper.prefix.at)).toBe('src/');
    expect(upper.suffix.value).toBe('.zip');
    expect(upper.events.value).toEqual(['ObjectCreated:*']);
  });
  it('assumes a bucket named by bucketName is in the function region (no bucketRegion)', () => {
    expect(upper.bucketRegion).toBeUndefined();
  });
  it('reads lower-case key/prefix/suffix too, and takes bucket and region from sourceArn when written', () => {
    expect(lower.bucket.value).toBe('photos');
    expect(slice(m.text, lower.bucket.at)).toBe('photos');
    expect(lower.bucketRegion?.value).toBe('cn-shanghai');
    expect(slice(m.text, lower.bucketRegion!.at)).toBe('cn-shanghai');
    expect(lower.prefix.value).toBe('in/');
    expect(lower.suffix).toMatchObject({ value: '' });
    expect(lower.suffixDeclared).toBe(true);
  });
  it('turns an Allow statement granting oss:PutObject on <bucket>/<prefix>* into a policy write target', () => {
    const policy = m.model.functions[0].writes.filter((w) => w.via === 'policy');
    expect(policy).toHaveLength(1);
    expect(policy[0].bucket?.value).toBe('media');
    expect(slice(m.text, policy[0].bucket!.at)).toBe('media');
    expect(policy[0].prefix?.value).toBe('out/');
    expect(slice(m.text, policy[0].prefix!.at)).toBe('out/');
  });
  it('keeps the env output prefix as a write target in the triggering bucket', () => {
    const env = m.model.functions[0].writes.filter((w) => w.via === 'env');
    expect(env).toMatchObject([{ label: 'PROCESSED_DIR', bucket: undefined, prefix: { value: 'dst/' } }]);
  });
  it('models timer and MNS topic triggers with their fields', () => {
    const others = m.model.triggers.filter((t) => !isStorage(t));
    expect(others.map((t) => [t.kind, t.type, t.name.value])).toEqual([
      ['timer', 'timer', 'tick'],
      ['queue', 'mns_topic', 'topic'],
    ]);
    expect((others[0] as { schedule: { value: string } }).schedule.value).toBe('0 0 8 * * *');
    expect((others[1] as { topic: { value: string } }).topic.value).toBe('test-topic');
  });
  it('gives an unknown bucket, not a guess, when bucketName is a template placeholder', () => {
    const t = model(BASE.replace('bucketName: media', 'bucketName: "{{ bucketName }}"')).model.storageTriggers[0];
    expect(t.bucket.value).toBeInstanceOf(Unknown);
  });
  it('treats a filter given by an unresolved variable as unknown', () => {
    const text = BASE.replace(/filter:\n {14}Key:\n {16}Prefix: src\/\n {16}Suffix: .zip/, "filter: ${env('FILTER')}");
    const t = model(text).model.storageTriggers[0];
    expect(t.prefix.value).toBeInstanceOf(Unknown);
    expect(t.suffix.value).toBeInstanceOf(Unknown);
  });
  it('leaves prefix and suffix undeclared when there is no filter', () => {
    const text = BASE.replace(/ {12}filter:\n {14}Key:\n {16}Prefix: src\/\n {16}Suffix: .zip\n/, '');
    const t = model(text).model.storageTriggers[0];
    expect(t.prefix.value).toBe('');
    expect(t.prefixDeclared || t.suffixDeclared).toBe(false);
  });
  it('records ${vars.x} that names nothing', () => {
    const text = BASE.replace('bucketName: media', 'bucketName: ${vars.bukket}');
    const refs = model(text).model.files[0].undefinedRefs;
    expect(refs.map((r) => slice(text, r.at))).toEqual(['${vars.bukket}']);
  });
  it('does not claim edition 3 files, which belong to fc3', () => {
    const m3 = model(
      'edition: 3.0.0\nresources:\n  f:\n    component: fc3\n    props: {region: cn-hangzhou, functionName: f}\n',
    );
    expect(m3.formats.get('s.yaml')).toBe('serverless-devs-fc3');
  });
});
