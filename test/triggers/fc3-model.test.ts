// The fc3 adapter fills the Model's timer, http, log, queue and EventBridge triggers with
// located fields, from the real complete-props file of devsapp/fc3.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { isEventBridge, isHttp, isLog, isQueue, isTimer, type Trigger } from '../../src/model/model.js';
import { CORPUS, lintTexts, only, read } from '../helpers.js';

const path = join(CORPUS, 'configs', 'aliyun-fc3', 'devsapp__fc3____tests____complete-props.yaml');
const text = read(path);
const { model } = buildModel([parseSource('complete-props.yaml', text)], { env: {} });
const byName = (n: string): Trigger => model.triggers.find((t) => t.name.value === n)!;
const at = (l: { at: { start: number; end: number } } | undefined) =>
  l ? text.slice(l.at.start, l.at.end) : undefined;

describe('fc3 adapter: non-storage triggers', () => {
  it('reads a timer trigger: schedule, enable and payload, each located', () => {
    const t = byName('timerTrigger');
    expect(isTimer(t)).toBe(true);
    if (!isTimer(t)) return;
    expect(t.schedule.value).toBe('0 0 8 * * *');
    expect(at(t.schedule)).toBe("'0 0 8 * * *'");
    expect(t.enabled?.value).toBe(true);
    expect(t.payload?.value).toBe('awesome-fc');
    expect(t.dialect).toBe('aliyun');
  });
  it('reads an http trigger: methods (upper-cased) with one location per method, and authType', () => {
    const t = byName('httpTrigger');
    expect(isHttp(t)).toBe(true);
    if (!isHttp(t)) return;
    expect(t.methods?.value).toEqual(['GET']);
    expect(t.methodItems.map(at)).toEqual(['GET']);
    expect(t.authType?.value).toBe('anonymous');
    expect(t.gateway).toBe(false);
  });
  it('reads a log trigger: source and destination logstores, interval and retries', () => {
    const t = byName('logTrigger');
    expect(isLog(t)).toBe(true);
    if (!isLog(t)) return;
    expect(t.sourceLogstore?.value).toBe('function-log');
    expect(t.logProject?.value).toBe('fass-demo');
    expect(t.logLogstore?.value).toBe('fc-log');
    expect(t.interval?.value).toBe(30);
    expect(at(t.interval)).toBe('30');
    expect(t.retries?.value).toBe(1);
    // project/<projectName> is a documentation placeholder: unknown, never a finding
    expect(typeof t.sourceProject?.value).not.toBe('string');
  });
  it('reads an MNS topic trigger as a queue with its retry strategy and filter tag', () => {
    const t = byName('mnsTrigger');
    expect(isQueue(t)).toBe(true);
    if (!isQueue(t)) return;
    expect(t.topic?.value).toBe('test');
    expect(at(t.topic)).toBe('test');
    expect(t.retryStrategy?.value).toBe('BACKOFF_RETRY');
    expect(t.filter?.value).toBe('abc');
  });
  it('reads EventBridge triggers: source type, filter pattern, retry and batch options', () => {
    const t = byName('eventbridgeTriggerWithKafkaSource');
    expect(isEventBridge(t)).toBe(true);
    if (!isEventBridge(t)) return;
    expect(t.sourceType?.value).toBe('Kafka');
    expect(t.filterPattern?.value).toBe('{}');
    expect(t.retryStrategy?.value).toBe('BACKOFF_RETRY');
    expect(t.retries?.value).toBe(0);
    expect(t.batchSize?.value).toBe(2);
    expect(t.batchWindow?.value).toBe(10);
    expect(t.enabled?.value).toBe(true);
  });
  it('keeps tablestore and cdn_events triggers as other triggers', () => {
    expect(byName('tablestoreTrigger')).toMatchObject({ kind: 'other', type: 'tablestore' });
    expect(byName('cdnTrigger')).toMatchObject({ kind: 'other', type: 'cdn_events' });
  });
  it('lints the file clean for every trigger rule but the multipart and timezone notes', () => {
    const r = lintTexts(
      { 'complete-props.yaml': text },
      only('timer-schedule', 'http-trigger', 'log-trigger', 'eventbridge-trigger', 'redundant-event'),
    );
    expect(r.files.flatMap((f) => f.findings).map((f) => f.message)).toEqual([]);
  });
});
