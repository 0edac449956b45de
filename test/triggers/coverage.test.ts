// Issue #7, "every trigger type in the seed documents and in the corpus is in the Model":
// (1) every trigger written in a real file of test/corpus/configs/ (not _reference/) becomes a
//     Model trigger whose kind's guard holds (storage, timer, http, log, queue, eventbridge), or an
//     `other` trigger of a type listed below with the reason it has no checkable fields;
// (2) every trigger type the seed documents name is mapped by at least one adapter (a small
//     in-memory file per type).
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { isEventBridge, isHttp, isLog, isQueue, isStorage, isTimer, type Trigger } from '../../src/model/model.js';
import { CORPUS, read } from '../helpers.js';

/** Trigger types that stay `other`, each with why no rule could use more fields. */
export const OTHER_TYPES: Record<string, string> = {
  tablestore:
    "Tablestore stream trigger: instance and table come from sourceArn; no limit, range or loop a rule can check without the table's stream settings",
  TableStore: 'Funcraft spelling of the Tablestore trigger (same reason)',
  cdn_events:
    'CDN event trigger: eventName is an enum the schema checks, filter.domain a list of domains; no cross-field fact to check',
  CDN: 'Funcraft / ROS-transform spelling of the CDN event trigger (same reason)',
  CTS: 'Huawei Cloud Trace trigger: operations is a free list of service:resource:operation strings with no documented vocabulary',
  EventBridgeRule:
    'AWS EventBridge rule (SAM): its Pattern is a structured map EventBridge validates at deploy; a rule on a custom bus matching only AWS events is a SAM format check (schema); no range or loop a rule checks',
};

const GUARDS: Record<string, (t: Trigger) => boolean> = {
  storage: isStorage,
  timer: isTimer,
  http: isHttp,
  log: isLog,
  queue: isQueue,
  eventbridge: isEventBridge,
};

function mapped(t: Trigger): boolean {
  // a generic trigger (with `fields`) may carry a kind for the graph (an AWS EventBridge rule is
  // kind `eventbridge`), but it is mapped only when its type is listed above
  if ('fields' in t) return t.type in OTHER_TYPES;
  const guard = GUARDS[t.kind];
  return guard ? guard(t) : false;
}

function configFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (e === '_reference') continue;
    if (statSync(p).isDirectory()) out.push(...configFiles(p));
    else if (/\.ya?ml(@[0-9a-f]+)?$/.test(e)) out.push(p);
  }
  return out;
}

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Triggers written in a file, counted from the plain YAML (independent of the adapters): items of
 * a `triggers` / `events` list that are maps, entries of an `Events` map whose values have a
 * `Type`, a single `trigger` map with `triggerTypeCode`, and ROS `ALIYUN::FC::Trigger` resources.
 */
function declaredTriggers(v: Json, key = ''): number {
  let n = 0;
  if (Array.isArray(v)) {
    if (['triggers', 'events'].includes(key)) n += v.filter(isObj).length;
    for (const i of v) n += declaredTriggers(i);
  } else if (isObj(v)) {
    if (key === 'Events' && Object.values(v).every((e) => isObj(e) && 'Type' in e)) n += Object.keys(v).length;
    if (key === 'trigger' && 'triggerTypeCode' in v) n += 1;
    if (v.Type === 'ALIYUN::FC::Trigger') n += 1;
    for (const [k, c] of Object.entries(v)) n += declaredTriggers(c, k);
  }
  return n;
}

const files = configFiles(join(CORPUS, 'configs'));

describe('trigger coverage: the real files of the corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(30);
  });
  for (const path of files) {
    const name = relative(join(CORPUS, 'configs'), path);
    it(`maps every trigger of ${name} to a Model kind`, () => {
      const text = read(path);
      const src = parseSource(name.replace(/@[0-9a-f]+$/, ''), text);
      const { model } = buildModel([src], { env: {} }, new Set([src.path]));
      const unmapped = model.triggers.filter((t) => !mapped(t)).map((t) => `${t.type} (${t.kind})`);
      expect(unmapped).toEqual([]);
      // Compare with a count taken from the plain YAML, when the file parses as one document.
      let json: Json;
      try {
        json = parse(text.replace(/\{\{[^}]*\}\}/g, 'x'), { logLevel: 'silent' });
      } catch {
        return;
      }
      // one declaration may become one trigger per function (a multi-scf apigw trigger whose APIs
      // name their functions): count the declarations the Model triggers come from
      expect(new Set(model.triggers.map((t) => JSON.stringify(t.at))).size).toBe(declaredTriggers(json));
    });
  }
});

/** One in-memory file per seed trigger type: [label, path, text, expected kind]. */
const fc3 = (type: string, config: string, arn = '') => `edition: 3.0.0
name: app
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      triggers:
        - triggerName: t
          triggerType: ${type}
${arn ? `          sourceArn: ${arn}\n` : ''}          triggerConfig: ${config}
`;
const huawei = (code: string, data: string) => `service: s
provider: { name: huawei, region: cn-north-4 }
functions:
  f:
    handler: index.handler
    events:
      - triggerTypeCode: ${code}
        status: ACTIVE
        eventData: ${data}
`;
const tencent = (type: string, params: string) => `component: scf
name: s
inputs:
  name: f
  region: ap-guangzhou
  events:
    - ${type}:
        parameters: ${params}
`;

const SEED: [string, string, string, string][] = [
  // seed 004 (Huawei FunctionGraph supported event sources)
  ['Huawei APIG', 'serverless.yml', huawei('APIG', '{ name: a, groupId: g, reqMethod: GET, auth: IAM }'), 'http'],
  ['Huawei OBS', 'serverless.yml', huawei('OBS', '{ bucket: b, events: [s3:ObjectCreated:*] }'), 'storage'],
  ['Huawei Timer', 'serverless.yml', huawei('TIMER', '{ name: t, scheduleType: Rate, schedule: 3m }'), 'timer'],
  ['Huawei LTS', 'serverless.yml', huawei('LTS', '{ logGroupId: g, logTopicId: t }'), 'log'],
  [
    'Huawei CTS',
    'serverless.yml',
    huawei('CTS', '{ name: c, operations: ["APIG:apigConfig;apigApps:updateConfig"] }'),
    'other',
  ],
  [
    'Huawei DMS for Kafka',
    'serverless.yml',
    huawei('KAFKA', '{ instanceId: i, topicIds: [t], batchSize: 100 }'),
    'queue',
  ],
  [
    'Huawei RabbitMQ',
    'serverless.yml',
    huawei('RABBITMQ', '{ instanceId: i, exchangeName: e, batchSize: 100 }'),
    'queue',
  ],
  // fc3's eight trigger types
  [
    'fc3 oss',
    's.yaml',
    fc3(
      'oss',
      '{ events: [oss:ObjectCreated:*], filter: { key: { prefix: a/, suffix: "" } } }',
      'acs:oss:cn-hangzhou:1:b',
    ),
    'storage',
  ],
  ['fc3 timer', 's.yaml', fc3('timer', '{ cronExpression: "@every 5m", enable: true }'), 'timer'],
  ['fc3 http', 's.yaml', fc3('http', '{ authType: anonymous, methods: [GET] }'), 'http'],
  [
    'fc3 log',
    's.yaml',
    fc3(
      'log',
      '{ sourceConfig: { logstore: a }, logConfig: { project: p, logstore: b }, jobConfig: { triggerInterval: 60, maxRetryTime: 3 }, enable: true }',
      'acs:log:cn-hangzhou:1:project/p',
    ),
    'log',
  ],
  [
    'fc3 mns_topic',
    's.yaml',
    fc3('mns_topic', '{ notifyStrategy: BACKOFF_RETRY }', 'acs:mns:cn-hangzhou:1:/topics/t'),
    'queue',
  ],
  ['fc3 tablestore', 's.yaml', fc3('tablestore', '{}', 'acs:ots:cn-hangzhou:1:instance/i/table/t'), 'other'],
  [
    'fc3 cdn_events',
    's.yaml',
    fc3(
      'cdn_events',
      '{ eventName: LogFileCreated, eventVersion: 1.0.0, notes: n, filter: { domain: [example.com] } }',
    ),
    'other',
  ],
  [
    'fc3 eventbridge',
    's.yaml',
    fc3(
      'eventbridge',
      `{ triggerEnable: true, asyncInvocationType: false, eventRuleFilterPattern: '{}', eventSourceConfig: { eventSourceType: Default } }`,
    ),
    'eventbridge',
  ],
  // Tencent SCF (Serverless Components)
  ['Tencent timer', 'serverless.yml', tencent('timer', `{ cronExpression: '*/5 * * * * * *', enable: true }`), 'timer'],
  ['Tencent apigw', 'serverless.yml', tencent('apigw', '{ endpoints: [{ path: /, method: GET }] }'), 'http'],
  ['Tencent cmq', 'serverless.yml', tencent('cmq', '{ name: q, enable: true }'), 'queue'],
  [
    'Tencent ckafka',
    'serverless.yml',
    tencent('ckafka', '{ name: k, topic: t, maxMsgNum: 100, offset: latest, retry: 3 }'),
    'queue',
  ],
  ['Tencent cls', 'serverless.yml', tencent('cls', '{ topicId: t, maxWait: 60 }'), 'log'],
];

describe('trigger coverage: the trigger types the seed documents name', () => {
  for (const [label, path, text, kind] of SEED) {
    it(`maps ${label} to a ${kind} trigger`, () => {
      const src = parseSource(path, text);
      const { model } = buildModel([src], { env: {} }, new Set([path]));
      expect(model.triggers).toHaveLength(1);
      const t = model.triggers[0];
      expect(t.kind).toBe(kind);
      expect(mapped(t)).toBe(true);
    });
  }
});
