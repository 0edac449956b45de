// The Huawei FunctionGraph adapter (Serverless Devs component fgs / fg), seen through the Model.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { Unknown } from '../../src/model/model.js';

function model(text: string) {
  return { ...buildModel([parseSource('s.yaml', text)], { env: {} }, new Set(['s.yaml'])), text };
}
const slice = (text: string, at: { start: number; end: number }) => text.slice(at.start, at.end);

const BASE = `edition: 1.0.0
services:
  thumbs:
    component: fgs
    props:
      region: cn-east-3
      function:
        functionName: thumbnailer
        environmentVariables:
          OUTPUT_PREFIX: thumbs/
      trigger:
        triggerTypeCode: OBS
        status: ACTIVE
        eventData:
          bucket: photos
          events:
            - s3:ObjectCreated:Put
            - ObjectCreated:Post
          prefix: uploads/
          suffix: .jpg
`;

describe('huawei-fgs adapter', () => {
  const m = model(BASE);
  const t = m.model.storageTriggers[0];

  it('detects s.yaml files whose services use the fgs component', () => {
    expect(m.formats.get('s.yaml')).toBe('huawei-fgs');
    expect(m.model.functions[0]).toMatchObject({
      vendor: 'huawei',
      name: { value: 'thumbnailer' },
      region: { value: 'cn-east-3' },
    });
  });
  it('reads the one props.trigger object: bucket, prefix and suffix at their values', () => {
    expect(m.model.triggers).toHaveLength(1);
    expect(t.bucket.value).toBe('photos');
    expect(slice(m.text, t.bucket.at)).toBe('photos');
    expect(slice(m.text, t.prefix.at)).toBe('uploads/');
    expect(t.suffix.value).toBe('.jpg');
  });
  it('normalises event names written with or without "s3:"', () => {
    expect(t.events.value).toEqual(['ObjectCreated:Put', 'ObjectCreated:Post']);
  });
  it('assumes the bucket is in the function region (no bucketRegion)', () => {
    expect(t.bucketRegion).toBeUndefined();
  });
  it('names an OBS trigger after its bucket unless eventData.name is given', () => {
    expect(t.name.value).toBe('photos');
    expect(
      model(BASE.replace('bucket: photos', 'bucket: photos\n          name: obs-event-1')).model.triggers[0].name.value,
    ).toBe('obs-event-1');
  });
  it('keeps output env vars as write targets', () => {
    expect(m.model.functions[0].writes).toMatchObject([
      { via: 'env', label: 'OUTPUT_PREFIX', prefix: { value: 'thumbs/' } },
    ]);
  });
  it('reads the older fg component too, and models its APIG trigger as an HTTP gateway trigger', () => {
    const fg = model(`edition: 1.0.0
services:
  api:
    component: xinwuyun/fg
    props:
      region: cn-north-4
      function: { functionName: fg-http }
      trigger:
        triggerTypeCode: APIG
        status: ACTIVE
        eventData: { path: /hello, req_method: GET, auth: IAM }
`);
    expect(fg.formats.get('s.yaml')).toBe('huawei-fgs');
    expect(fg.model.triggers[0]).toMatchObject({
      kind: 'http',
      gateway: true,
      methods: { value: ['GET'] },
      path: { value: '/hello' },
    });
  });
  it('models a TIMER trigger with its schedule', () => {
    const timer = model(
      BASE.replace(
        /trigger:[\s\S]*$/,
        'trigger:\n        triggerTypeCode: TIMER\n        eventData: { name: t, scheduleType: Rate, schedule: 3m }\n',
      ),
    );
    expect(timer.model.triggers[0]).toMatchObject({
      kind: 'timer',
      schedule: { value: '3m' },
      scheduleType: { value: 'Rate' },
    });
  });
  it('gives an unknown bucket when eventData.bucket is missing', () => {
    expect(model(BASE.replace('          bucket: photos\n', '')).model.storageTriggers[0].bucket.value).toBeInstanceOf(
      Unknown,
    );
  });
});
