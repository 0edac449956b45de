// The huawei-serverless adapter (Serverless Framework plugin serverless-huawei-functions).
import { describe, expect, it } from 'vitest';
import { isHttp, isLog, isTimer } from '../../src/model/model.js';
import { model, at } from './build-model.js';

const TEXT = `service: thumbs
provider:
  name: huawei
  region: cn-north-4
functions:
  thumb:
    handler: index.handler
    environment:
      variables:
        OUTPUT_DIR: thumbs/
    events:
      - triggerTypeCode: OBS
        status: ACTIVE
        eventData:
          bucket: photos
          events: [s3:ObjectCreated:Put, ObjectCreated:Post]
          name: photos-in
          prefix: uploads/
      - obs:
          bucket: legacy
          events:
            - s3:ObjectRemoved:Delete
      - triggerTypeCode: TIMER
        status: DISABLED
        eventData: { name: t, scheduleType: Rate, schedule: 3m }
      - triggerTypeCode: APIG
        eventData: { reqMethod: post, path: /thumb, auth: IAM }
      - triggerTypeCode: LTS
        eventData: { logGroupId: g, logTopicId: s }
`;

describe('huawei-serverless adapter', () => {
  const m = model('serverless.yml', TEXT);
  const [obs, legacy] = m.storage;
  it('detects provider.name: huawei and uses provider.region', () => {
    expect(m.formats.get('serverless.yml')).toBe('huawei-serverless');
    expect(m.model.functions[0].vendor).toBe('huawei');
    expect(at(m.text, m.model.functions[0].region)).toBe('cn-north-4');
  });
  it('reads {triggerTypeCode: OBS, eventData} with events with or without s3:', () => {
    expect(at(m.text, obs.bucket)).toBe('photos');
    expect(obs.name.value).toBe('photos-in');
    expect(obs.events.value).toEqual(['ObjectCreated:Put', 'ObjectCreated:Post']);
    expect(at(m.text, obs.prefix)).toBe('uploads/');
    expect(obs.suffixDeclared).toBe(false);
    expect(obs.bucketRegion).toBeUndefined();
  });
  it('reads the older - obs: {bucket, events} shape', () => {
    expect(at(m.text, legacy.bucket)).toBe('legacy');
    expect(legacy.events.value).toEqual(['ObjectRemoved:Delete']);
  });
  it('fills timer, APIG and LTS triggers; status DISABLED means not enabled', () => {
    const [, , timer, api, lts] = m.model.triggers;
    expect(isTimer(timer) && [timer.schedule.value, timer.scheduleType?.value, timer.enabled?.value]).toEqual([
      '3m',
      'Rate',
      false,
    ]);
    expect(isHttp(api) && api.methods?.value).toEqual(['POST']);
    expect(isLog(lts) && lts.sourceLogstore?.value).toBe('s');
  });
  it('takes an output prefix without a bucket as the triggering bucket', () => {
    const w = m.model.functions[0].writes;
    expect(w.map((x) => [x.bucket, x.prefix?.value])).toEqual([[undefined, 'thumbs/']]);
  });
});
