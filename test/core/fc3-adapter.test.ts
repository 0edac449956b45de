// The fc3 adapter and Serverless Devs variables, seen through the Model.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { Unknown } from '../../src/model/model.js';

function model(text: string, env: Record<string, string> = {}) {
  const src = parseSource('s.yaml', text);
  const loaded = buildModel([src], { env }, new Set(['s.yaml']));
  return { ...loaded, text };
}
const slice = (text: string, at: { start: number; end: number }) => text.slice(at.start, at.end);

const BASE = `edition: 3.0.0
name: app
vars:
  region: cn-hangzhou
  bucket: media
  nested:
    prefix: in/
resources:
  fn:
    component: fc3
    props:
      region: \${vars.region}
      functionName: fn-\${this.name}
      runtime: \${env('RUNTIME', 'nodejs18')}
      environmentVariables:
        PROCESSED_DIR: /dst/
        BUCKET_NAME: \${vars.bucket}
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:\${this.props.region}:\${config("AccountID")}:\${vars.bucket}
          triggerConfig:
            events: [oss:ObjectCreated:*, "oss:ObjectRemoved:DeleteObject"]
            filter:
              key:
                prefix: \${vars.nested.prefix}
                suffix: .zip
        - triggerName: tick
          triggerType: timer
          triggerConfig: { cronExpression: '@every 1m', enable: true }
`;

describe('fc3 adapter', () => {
  const m = model(BASE);
  const t = m.model.storageTriggers[0];

  it('detects edition 3 files with resources', () => {
    expect(m.formats.get('s.yaml')).toBe('serverless-devs-fc3');
  });
  it('resolves the function name and region through ${this.name} and ${vars.x}', () => {
    expect(m.model.functions[0].name.value).toBe('fn-fn');
    expect(m.model.functions[0].region?.value).toBe('cn-hangzhou');
  });
  it('takes bucket, region and account from sourceArn, each located at its own segment', () => {
    expect(t.bucket.value).toBe('media');
    expect(slice(m.text, t.bucket.at)).toBe('${vars.bucket}');
    expect(t.bucketRegion?.value).toBe('cn-hangzhou');
    expect(slice(m.text, t.bucketRegion!.at)).toBe('${this.props.region}');
    expect(t.bucketAccount?.value).toBeInstanceOf(Unknown);
  });
  it('normalises event names without the oss: prefix, keeping each item located', () => {
    expect(t.events.value).toEqual(['ObjectCreated:*', 'ObjectRemoved:DeleteObject']);
    expect(t.eventItems.map((e) => slice(m.text, e.at))).toEqual([
      'oss:ObjectCreated:*',
      '"oss:ObjectRemoved:DeleteObject"',
    ]);
  });
  it('reads the filter through nested vars', () => {
    expect(t.prefix.value).toBe('in/');
    expect(t.suffix.value).toBe('.zip');
    expect(t.prefixDeclared && t.suffixDeclared).toBe(true);
  });
  it('turns an output prefix variable into a write target in the triggering bucket, leading "/" removed', () => {
    const w = m.model.functions[0].writes;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ via: 'env', label: 'PROCESSED_DIR', bucket: undefined, prefix: { value: 'dst/' } });
  });
  it('models non-storage triggers too', () => {
    expect(m.model.triggers.map((x) => x.kind)).toEqual(['storage', 'timer']);
  });
});

describe('Serverless Devs variables', () => {
  it('uses the environment for ${env()}, then the default, else unknown', () => {
    const text = BASE.replace("${env('RUNTIME', 'nodejs18')}", "${env('RUNTIME', 'nodejs18')}").replace(
      'suffix: .zip',
      "suffix: ${env('SUFFIX')}",
    );
    expect(model(text).model.storageTriggers[0].suffix.value).toBeInstanceOf(Unknown);
    expect(model(text, { SUFFIX: '.tar' }).model.storageTriggers[0].suffix.value).toBe('.tar');
  });
  it('treats {{ placeholders }} as unknown values, keeping offsets exact', () => {
    const text = BASE.replace('suffix: .zip', 'suffix: {{ suffix }}').replace(
      'region: ${vars.region}',
      'region: "{{ region }}"',
    );
    const m = model(text);
    expect(m.model.storageTriggers[0].suffix.value).toBeInstanceOf(Unknown);
    expect(m.model.functions[0].region?.value).toBeInstanceOf(Unknown);
    expect(slice(text, m.model.storageTriggers[0].suffix.at)).toBe('{{ suffix }}');
  });
  it('records a reference to a missing key as undefined, at the reference', () => {
    const text = BASE.replace('${vars.bucket}\n          triggerConfig', '${vars.bukket}\n          triggerConfig');
    const m = model(text);
    const refs = m.model.files[0].undefinedRefs;
    expect(refs).toHaveLength(1);
    expect(slice(text, refs[0].at)).toBe('${vars.bukket}');
    expect(refs[0].message).toContain('did you mean "bucket"?');
    expect(m.model.storageTriggers[0].bucket.value).toBeInstanceOf(Unknown);
  });
  it('substitutes a whole map for a single reference', () => {
    const text = BASE.replace(
      '      environmentVariables:\n        PROCESSED_DIR: /dst/\n        BUCKET_NAME: ${vars.bucket}\n',
      '      environmentVariables: ${vars.envs}\n',
    ).replace('vars:\n', 'vars:\n  envs:\n    OUTPUT_DIR: out/\n');
    const fn = model(text).model.functions[0];
    expect([...fn.env.keys()]).toEqual(['OUTPUT_DIR']);
    expect(fn.writes[0].prefix?.value).toBe('out/');
  });
  it('stops on reference cycles without hanging', () => {
    const text = BASE.replace('  bucket: media', '  bucket: ${vars.other}\n  other: ${vars.bucket}');
    expect(model(text).model.storageTriggers[0].bucket.value).toBeInstanceOf(Unknown);
  });
  it('treats documentation placeholders like <region> as unknown', () => {
    const text = BASE.replace('acs:oss:${this.props.region}', 'acs:oss:<region>');
    expect(model(text).model.storageTriggers[0].bucketRegion?.value).toBeInstanceOf(Unknown);
  });
});
