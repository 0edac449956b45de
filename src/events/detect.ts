// Detect the vendor and trigger type of an event from its shape (the envelope and a few
// discriminating keys), before and independently of schema validation: a hand-written event with
// a wrong type or a missing field is still recognised, then validated against its schema.
import { EVENT_TYPES } from './catalog.js';

type Obj = Record<string, unknown>;

interface Mark {
  /** What the payload has, as shown to the user: `"Records[].cos"`. */
  label: string;
  test: (doc: unknown) => boolean;
  /** A required mark must hold for the type to be detected. */
  required?: boolean;
  weight?: number;
}

export interface Detection {
  id: string;
  /** The marks that matched, e.g. ['"Records[].cos"']. */
  because: string[];
}

export interface DetectResult {
  detected?: Detection;
  /** When nothing matched fully: the type whose marks matched best. */
  closest?: Detection;
  /** A known payload that is not a trigger event (an S3 test event, FC 2.0 invoke parameters…). */
  known?: string;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (v: unknown, ...path: (string | number)[]): unknown => {
  let cur = v;
  for (const p of path) {
    if (typeof p === 'number') cur = Array.isArray(cur) ? cur[p] : undefined;
    else cur = isObj(cur) ? cur[p] : undefined;
  }
  return cur;
};
const has = (v: unknown, ...path: (string | number)[]) => get(v, ...path) !== undefined;
/** The first item of a batch (parsing JSON-text items), or the object itself. */
const first = (v: unknown): unknown => {
  const x = Array.isArray(v) ? v[0] : v;
  if (typeof x === 'string') {
    try {
      return JSON.parse(x);
    } catch {
      return undefined;
    }
  }
  return x;
};
const str = (v: unknown) => (typeof v === 'string' ? v : '');

const m = (label: string, test: (d: unknown) => boolean, required = false, weight = 1): Mark => ({
  label,
  test,
  required,
  weight,
});
const rec = (d: unknown, key: string, ...rest: string[]) => get(d, key, 0, ...rest);

const MARKS: Record<string, Mark[]> = {
  'aliyun/oss': [
    m('"events[].oss"', (d) => isObj(rec(d, 'events', 'oss')) || isObj(rec(d, 'Records', 'oss')), true, 2),
    m('"events[].eventSource": "acs:oss"', (d) => rec(d, 'events', 'eventSource') === 'acs:oss'),
    m('an "events" array', (d) => Array.isArray(get(d, 'events'))),
  ],
  'aliyun/oss-eventbridge': [
    m('"data.oss" in a CloudEvent', (d) => isObj(get(first(d), 'data', 'oss')), true, 2),
    m('"source": "acs.oss"', (d) => get(first(d), 'source') === 'acs.oss'),
    m('"specversion"', (d) => has(first(d), 'specversion')),
  ],
  'aliyun/timer': [
    m('"triggerTime"', (d) => has(d, 'triggerTime'), true, 2),
    m('"triggerName"', (d) => has(d, 'triggerName')),
  ],
  'aliyun/http': [
    m('"rawPath"', (d) => has(d, 'rawPath') || has(d, 'requestContext', 'http'), true, 2),
    m('"requestContext.http"', (d) => isObj(get(d, 'requestContext', 'http'))),
    m('"queryParameters"', (d) => has(d, 'queryParameters')),
  ],
  'aliyun/apigw': [
    m(
      '"queryParameters" with "httpMethod"',
      (d) => has(d, 'queryParameters') && has(d, 'httpMethod') && !has(d, 'rawPath'),
      true,
      2,
    ),
    m('"pathParameters"', (d) => has(d, 'pathParameters')),
  ],
  'aliyun/sls': [
    m(
      '"source.logstoreName"',
      (d) => has(d, 'source', 'logstoreName') || (has(d, 'jobName') && has(d, 'cursorTime')),
      true,
      2,
    ),
    m('"cursorTime"', (d) => has(d, 'cursorTime')),
  ],
  'aliyun/mns-topic': [
    m(
      '"TopicOwner"',
      (d) => isObj(d) && (has(d, 'TopicOwner') || has(d, 'MessageMD5') || (isObj(d.attrs) && 'body' in d)),
      true,
      2,
    ),
    m('"PublishTime"', (d) => has(d, 'PublishTime')),
  ],
  'aliyun/mns-queue': [
    m(
      '"type": "mns:Queue:…"',
      (d) => str(get(first(d), 'type')).startsWith('mns:') || has(first(d), 'data', 'messageBody'),
      true,
      2,
    ),
    m('"specversion"', (d) => has(first(d), 'specversion')),
  ],
  'aliyun/tablestore': [
    m(
      '"Records[].PrimaryKey"',
      (d) => has(d, 'Records', 0, 'PrimaryKey') || str(get(d, 'Version')).startsWith('Sync'),
      true,
      2,
    ),
    m('"Version"', (d) => has(d, 'Version')),
  ],
  'aliyun/cdn': [
    m(
      '"events[].eventSource": "cdn"',
      (d) => rec(d, 'events', 'eventSource') === 'cdn' || has(d, 'events', 0, 'eventParameter'),
      true,
      2,
    ),
    m('"events[].resource.domain"', (d) => has(d, 'events', 0, 'resource', 'domain')),
  ],
  'aliyun/kafka': [
    m(
      '"type": "alikafka:…"',
      (d) => str(get(first(d), 'type')).startsWith('alikafka') || get(first(d), 'source') === 'acs:alikafka',
      true,
      2,
    ),
    m('"data.partition"', (d) => has(first(d), 'data', 'partition')),
  ],
  'aliyun/rocketmq': [
    m(
      '"type": "mq:Topic:SendMessage"',
      (d) =>
        str(get(first(d), 'type')).startsWith('mq:') ||
        has(first(d), 'data', 'systemProperties') ||
        (has(first(d), 'msgId') && has(first(d), 'systemProperties')),
      true,
      2,
    ),
    m('"systemProperties"', (d) => has(first(d), 'data', 'systemProperties') || has(first(d), 'systemProperties')),
  ],
  'aliyun/rabbitmq': [
    m(
      '"type": "amqp:Queue:SendMessage"',
      (d) => str(get(first(d), 'type')).startsWith('amqp:') || has(first(d), 'data', 'envelope'),
      true,
      2,
    ),
    m('"data.envelope"', (d) => has(first(d), 'data', 'envelope')),
  ],
  'tencent/cos': [
    m(
      '"Records[].cos"',
      (d) => isObj(rec(d, 'Records', 'cos')) || isObj(rec(d, 'records', 'cos')) || isObj(rec(d, 'events', 'cos')),
      true,
      2,
    ),
    m('"Records[].event"', (d) => isObj(rec(d, 'Records', 'event'))),
  ],
  'tencent/timer': [
    m('"Type": "Timer"', (d) => get(d, 'Type') === 'Timer' || (has(d, 'TriggerName') && has(d, 'Time')), true, 2),
    m('"TriggerName"', (d) => has(d, 'TriggerName')),
  ],
  'tencent/apigw': [
    m(
      '"requestContext.serviceId"',
      (d) => has(d, 'requestContext', 'serviceId') || has(d, 'headerParameters') || has(d, 'queryString'),
      true,
      2,
    ),
    m('"queryStringParameters"', (d) => has(d, 'queryStringParameters')),
  ],
  'tencent/cmq': [m('"Records[].CMQ"', (d) => isObj(rec(d, 'Records', 'CMQ')), true, 2)],
  'tencent/ckafka': [m('"Records[].Ckafka"', (d) => isObj(rec(d, 'Records', 'Ckafka')), true, 2)],
  'tencent/cls': [m('"clslogs"', (d) => has(d, 'clslogs'), true, 2)],
  'tencent/clb': [
    m(
      'CLB headers ("X-Stgw-Time", "X-Vip")',
      (d) =>
        isObj(get(d, 'headers')) &&
        Object.keys(get(d, 'headers') as Obj).some((k) => /^x-(stgw-time|vip|vport|uri|method)$/i.test(k)),
      true,
      2,
    ),
    m('"payload"', (d) => has(d, 'payload')),
  ],
  'huawei/obs': [
    m('"Records[].s3"', (d) => isObj(rec(d, 'Records', 's3')), true, 2),
    m(
      '"ownerIdentity.PrincipalId"',
      (d) =>
        has(d, 'Records', 0, 's3', 'bucket', 'ownerIdentity', 'PrincipalId') ||
        has(d, 'Records', 0, 'Region') ||
        str(get(d, 'Records', 0, 's3', 'bucket', 'arn')).startsWith('arn:fss:'),
      true,
      2,
    ),
  ],
  'huawei/apig': [
    m(
      '"requestContext.apiId"',
      (d) => has(d, 'requestContext', 'apiId') && !has(d, 'requestContext', 'serviceId'),
      true,
      2,
    ),
    m('"queryStringParameters"', (d) => has(d, 'queryStringParameters')),
  ],
  'huawei/timer': [
    m(
      '"trigger_type": "TIMER"',
      (d) => get(d, 'trigger_type') === 'TIMER' || (has(d, 'trigger_name') && has(d, 'user_event')),
      true,
      2,
    ),
    m('"user_event"', (d) => has(d, 'user_event')),
  ],
  'huawei/lts': [m('"lts"', (d) => has(d, 'lts'), true, 2)],
  'huawei/cts': [
    m('"cts"', (d) => isObj(get(d, 'cts')), true, 2),
    m('"trace_name"', (d) => has(d, 'trace_name') || has(d, 'cts', 'trace_name')),
  ],
  ...Object.fromEntries(
    (['KAFKA', 'ROCKETMQ', 'RABBITMQ'] as const).map((t) => [
      `huawei/${t.toLowerCase()}`,
      [
        m('"records[].messages"', (d) => Array.isArray(get(d, 'records', 0, 'messages')), false, 1),
        m(`"trigger_type": "${t}"`, (d) => get(d, 'trigger_type') === t, true, 2),
      ],
    ]),
  ),
  'huawei/dis': [
    m('"ShardID"', (d) => has(d, 'ShardID') || (has(d, 'StreamName') && has(d, 'Message', 'records')), true, 2),
    m('"StreamName"', (d) => has(d, 'StreamName')),
  ],
  'huawei/smn': [
    m('"record[].smn"', (d) => isObj(rec(d, 'record', 'smn')) || isObj(rec(d, 'Records', 'smn')), true, 2),
    m('"record[].event_source": "smn"', (d) => rec(d, 'record', 'event_source') === 'smn'),
  ],
  'jdcloud/oss': [
    m(
      '"Records[].detail.s3"',
      (d) =>
        isObj(rec(d, 'Records', 'detail', 's3')) ||
        (isObj(rec(d, 'Records', 'detail')) && has(d, 'Records', 0, 'base64OwnerPin')),
      true,
      2,
    ),
    m('"Records[].source": "oss"', (d) => rec(d, 'Records', 'source') === 'oss'),
  ],
  'jdcloud/apigw': [
    m(
      '"detailType": "ApiGatewayReceived"',
      (d) =>
        get(d, 'detailType') === 'ApiGatewayReceived' || (has(d, 'detail', 'httpMethod') && has(d, 'base64OwnerPin')),
      true,
      2,
    ),
    m('"detail.requestContext"', (d) => has(d, 'detail', 'requestContext')),
  ],
  'aws/s3': [
    m('"Records[].s3"', (d) => isObj(rec(d, 'Records', 's3')), true, 2),
    m('"eventSource": "aws:s3"', (d) => rec(d, 'Records', 'eventSource') === 'aws:s3'),
  ],
};

/** Payloads people paste that are not trigger events, with what they are. */
const NOT_TRIGGER_EVENTS: { test: (d: unknown) => boolean; what: string }[] = [
  {
    test: (d) => get(d, 'Event') === 's3:TestEvent',
    what: 'an S3 test event ("Event": "s3:TestEvent"), sent once when a notification is configured; functions never receive it as a trigger event',
  },
  {
    test: (d) => has(d, 'method') && has(d, 'queries') && !has(d, 'httpMethod'),
    what: 'FC 2.0 HTTP invoke parameters {method, path, headers, queries, body}: what "s invoke --event-file" takes for an HTTP function, not a trigger event',
  },
  {
    test: (d) => has(d, 'request_payload') && has(d, 'request_context'),
    what: 'a FunctionGraph async-invocation notification; its "request_payload" string holds the original event',
  },
  {
    test: (d) => has(d, 'topic_id') && Array.isArray(get(d, 'records')) && has(d, 'records', 0, 'content'),
    what: 'the decoded content of a Tencent CLS event\'s "clslogs.data", not the event itself (which is {"clslogs": {"data": …}})',
  },
  {
    test: (d) => has(d, 'trace_name') && has(d, 'trace_id') && !has(d, 'cts'),
    what: 'a bare Huawei CTS trace; the CTS trigger wraps it as {"cts": {…}}',
  },
  {
    test: (d) => rec(d, 'records', 'event_source') === 'dds',
    what: 'a Huawei DDS trigger event (trigger-lint has no DDS schema yet)',
  },
  {
    test: (d) => has(d, 'EventType') && has(d, 'WorkflowTaskEvent'),
    what: 'a Tencent MPS workflow event (trigger-lint has no MPS schema)',
  },
  {
    test: (d) => has(first(d), 'props') && has(first(d), 'body') && !has(first(d), 'specversion'),
    what: 'an Alibaba MQTT (Message Queue for IoT) event (trigger-lint has no MQTT schema)',
  },
  {
    test: (d) => str(get(first(d), 'type')).startsWith('dts:'),
    what: 'an Alibaba DTS CloudEvent (trigger-lint has no DTS schema)',
  },
  {
    test: (d) => str(get(d, 'type')).startsWith('connector:') || str(get(d, 'source')).endsWith('.cloud.tencent'),
    what: 'a Tencent EventBridge event (trigger-lint has no EventBridge schema for Tencent)',
  },
  {
    test: (d) => rec(d, 'Records', 'eventSource') === 'oss' && isObj(rec(d, 'Records', 's3')),
    what: 'a JD Cloud OSS HTTP callback notification, not the JD Function event (which wraps the S3 part in Records[].detail)',
  },
];

function score(doc: unknown, marks: Mark[]): { full: boolean; got: number; max: number; because: string[] } {
  let got = 0;
  let max = 0;
  let full = true;
  const because: string[] = [];
  for (const mk of marks) {
    const w = mk.weight ?? 1;
    max += w;
    let ok = false;
    try {
      ok = mk.test(doc);
    } catch {
      ok = false;
    }
    if (ok) {
      got += w;
      because.push(mk.label);
    } else if (mk.required) full = false;
  }
  return { full, got, max, because };
}

export function detectEvent(doc: unknown): DetectResult {
  const known = NOT_TRIGGER_EVENTS.find((k) => {
    try {
      return k.test(doc);
    } catch {
      return false;
    }
  })?.what;
  let best: { id: string; got: number; because: string[] } | undefined;
  let closest: { id: string; ratio: number; got: number; because: string[] } | undefined;
  for (const t of EVENT_TYPES) {
    const marks = MARKS[t.id];
    if (!marks) continue;
    const s = score(doc, marks);
    if (s.full && !known) {
      if (!best || s.got > best.got) best = { id: t.id, got: s.got, because: s.because };
    } else if (s.got > 0) {
      const ratio = s.got / s.max;
      if (!closest || ratio > closest.ratio || (ratio === closest.ratio && s.got > closest.got))
        closest = { id: t.id, ratio, got: s.got, because: s.because };
    }
  }
  if (best) return { detected: { id: best.id, because: best.because } };
  return {
    ...(closest ? { closest: { id: closest.id, because: closest.because } } : {}),
    ...(known ? { known } : {}),
  };
}
