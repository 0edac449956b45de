// Huawei Cloud FunctionGraph with the Serverless Framework plugin `serverless-huawei-functions`
// (`serverless.yml` with `provider.name: huawei`). Functions: `functions.<f>`; triggers:
// `functions.<f>.events[]` as `{ triggerTypeCode: OBS|TIMER|APIG|…, status, eventData }`
// (zy-linn plugin, docs/trigger.md), or the older Serverless Inc. shape
// `- obs: { bucket, events: [s3:ObjectCreated:Put] }`. OBS event names come with or without
// `s3:`. An OBS bucket name carries no region: it is taken to be in the function's region.
import type { Node, YAMLMap } from 'yaml';
import {
  Unknown,
  type FunctionDef,
  type HttpTrigger,
  type Located,
  type LogTrigger,
  type OtherTrigger,
  type QueueTrigger,
  type StorageTrigger,
  type TimerTrigger,
  type Trigger,
} from '../model/model.js';
import { Resolver } from './resolve.js';
import { entries } from '../source/yamlnav.js';
import { filterValue, readEvents, keyFilter } from './common.js';
import { num } from './trigger-fields.js';
import { serverlessFrameworkAdapter } from './serverless-framework-common.js';

/** `environment: { K: V }` or `environment: { variables: { K: V } }`. */
function obsTrigger(
  r: Resolver,
  fn: FunctionDef,
  data: YAMLMap | undefined,
  base: Omit<
    StorageTrigger,
    'kind' | 'bucket' | 'events' | 'eventItems' | 'prefix' | 'suffix' | 'prefixDeclared' | 'suffixDeclared' | 'native'
  >,
): StorageTrigger {
  const at = data ? r.loc(data) : base.at;
  const bucket = r.str(r.get(data, 'bucket')) ?? { value: new Unknown('no bucket'), at };
  const prefix = filterValue(r, data, ['prefix'], at);
  const suffix = filterValue(r, data, ['suffix'], at);
  const { events, items } = readEvents(r, r.get(data, 'events'), 'huawei', at);
  return {
    ...base,
    kind: 'storage',
    bucket,
    events,
    eventItems: items,
    ...keyFilter(prefix, suffix),
    native: true,
  };
}

function huaweiTrigger(r: Resolver, fn: FunctionDef, item: YAMLMap, id: string): Trigger {
  const at = r.loc(item);
  const codeL = r.str(r.get(item, 'triggerTypeCode'));
  if (!codeL) {
    // older shape: `- obs: { bucket, events }` (and `- <type>: {…}` for others)
    const [type, pair] = entries(item)[0] ?? ['', undefined];
    const data = r.map(pair?.value);
    const name = r.str(r.get(data, 'name')) ?? { value: '', at };
    const base = { id, type, name, function: fn, at };
    if (type === 'obs') return obsTrigger(r, fn, data, base);
    const o: OtherTrigger = { ...base, kind: 'other', fields: {} };
    return o;
  }
  const code = typeof codeL.value === 'string' ? codeL.value.toUpperCase() : '';
  const data = r.map(r.get(item, 'eventData'));
  const name = r.str(r.get(data, 'name')) ?? { value: '', at };
  const status = r.str(r.get(item, 'status'));
  const enabled: Located<boolean | string> | undefined =
    status && typeof status.value === 'string' ? { ...status, value: status.value !== 'DISABLED' } : status;
  const base = { id, type: code, name, function: fn, at };
  switch (code) {
    case 'OBS':
      return obsTrigger(r, fn, data, base);
    case 'TIMER': {
      const t: TimerTrigger = {
        ...base,
        kind: 'timer',
        dialect: 'huawei',
        schedule: r.str(r.get(data, 'schedule')) ?? { value: new Unknown('no schedule'), at },
        scheduleType: r.str(r.get(data, 'scheduleType', 'schedule_type')),
        payload: r.str(r.get(data, 'userEvent', 'user_event')),
        enabled,
      };
      return t;
    }
    case 'APIG':
    case 'DEDICATEDGATEWAY': {
      const m = r.str(r.get(data, 'reqMethod', 'req_method'));
      const h: HttpTrigger = {
        ...base,
        kind: 'http',
        gateway: true,
        methods: m ? { value: m.value instanceof Unknown ? m.value : [m.value.toUpperCase()], at: m.at } : undefined,
        methodItems: m ? [m] : [],
        authType: r.str(r.get(data, 'auth')),
        path: r.str(r.get(data, 'path')),
      };
      return h;
    }
    case 'LTS': {
      const l: LogTrigger = {
        ...base,
        kind: 'log',
        sourceProject: r.str(r.get(data, 'logGroupId', 'log_group_id')),
        sourceLogstore: r.str(r.get(data, 'logTopicId', 'log_topic_id')),
        enabled,
      };
      return l;
    }
    case 'KAFKA':
    case 'RABBITMQ':
    case 'SMN':
    case 'DIS': {
      // RABBITMQ: FunctionGraph's DMS for RabbitMQ trigger (FunctionGraph "Supported Event Sources" lists it; eventData as the API's exchange_name / batch_size)
      const topicNode =
        code === 'SMN'
          ? r.get(data, 'topicUrn', 'topic_urn')
          : code === 'DIS'
            ? r.get(data, 'streamName', 'stream_name')
            : code === 'RABBITMQ'
              ? r.get(data, 'exchangeName', 'exchange_name')
              : undefined;
      const topics = code === 'KAFKA' ? r.seq(r.get(data, 'topicIds', 'topic_ids')) : undefined;
      const q: QueueTrigger = {
        ...base,
        kind: 'queue',
        topic:
          topicNode !== undefined
            ? r.str(topicNode)
            : topics?.items.length === 1
              ? r.str(topics.items[0] as Node)
              : undefined,
        batchSize: num(r, r.get(data, 'batchSize', 'batch_size')),
        enabled,
      };
      return q;
    }
    default: {
      const o: OtherTrigger = { ...base, kind: 'other', fields: {} };
      return o;
    }
  }
}

const huaweiServerless = serverlessFrameworkAdapter({
  id: 'huawei-serverless',
  vendor: 'huawei',
  provider: 'huawei',
  description:
    'Huawei Cloud FunctionGraph serverless.yml for the Serverless Framework plugin serverless-huawei-functions (provider.name: huawei)',
  schema: 'config/huawei-serverless',
  trigger: ({ r, fn, item, id }) => huaweiTrigger(r, fn, item, id),
});

export default huaweiServerless;
