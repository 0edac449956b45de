// Realistic, valid sample events for every vendor/type pair. Values are fixed (no clock, no
// randomness) so the output is reproducible; storage events take a bucket, key, region and
// event name so a test event can match a real trigger.
import { SCHEMAS, type JsonSchema } from './schemas.js';
import { didYouMean } from '../source/suggest.js';

export interface SampleOptions {
  bucket?: string;
  key?: string;
  region?: string;
  /** Event name in config form ("oss:ObjectCreated:PutObject") or payload form ("ObjectCreated:PutObject"). */
  event?: string;
}

export interface Sample {
  event: unknown;
  /** Things the user should know (a wildcard made concrete, an option that does not apply…). */
  notes: string[];
}

export class SampleError extends Error {}

const TIME = '2024-05-20T08:30:00.000Z';
const EPOCH_S = 1716193800;
const EPOCH_MS = 1716193800000;
const ACCOUNT = '1234567890123456';
const REQUEST_ID = '664B0A18E4F5D93538AB2C1F';
const ETAG = '5EB63BBBE01EEED093CB22BB8F5ACDC3';
const UUID = 'c2b0e7a4-5d3f-4e8a-9b1c-2f6d8e7a9b01';

interface Ctx {
  bucket: string;
  key: string;
  region: string;
  event: string;
}

export const DEFAULTS: Record<string, { bucket: string; key: string; region: string }> = {
  aliyun: { bucket: 'my-bucket', key: 'source/example.jpg', region: 'cn-hangzhou' },
  tencent: { bucket: 'my-bucket-1250000000', key: 'source/example.jpg', region: 'ap-guangzhou' },
  huawei: { bucket: 'my-bucket', key: 'source/example.jpg', region: 'cn-north-4' },
  jdcloud: { bucket: 'my-bucket', key: 'source/example.jpg', region: 'cn-north-1' },
  aws: { bucket: 'my-bucket', key: 'source/example.jpg', region: 'us-east-1' },
};

// ---- event names -------------------------------------------------------------------------------

function findEnum(schema: unknown, prop: string): string[] | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as Record<string, unknown>;
  const props = s.properties as Record<string, JsonSchema> | undefined;
  if (props && props[prop] && Array.isArray(props[prop].enum)) return props[prop].enum as string[];
  for (const v of Object.values(s)) {
    const found = Array.isArray(v) ? v.map((x) => findEnum(x, prop)).find(Boolean) : findEnum(v, prop);
    if (found) return found;
  }
  return undefined;
}

/** The event names a storage payload may carry, as the schema lists them. */
export function eventNamesOf(id: string): string[] {
  const schema = SCHEMAS[id];
  if (!schema) return [];
  if (id === 'aliyun/oss-eventbridge') return findEnum(schema, 'type') ?? [];
  return findEnum(schema, 'eventName') ?? [];
}

const PAYLOAD_PREFIX: Record<string, string> = {
  'tencent/cos': 'cos:',
  'jdcloud/oss': 's3:',
  'aliyun/oss-eventbridge': 'oss:',
};
const CONFIG_PREFIX = /^(oss|cos|obs|s3):\s*/;

/** Turn a user's or a trigger's event name into the form the payload carries. */
export function payloadEventName(id: string, input: string, notes: string[]): string {
  const names = eventNamesOf(id);
  const bare = input.trim().replace(CONFIG_PREFIX, '');
  const prefix = PAYLOAD_PREFIX[id] ?? '';
  let name = prefix + bare;
  if (names.includes(name)) {
    if (!bare.endsWith(':*') || id === 'tencent/cos') return name;
  } else if (!bare.endsWith(':*')) {
    // AWS payloads carry both forms; Tencent's delete family has no "d".
    if (id === 'tencent/cos' && names.includes(name.replace('ObjectRemoved:', 'ObjectRemove:')))
      return name.replace('ObjectRemoved:', 'ObjectRemove:');
    if (id === 'aliyun/oss' || id === 'aliyun/oss-eventbridge') {
      const longer = names.find((n) => n === `${name}Object`);
      if (longer) return longer;
    }
    const hint = didYouMean(name, names);
    throw new SampleError(
      `unknown ${id} event "${input}"${
        hint
          ? `; did you mean "${hint}"?`
          : `; expected one of ${names
              .slice(0, 8)
              .map((n) => `"${n}"`)
              .join(', ')}${names.length > 8 ? ', …' : ''}`
      }`,
    );
  }
  // A wildcard: a real event carries one concrete operation of the family.
  const family = name.slice(0, -1);
  const concrete = names.find((n) => n.startsWith(family) && !n.endsWith('*'));
  if (!concrete) throw new SampleError(`unknown ${id} event family "${input}"`);
  notes.push(`"${input}" is a wildcard; a delivered event names one operation, using "${concrete}"`);
  name = concrete;
  return name;
}

// ---- builders ------------------------------------------------------------------------------------

function ossRecord(c: Ctx, eventName: string, withRuleId = true): Record<string, unknown> {
  const removed = eventName.startsWith('ObjectRemoved');
  return {
    eventName,
    eventSource: 'acs:oss',
    eventTime: TIME,
    eventVersion: '1.0',
    oss: {
      bucket: { arn: `acs:oss:${c.region}:${ACCOUNT}:${c.bucket}`, name: c.bucket, ownerIdentity: ACCOUNT },
      object: {
        deltaSize: removed ? -122539 : 122539,
        eTag: ETAG,
        key: c.key,
        size: removed ? 0 : 122539,
        ...(removed ? {} : { objectMeta: { mimeType: mimeOf(c.key) } }),
      },
      ossSchemaVersion: '1.0',
      ...(withRuleId ? { ruleId: '9adac8e253828f4f7c0466d941fa3db81161e4a2' } : {}),
    },
    region: c.region,
    requestParameters: { sourceIPAddress: '203.0.113.10' },
    responseElements: { requestId: REQUEST_ID },
    userIdentity: { principalId: ACCOUNT },
  };
}

function mimeOf(key: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(key)?.[1]?.toLowerCase();
  const map: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    gif: 'image/gif',
    txt: 'text/plain',
    csv: 'text/csv',
    json: 'application/json',
    zip: 'application/zip',
    mp4: 'video/mp4',
    pdf: 'application/pdf',
  };
  return (ext && map[ext]) || 'application/octet-stream';
}

const aliyunCloudEvent = (c: Ctx, type: string, source: string, subject: string, data: unknown) => ({
  id: UUID,
  source,
  specversion: '1.0',
  type,
  subject,
  time: TIME,
  datacontenttype: 'application/json;charset=utf-8',
  aliyunaccountid: ACCOUNT,
  aliyunpublishtime: TIME,
  aliyunregionid: c.region,
  data,
});

const TENCENT_SHORT: Record<string, string> = {
  'ap-guangzhou': 'gz',
  'ap-chengdu': 'cd',
  'ap-beijing': 'bj',
  'ap-shanghai': 'sh',
  'ap-nanjing': 'nj',
  'ap-chongqing': 'cq',
  'ap-hongkong': 'hk',
  'ap-singapore': 'sg',
  'ap-shanghai-fsi': 'shjr',
  'ap-shenzhen-fsi': 'szjr',
};

/** "name-appid" (optionally as a COS domain) → name and appid. */
export function splitCosBucket(bucket: string): { name: string; appid: string } {
  const m = /^(.+)-(\d{5,})(?:\.cos\.[a-z-]+\.myqcloud\.com)?$/.exec(bucket);
  return m ? { name: m[1], appid: m[2] } : { name: bucket, appid: '1250000000' };
}

function awsKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

const s3Record = (c: Ctx, eventName: string, huawei: boolean) => {
  const removed = eventName.includes('ObjectRemoved');
  return {
    eventVersion: huawei ? '2.0' : '2.1',
    eventSource: 'aws:s3',
    awsRegion: c.region,
    eventTime: TIME,
    eventName,
    userIdentity: { principalId: huawei ? '9bf43789b1ff4b679040f35cc4f0dc05' : 'AWS:AIDAINPONIXQXHT3IKHL2' },
    requestParameters: { sourceIPAddress: '203.0.113.10' },
    responseElements: {
      'x-amz-request-id': 'C3D13FE58DE4C810',
      'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: huawei ? 'UK1DGFPYUKUZFHNQ00000160CC0B471D101ED30CE24DF4DB' : 'on-upload',
      bucket: huawei
        ? {
            name: c.bucket,
            ownerIdentity: { PrincipalId: '0ed1b73473f24134a478962e631651eb' },
            arn: `arn:aws:s3:::${c.bucket}`,
          }
        : { name: c.bucket, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${c.bucket}` },
      object: huawei
        ? {
            key: encodeURIComponent(c.key),
            eTag: ETAG.toLowerCase(),
            size: 122539,
            versionId: 'null',
            sequencer: '00000000160D9E681484D6B4C0000000',
          }
        : removed
          ? { key: awsKey(c.key), sequencer: '0055AED6DCD90281E5' }
          : { key: awsKey(c.key), size: 122539, eTag: ETAG.toLowerCase(), sequencer: '0055AED6DCD90281E5' },
    },
  };
};

type Builder = (c: Ctx) => unknown;

const BUILDERS: Record<string, Builder> = {
  'aliyun/oss': (c) => ({ events: [ossRecord(c, c.event)] }),
  'aliyun/oss-eventbridge': (c) => {
    const bare = c.event.replace(/^oss:/, '');
    return aliyunCloudEvent(
      c,
      c.event,
      'acs.oss',
      `acs:oss:${c.region}:${ACCOUNT}:${c.bucket}/${c.key}`,
      ossRecord(c, bare, false),
    );
  },
  'aliyun/timer': () => ({ triggerTime: '2024-05-20T08:30:00Z', triggerName: 'timer-trigger', payload: 'awesome-fc' }),
  'aliyun/http': (c) => ({
    version: 'v1',
    rawPath: '/hello',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'curl/8.5.0' },
    queryParameters: { name: 'fc' },
    body: '{"hello":"world"}',
    isBase64Encoded: false,
    requestContext: {
      accountId: ACCOUNT,
      domainName: `${ACCOUNT}.${c.region}.fc.aliyuncs.com`,
      domainPrefix: ACCOUNT,
      requestId: '1-664b0a18-15f4a3b2c1d0e9f8a7b6c5d4',
      time: '2024-05-20T08:30:00Z',
      timeEpoch: String(EPOCH_MS),
      http: { method: 'POST', path: '/hello', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
    },
  }),
  'aliyun/apigw': () => ({
    path: '/api/users/42',
    httpMethod: 'GET',
    headers: { 'X-Ca-Api-Gateway': 'apigw', 'User-Agent': 'curl/8.5.0' },
    queryParameters: { verbose: 'true' },
    pathParameters: { id: '42' },
    body: '',
    isBase64Encoded: false,
  }),
  'aliyun/sls': (c) => ({
    parameter: {},
    source: {
      endpoint: `http://${c.region}-intranet.log.aliyuncs.com`,
      projectName: 'my-project',
      logstoreName: 'my-logstore',
      shardId: 0,
      beginCursor: 'MTUyOTQ4MDIwOTY1NTk3ODQ2Mw==',
      endCursor: 'MTUyOTQ4MDIwOTY1NTk3ODQ2NA==',
    },
    jobName: '1f7043ced683de1a4e3d8d70b5a412843d817a39',
    taskId: UUID,
    cursorTime: EPOCH_S,
  }),
  'aliyun/mns-topic': () => ({
    TopicOwner: ACCOUNT,
    Message: 'hello topic',
    Subscriber: ACCOUNT,
    PublishTime: EPOCH_MS,
    SubscriptionName: 'fc-subscription',
    MessageMD5: 'BA4BA9B48AC81F0F9C66F6C909C3F1A2',
    TopicName: 'my-topic',
    MessageId: '2F5B3C281B283D4EAC694B742528A1B2',
  }),
  'aliyun/mns-queue': (c) => [
    aliyunCloudEvent(
      c,
      'mns:Queue:SendMessage',
      'MNS-Function-mnstrigger',
      `acs:mns:${c.region}:${ACCOUNT}:queues/my-queue`,
      { requestId: REQUEST_ID, messageId: 'C6DB60D1574661357FA227277445A1B2', messageBody: 'hello queue' },
    ),
  ],
  'aliyun/tablestore': () => ({
    Version: 'Sync-v1',
    Records: [
      {
        Type: 'PutRow',
        Info: { Timestamp: EPOCH_MS * 1000 },
        PrimaryKey: [{ ColumnName: 'id', Value: 'user-42' }],
        Columns: [{ Type: 'Put', ColumnName: 'name', Value: 'Alice', Timestamp: EPOCH_MS }],
      },
    ],
  }),
  'aliyun/cdn': (c) => ({
    events: [
      {
        eventName: 'CachedObjectsRefreshed',
        eventVersion: '1.0.0',
        eventSource: 'cdn',
        region: c.region,
        eventTime: '2024-05-20T16:30:00+08:00',
        traceId: UUID,
        resource: { domain: 'cdn.example.com' },
        eventParameter: {
          objectPath: ['/images/example.jpg'],
          createTime: EPOCH_S,
          domain: 'cdn.example.com',
          completeTime: EPOCH_S + 8,
          objectType: 'File',
          taskId: 2089687230,
        },
        userIdentity: { aliUid: ACCOUNT },
      },
    ],
  }),
  'aliyun/kafka': (c) => [
    aliyunCloudEvent(
      c,
      'alikafka:Topic:Message',
      'acs:alikafka',
      'acs:alikafka:alikafka_pre-cn-example:topic:my-topic',
      {
        topic: 'my-topic',
        partition: 0,
        offset: 25,
        timestamp: EPOCH_MS,
        headers: { headers: [], isReadOnly: false },
        key: 'key-1',
        value: 'hello kafka',
      },
    ),
  ],
  'aliyun/rocketmq': (c) => [
    aliyunCloudEvent(
      c,
      'mq:Topic:SendMessage',
      'RocketMQ-Function-rocketmq-trigger',
      `acs:mq:${c.region}:${ACCOUNT}:MQ_INST_example%my-topic`,
      {
        topic: 'my-topic',
        systemProperties: {
          MIN_OFFSET: '0',
          MAX_OFFSET: '8',
          TRACE_ON: 'true',
          CONSUME_START_TIME: EPOCH_MS,
          KEYS: 'key-1',
          TAGS: 'tag-a',
          MSG_REGION: c.region,
          INSTANCE_ID: 'MQ_INST_example',
        },
        userProperties: {},
        body: 'hello rocketmq',
      },
    ),
  ],
  'aliyun/rabbitmq': (c) => [
    aliyunCloudEvent(
      c,
      'amqp:Queue:SendMessage',
      'RabbitMQ-Function-rabbitmq-trigger',
      `acs:amqp:${c.region}:${ACCOUNT}:/instances/amqp-cn-example/vhosts/my-vhost/queues/my-queue`,
      {
        envelope: { deliveryTag: 1, exchange: '', redeliver: false, routingKey: 'my-queue' },
        body: { hello: 'rabbitmq' },
        props: { contentEncoding: 'UTF-8', messageId: UUID },
      },
    ),
  ],
  'tencent/cos': (c) => {
    const { name, appid } = splitCosBucket(c.bucket);
    return {
      Records: [
        {
          cos: {
            cosSchemaVersion: '1.0',
            cosObject: {
              url: `http://${name}-${appid}.cos.${c.region}.myqcloud.com/${c.key.split('/').map(encodeURIComponent).join('/')}`,
              meta: { 'x-cos-request-id': 'NWMxOWY4MGFfMjViMjU4NjRfMTUyMV8yNzhhZjM=', 'Content-Type': mimeOf(c.key) },
              vid: '',
              key: `/${appid}/${name}/${c.key}`,
              size: 1029,
            },
            cosBucket: { region: TENCENT_SHORT[c.region] ?? c.region, name, appid, cosRegion: c.region },
            cosNotificationId: 'unkown',
          },
          event: {
            eventName: c.event,
            eventVersion: '1.0',
            eventTime: EPOCH_S,
            eventSource: 'qcs::cos',
            requestParameters: {
              requestSourceIP: '203.0.113.10',
              requestHeaders: {
                Authorization:
                  'q-sign-algorithm=sha1&q-ak=AKIDEXAMPLE&q-sign-time=1716193740;1716197340&q-signature=0000',
              },
            },
            eventQueue: `qcs:0:scf:${c.region}:appid/${appid}:default.my-function.$LATEST`,
            reservedInfo: '',
            reqid: 179398952,
          },
        },
      ],
    };
  },
  'tencent/timer': () => ({
    Type: 'Timer',
    TriggerName: 'EveryDay',
    Time: '2024-05-20T08:30:00Z',
    Message: 'user define msg body',
  }),
  'tencent/apigw': () => ({
    requestContext: {
      serviceId: 'service-f94sy04v',
      path: '/test/{path}',
      httpMethod: 'POST',
      requestId: UUID,
      identity: { secretId: 'AKIDEXAMPLE' },
      sourceIp: '203.0.113.10',
      stage: 'release',
    },
    headers: {
      'Content-Type': 'application/json',
      Host: 'service-f94sy04v-1250000000.gz.apigw.tencentcs.com',
      'User-Agent': 'curl/8.5.0',
    },
    body: '{"test":"body"}',
    pathParameters: { path: 'value' },
    queryStringParameters: { foo: 'bar' },
    headerParameters: { Refer: 'example' },
    stageVariables: { stage: 'release' },
    path: '/test/value',
    queryString: { foo: 'bar' },
    httpMethod: 'POST',
  }),
  'tencent/cmq': () => ({
    Records: [
      {
        CMQ: {
          type: 'topic',
          topicOwner: '1250000000',
          topicName: 'my-topic',
          subscriptionName: 'my-subscription',
          publishTime: '2024-05-20T08:30:00Z',
          msgId: '123345346',
          requestId: '123345346',
          msgBody: 'Hello from CMQ!',
          msgTag: 'tag1,tag2',
        },
      },
    ],
  }),
  'tencent/ckafka': () => ({
    Records: [
      { Ckafka: { topic: 'my-topic', partition: 1, offset: 36, msgKey: 'None', msgBody: 'Hello from Ckafka!' } },
    ],
  }),
  'tencent/cls': () => ({ clslogs: { data: 'H4sIAAAAAAAA/6tWKkktLlGyUlAqS8wpTVWqBQBbHfDJEQAAAA==' } }),
  'tencent/clb': () => ({
    headers: {
      'Content-Type': 'application/json',
      Host: 'test.clb-scf.com',
      'X-Stgw-Time': '1716193800.774',
      'X-Client-Proto': 'http',
      'X-Real-IP': '203.0.113.10',
      'X-Vip': '198.51.100.7',
      'X-Vport': '80',
      'X-Uri': '/scf_location',
      'X-Method': 'POST',
    },
    payload: { key1: '123', key2: 'abc' },
    isBase64Encoded: false,
  }),
  'huawei/obs': (c) => ({ Records: [s3Record(c, c.event, true)] }),
  'huawei/apig': () => ({
    body: 'eyJ0ZXN0IjoiYm9keSJ9',
    isBase64Encoded: true,
    httpMethod: 'GET',
    path: '/apig-event-template',
    headers: {
      accept: 'application/json',
      host: 'example.apig.cn-north-4.huaweicloudapis.com',
      'user-agent': 'curl/8.5.0',
    },
    pathParameters: {},
    queryStringParameters: { responseType: 'json' },
    requestContext: {
      apiId: 'bc1dcffd-aa35-474d-897c-d53425a4c08e',
      requestId: '11cdcdcf33949dc6d722640a13091c77',
      stage: 'RELEASE',
      sourceIp: '203.0.113.10',
    },
  }),
  'huawei/timer': () => ({
    version: 'v1.0',
    time: '2024-05-20T16:30:00+08:00',
    trigger_type: 'TIMER',
    trigger_name: 'Timer_001',
    user_event: 'User Event',
  }),
  'huawei/lts': () => ({
    lts: { data: 'eyJsb2dzIjoiW10iLCJvd25lciI6IjYyODBlMTcwYmQ5MzRmNjBhNGQ4NTFjZjVjYTA1MTI5In0=' },
  }),
  'huawei/cts': () => ({
    cts: {
      time: EPOCH_MS,
      user: {
        name: 'userName',
        id: '5b726c4fbfd84821ba866bafaaf56aa0',
        domain: { name: 'domainName', id: 'b2b3853af40448fcb9e40dc389505ba0' },
      },
      request: {},
      response: {},
      code: 204,
      service_type: 'VPC',
      resource_type: 'vpc',
      resource_name: 'my-vpc',
      resource_id: '0f4ac5c9-5d9d-4b8e-9a2f-2f6d8e7a9b01',
      trace_name: 'deleteVpc',
      trace_type: 'ApiCall',
      record_time: EPOCH_MS,
      trace_id: '69be64a7-0233-11e8-82e4-e5d37911193e',
      trace_status: 'normal',
    },
  }),
  'huawei/kafka': (c) => ({
    event_version: 'v1.0',
    event_time: EPOCH_S,
    trigger_type: 'KAFKA',
    region: c.region,
    instance_id: '81335d56-b9fe-4679-ba95-7030949cc76b',
    records: [{ messages: ['kafka message1', 'kafka message2'], topic_id: 'topic-test' }],
  }),
  'huawei/rocketmq': (c) => ({
    event_version: 'v1.0',
    event_time: EPOCH_S,
    trigger_type: 'ROCKETMQ',
    region: c.region,
    instance_id: '81335d56-b9fe-4679-ba95-7030949cc76b',
    records: [{ messages: ['rocketmq message1'], topic_id: 'topic-test' }],
  }),
  'huawei/rabbitmq': (c) => ({
    event_version: 'v1.0',
    event_time: EPOCH_S,
    trigger_type: 'RABBITMQ',
    region: c.region,
    records: [
      {
        messages: ['rabbitmq message1'],
        instance_id: '81335d56-b9fe-4679-ba95-7030949cc76b',
        exchange: 'exchange-test',
      },
    ],
  }),
  'huawei/dis': () => ({
    ShardID: 'shardId-0000000000',
    Message: {
      next_partition_cursor: 'eyJnZXRJdGVyYXRvclBhcmFtIjp7fX0',
      records: [{ partition_key: 'shardId_0000000000', data: 'd2VsY29tZQ==', sequence_number: '0' }],
      millis_behind_latest: '',
    },
    Tag: 'latest',
    StreamName: 'my-stream',
  }),
  'huawei/smn': (c) => ({
    record: [
      {
        event_version: '1.0',
        event_source: 'smn',
        event_subscription_urn: `urn:fss:${c.region}:0162c0f220284698b77a3d264376343a:function:default:my-function:latest`,
        smn: {
          topic_urn: `urn:smn:${c.region}:0162c0f220284698b77a3d264376343a:my-topic`,
          timestamp: '2024-05-20T08:30:00Z',
          message: 'hello smn',
          subject: 'greeting',
          type: 'notification',
          message_id: 'a51671f77d4a479cacb09e2cd591a983',
          message_attributes: null,
        },
      },
    ],
  }),
  'jdcloud/oss': (c) => ({
    Records: [
      {
        version: 0,
        id: UUID,
        time: TIME,
        source: 'oss',
        base64OwnerPin: 'ZnVuY3Rpb24tdGVzdA==',
        resources: [`jrn:oss:${c.region}:${ACCOUNT}:${c.bucket}/${c.key}`],
        region: c.region,
        detailType: 'MessageReceived',
        detail: {
          eventName: c.event,
          responseElements: { 'x-amz-request-id': 'bgcfr6iumcb2k2g07b1gro22e926sdad' },
          s3: {
            s3SchemaVersion: '1.0',
            configurationId: 'on-upload',
            bucket: { name: c.bucket, ownerIdentity: { principalId: ACCOUNT } },
            object: { key: c.key, eTag: ETAG.toLowerCase(), size: 122539, type: mimeOf(c.key) },
          },
          callBackVar: { callBackVars: {} },
        },
      },
    ],
  }),
  'jdcloud/apigw': (c) => ({
    version: '0',
    id: UUID,
    time: '2024-05-20T08:30:00Z',
    source: 'apigateway',
    base64OwnerPin: 'ZnVuY3Rpb24tdGVzdA==',
    resources: [`jrn:apigateway:${c.region}::api/function`],
    region: c.region,
    detailType: 'ApiGatewayReceived',
    detail: {
      path: '/hello',
      httpMethod: 'GET',
      headers: { 'User-Agent': 'curl/8.5.0' },
      pathParameters: {},
      queryParameters: { name: 'jd' },
      body: '{}',
      requestContext: {
        stage: 'test',
        apiId: 'api-xhkj27dxn12p',
        requestId: 'bgcfr6iumcb2k2g07b1gro22e926sdad',
        sourceIp: '203.0.113.10',
        identity: { accountId: '', apiKey: '', authType: 'none' },
      },
    },
  }),
  'aws/s3': (c) => ({ Records: [s3Record(c, c.event, false)] }),
};

const DEFAULT_EVENT: Record<string, string> = {
  'aliyun/oss': 'ObjectCreated:PutObject',
  'aliyun/oss-eventbridge': 'oss:ObjectCreated:PutObject',
  'tencent/cos': 'cos:ObjectCreated:Put',
  'huawei/obs': 'ObjectCreated:Put',
  'jdcloud/oss': 's3:ObjectCreated:Put',
  'aws/s3': 'ObjectCreated:Put',
};

/** A realistic, valid event for `id` ("vendor/type"). Throws SampleError on a bad --event. */
export function sampleEvent(id: string, opts: SampleOptions = {}): Sample {
  const build = BUILDERS[id];
  if (!build) throw new SampleError(`no sample for "${id}"`);
  const notes: string[] = [];
  const vendor = id.split('/')[0];
  const storage = id in DEFAULT_EVENT;
  if (!storage) {
    for (const k of ['bucket', 'key', 'event'] as const) {
      if (opts[k] !== undefined) notes.push(`--${k} does not apply to ${id} events; ignored`);
    }
  }
  const d = DEFAULTS[vendor];
  let key = opts.key ?? d.key;
  if (storage && key.startsWith('/')) {
    notes.push(`object keys never start with "/"; using "${key.replace(/^\/+/, '')}"`);
    key = key.replace(/^\/+/, '');
  }
  const unpaired = /\p{Cs}/u.exec(key);
  if (storage && unpaired) {
    // a "\uD800" escape in the config or --key: keys are UTF-8 text, and URL-encoding it throws
    const fixed = key.replace(/\p{Cs}/gu, '\uFFFD');
    notes.push(
      `the key ${JSON.stringify(key)} holds ${JSON.stringify(unpaired[0])}, half of a UTF-16 surrogate pair that no object key can hold; using ${JSON.stringify(fixed)}`,
    );
    key = fixed;
  }
  const ctx: Ctx = {
    bucket: opts.bucket ?? d.bucket,
    key,
    region: opts.region ?? d.region,
    event: storage ? payloadEventName(id, opts.event ?? DEFAULT_EVENT[id], notes) : '',
  };
  return { event: build(ctx), notes };
}
