// Detection: the vendor and type come from the payload's shape, so a hand-written event with
// mistakes is still recognised (and then validated); a shape that matches nothing is described.
import { describe, expect, it } from 'vitest';
import { detectEvent } from '../../src/events/detect.js';
import { parseEvent } from '../../src/events/parse.js';
import { sampleEvent } from '../../src/events/sample.js';
import { EVENT_TYPES } from '../../src/events/catalog.js';
import { EXPECTED, readCorpus } from './corpus.js';

const valueOf = (file: string) => {
  const p = parseEvent(readCorpus(file), file);
  if (!p.ok) throw new Error(p.errors[0].message);
  return p.value;
};

describe('detection on the corpus', () => {
  const parsable = Object.entries(EXPECTED).filter(([, e]) => !('unparsable' in e));
  it.each(parsable)('%s', (file, e) => {
    const d = detectEvent(valueOf(file));
    if ('id' in e) {
      expect(d.detected?.id).toBe(e.id);
      expect(d.detected?.because.length).toBeGreaterThan(0);
    } else if ('none' in e) {
      expect(d.detected, e.none).toBeUndefined();
      if (e.closest) expect(d.closest?.id).toBe(e.closest);
    }
  });

  it('names what a known non-trigger payload is', () => {
    expect(detectEvent(valueOf('aws/doc-s3-TestEvent.json')).known).toMatch(/S3 test event/);
    expect(detectEvent(valueOf('alibaba/fc2-invoke-http-params-example.json')).known).toMatch(
      /FC 2\.0 HTTP invoke parameters/,
    );
    expect(detectEvent(valueOf('huawei/otcnode-cts-ecs-creation-unwrapped.json')).known).toMatch(/wraps it as \{"cts"/);
  });
});

describe('detection on samples and hand-written events', () => {
  it.each(EVENT_TYPES.map((e) => e.id))('the sample of %s is detected as itself', (id) => {
    expect(detectEvent(sampleEvent(id).event).detected?.id).toBe(id);
  });

  it('a Huawei OBS event is told from an AWS S3 event by ownerIdentity.PrincipalId', () => {
    expect(detectEvent(valueOf('huawei/otc-go-obs.json')).detected).toEqual({
      id: 'huawei/obs',
      because: ['"Records[].s3"', '"ownerIdentity.PrincipalId"'],
    });
    expect(detectEvent(valueOf('aws/samcli-S3Put.json')).detected?.id).toBe('aws/s3');
  });

  it('an Alibaba OSS event written with "Records" is still detected as aliyun/oss (validation then says "events")', () => {
    const v = valueOf('alibaba/fc3-oss.json') as { events: unknown[] };
    expect(detectEvent({ Records: v.events }).detected?.id).toBe('aliyun/oss');
  });

  it('a Huawei DMS event with a wrong trigger_type matches nothing, and looks closest to the DMS family', () => {
    const d = detectEvent({
      event_version: 'v1.0',
      trigger_type: 'KAFKAA',
      records: [{ messages: ['x'], topic_id: 't' }],
    });
    expect(d.detected).toBeUndefined();
    expect(d.closest).toEqual({ id: 'huawei/kafka', because: ['"records[].messages"'] });
  });

  it('something unrelated has no detection and no closest shape', () => {
    expect(detectEvent({ hello: 'world' })).toEqual({});
    expect(detectEvent('just a string')).toEqual({});
  });
});
