// `event sample`: every pair gets a realistic event that passes `validate`; storage events take
// the bucket, key, region and event name; `--from` builds the event a configured trigger delivers.
import { describe, expect, it } from 'vitest';
import { sampleEvent, SampleError, payloadEventName, eventNamesOf } from '../../src/events/sample.js';
import { sampleFromTrigger, keyFor } from '../../src/events/from.js';
import { parseEvent, type ParsedEvent } from '../../src/events/parse.js';
import { validateEvent } from '../../src/events/validate.js';
import { EVENT_TYPES } from '../../src/events/catalog.js';

const errorsOf = (event: unknown, id: string) => {
  const p = parseEvent(JSON.stringify(event, null, 2), 'sample.json') as ParsedEvent;
  return validateEvent(p, id)
    .filter((d) => d.severity === 'error')
    .map((d) => d.message);
};

describe('sample <vendor> <type>', () => {
  it.each(EVENT_TYPES.map((e) => e.id))('%s: the sample is a valid event', (id) => {
    const { event, notes } = sampleEvent(id);
    expect(errorsOf(event, id)).toEqual([]);
    expect(notes).toEqual([]);
  });

  const storage = EVENT_TYPES.filter((e) => e.storage).map((e) => e.id);
  it.each(storage)('%s: every event name the schema allows gives a valid sample', (id) => {
    for (const name of eventNamesOf(id)) {
      const { event } = sampleEvent(id, { event: name });
      expect(errorsOf(event, id), name).toEqual([]);
    }
  });

  it('Alibaba OSS takes bucket, key, region and the config form of the event name', () => {
    const { event } = sampleEvent('aliyun/oss', {
      bucket: 'photos',
      key: 'in/cat.png',
      region: 'cn-shanghai',
      event: 'oss:ObjectCreated:PostObject',
    });
    const r = (event as { events: Record<string, any>[] }).events[0];
    expect([
      r.eventName,
      r.region,
      r.oss.bucket.name,
      r.oss.bucket.arn,
      r.oss.object.key,
      r.oss.object.objectMeta.mimeType,
    ]).toEqual([
      'ObjectCreated:PostObject',
      'cn-shanghai',
      'photos',
      'acs:oss:cn-shanghai:1234567890123456:photos',
      'in/cat.png',
      'image/png',
    ]);
  });

  it('Tencent COS writes the key as /<appid>/<bucket>/<key>, keeps "cos:" and spells deletes without "d"', () => {
    const { event } = sampleEvent('tencent/cos', {
      bucket: 'photos-1250000001',
      key: 'in/cat.png',
      region: 'ap-shanghai',
      event: 'ObjectRemoved:Delete',
    });
    const r = (event as { Records: Record<string, any>[] }).Records[0];
    expect([
      r.cos.cosObject.key,
      r.cos.cosBucket.name,
      r.cos.cosBucket.appid,
      r.cos.cosBucket.region,
      r.event.eventName,
    ]).toEqual(['/1250000001/photos/in/cat.png', 'photos', '1250000001', 'sh', 'cos:ObjectRemove:Delete']);
  });

  it('Huawei OBS URL-encodes the key and writes PrincipalId', () => {
    const { event } = sampleEvent('huawei/obs', { key: 'in/cat 1.png' });
    const r = (event as { Records: Record<string, any>[] }).Records[0];
    expect(r.s3.object.key).toBe('in%2Fcat%201.png');
    expect(r.s3.bucket.ownerIdentity).toHaveProperty('PrincipalId');
  });

  it.each(storage)(
    '%s: a key holding an unpaired surrogate (a "\\uD800" escape) gets U+FFFD in its place, with a note',
    (id) => {
      const { event, notes } = sampleEvent(id, { key: 'in/\uD800cat.png' });
      expect(errorsOf(event, id)).toEqual([]);
      expect(JSON.stringify(event)).not.toMatch(/\\ud800/i);
      expect(notes).toEqual([
        'the key "in/\\ud800cat.png" holds "\\ud800", half of a UTF-16 surrogate pair that no object key can hold; using "in/\uFFFDcat.png"',
      ]);
    },
  );

  it('a wildcard becomes one concrete operation, with a note', () => {
    const notes: string[] = [];
    expect(payloadEventName('aliyun/oss', 'oss:ObjectCreated:*', notes)).toBe('ObjectCreated:PutObject');
    expect(notes).toEqual([
      '"oss:ObjectCreated:*" is a wildcard; a delivered event names one operation, using "ObjectCreated:PutObject"',
    ]);
    // Tencent payloads really carry the wildcard the trigger was configured with.
    expect(payloadEventName('tencent/cos', 'cos:ObjectCreated:*', [])).toBe('cos:ObjectCreated:*');
  });

  it('an unknown event name is refused with a suggestion', () => {
    expect(() => sampleEvent('aliyun/oss', { event: 'ObjectCreated:PutObjekt' })).toThrow(SampleError);
    expect(() => sampleEvent('aliyun/oss', { event: 'ObjectCreated:PutObjekt' })).toThrow(
      'unknown aliyun/oss event "ObjectCreated:PutObjekt"; did you mean "ObjectCreated:PutObject"?',
    );
  });

  it('storage options on a non-storage type are ignored with a note', () => {
    expect(sampleEvent('aliyun/timer', { bucket: 'b' }).notes).toEqual([
      '--bucket does not apply to aliyun/timer events; ignored',
    ]);
  });
});

const S_YAML = `edition: 3.0.0
name: app
access: default
resources:
  thumbs:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: thumbs
      runtime: nodejs18
      handler: index.handler
      code: ./code
      triggers:
        - triggerName: upload
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:1234567890:photos
          triggerConfig:
            events:
              - oss:ObjectCreated:PutObject
              - oss:ObjectCreated:PostObject
            filter:
              key:
                prefix: src/
                suffix: .png
        - triggerName: anything
          triggerType: oss
          sourceArn: acs:oss:\${vars.region}:1234567890:\${vars.bucket}
          triggerConfig:
            events:
              - oss:ObjectCreated:*
        - triggerName: nightly
          triggerType: timer
          triggerConfig:
            cronExpression: '@every 1h'
            enable: true
`;

describe('sample --from s.yaml --trigger <name>', () => {
  it("delivers the trigger's bucket, region, first event, and a key its prefix and suffix match", async () => {
    const { id, event, notes } = await sampleFromTrigger('s.yaml', S_YAML, 'upload');
    expect(id).toBe('aliyun/oss');
    const r = (event as { events: Record<string, any>[] }).events[0];
    expect(r.oss.bucket.name).toBe('photos');
    expect(r.region).toBe('cn-hangzhou');
    expect(r.eventName).toBe('ObjectCreated:PutObject');
    expect(r.oss.object.key.startsWith('src/') && r.oss.object.key.endsWith('.png')).toBe(true);
    expect(errorsOf(event, id)).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('unknown values get placeholders, and say so', async () => {
    const { event, notes } = await sampleFromTrigger('s.yaml', S_YAML, 'anything');
    expect(errorsOf(event, 'aliyun/oss')).toEqual([]);
    expect(notes.some((n) => /bucket of trigger "anything" is not known/.test(n))).toBe(true);
    expect(notes.some((n) => /wildcard/.test(n))).toBe(true);
  });

  it("a timer trigger gives a timer event carrying the trigger's name", async () => {
    const { id, event } = await sampleFromTrigger('s.yaml', S_YAML, 'nightly');
    expect(id).toBe('aliyun/timer');
    expect((event as { triggerName: string }).triggerName).toBe('nightly');
  });

  it('a misspelt trigger name gets a suggestion', async () => {
    await expect(sampleFromTrigger('s.yaml', S_YAML, 'uplaod')).rejects.toThrow(
      'no trigger named "uplaod" in "s.yaml"; did you mean "upload"?',
    );
  });

  it('keyFor builds a key that matches prefix and suffix', () => {
    for (const [p, s] of [
      ['', ''],
      ['src/', ''],
      ['', '.png'],
      ['a/b/', '_thumb.jpg'],
    ]) {
      const k = keyFor(p, s);
      expect(k.startsWith(p) && k.endsWith(s) && k.length > p.length + s.length).toBe(true);
    }
  });
});
