// The event catalog: every vendor/type pair trigger-lint has a payload schema for, with the
// one-line description `event list` prints. The schemas themselves live in
// schemas/events/<vendor>/<type>.json (compiled ahead of time into src/generated/events.js).
import type { Vendor } from '../model/model.js';

export interface EventType {
  vendor: Vendor;
  type: string;
  /** "aliyun/oss": the schema key without the "events/" group. */
  id: string;
  description: string;
  /** Object-storage events: `sample` takes --bucket/--key/--region/--event. */
  storage?: boolean;
}

const entries: [Vendor, string, string, boolean?][] = [
  [
    'aliyun',
    'oss',
    'OSS object event from a native OSS trigger: {"events": [{eventName, oss{bucket, object}, …}]}',
    true,
  ],
  [
    'aliyun',
    'oss-eventbridge',
    'OSS object event from an EventBridge-based OSS trigger: a CloudEvent with data = one OSS record',
    true,
  ],
  ['aliyun', 'timer', 'timer trigger: {triggerTime, triggerName, payload}'],
  [
    'aliyun',
    'http',
    'FC 3.0 HTTP trigger on an event function: {version, rawPath, headers, queryParameters, body, requestContext}',
  ],
  [
    'aliyun',
    'apigw',
    'API Gateway to an event function: {path, httpMethod, headers, queryParameters, pathParameters, body, isBase64Encoded}',
  ],
  [
    'aliyun',
    'sls',
    'Log Service trigger: {parameter, source{projectName, logstoreName, shardId, cursors}, jobName, taskId, cursorTime}',
  ],
  ['aliyun', 'mns-topic', 'MNS topic trigger: JSON {TopicOwner, Message, PublishTime, …} or STREAM {body, attrs}'],
  ['aliyun', 'mns-queue', 'MNS queue trigger: an array of CloudEvents, type "mns:Queue:SendMessage"'],
  ['aliyun', 'tablestore', 'Tablestore trigger (decoded from CBOR): {Version, Records[{Type, PrimaryKey, Columns}]}'],
  ['aliyun', 'cdn', 'CDN events trigger: {"events": [{eventName, eventSource "cdn", resource, eventParameter}]}'],
  ['aliyun', 'kafka', 'Kafka trigger: an array of CloudEvents, type "alikafka:Topic:Message"'],
  [
    'aliyun',
    'rocketmq',
    'RocketMQ trigger: an array of CloudEvents, type "mq:Topic:SendMessage" (or Apache RocketMQ records)',
  ],
  ['aliyun', 'rabbitmq', 'RabbitMQ trigger: an array of CloudEvents, type "amqp:Queue:SendMessage"'],
  [
    'tencent',
    'cos',
    'COS trigger: {"Records": [{cos{cosBucket, cosObject}, event{eventName "cos:…", eventTime}}]}',
    true,
  ],
  ['tencent', 'timer', 'timer trigger: {Type "Timer", TriggerName, Time, Message}'],
  [
    'tencent',
    'apigw',
    'API Gateway trigger: {requestContext, headers, body, queryStringParameters, queryString, path, httpMethod}',
  ],
  ['tencent', 'cmq', 'CMQ topic trigger: {"Records": [{"CMQ": {topicName, msgBody, …}}]}'],
  ['tencent', 'ckafka', 'CKafka trigger: {"Records": [{"Ckafka": {topic, partition, offset, msgKey, msgBody}}]}'],
  ['tencent', 'cls', 'CLS log trigger: {"clslogs": {"data": base64}}'],
  ['tencent', 'clb', 'CLB load balancer trigger: {headers, payload, isBase64Encoded}'],
  [
    'huawei',
    'obs',
    'OBS trigger (S3 clone): {"Records": [{eventName, s3{bucket{ownerIdentity{PrincipalId}}, object}}]}',
    true,
  ],
  [
    'huawei',
    'apig',
    'APIG trigger: {httpMethod, path, headers, queryStringParameters, body, isBase64Encoded, requestContext}',
  ],
  ['huawei', 'timer', 'timer trigger: {version, time, trigger_type "TIMER", trigger_name, user_event}'],
  ['huawei', 'lts', 'LTS log trigger: {"lts": {"data": base64}}'],
  ['huawei', 'cts', 'CTS cloud trace trigger: {"cts": {time, user, service_type, trace_name, …}}'],
  ['huawei', 'kafka', 'DMS for Kafka trigger: {trigger_type "KAFKA", instance_id, records[{messages, topic_id}]}'],
  [
    'huawei',
    'rocketmq',
    'DMS for RocketMQ trigger: {trigger_type "ROCKETMQ", instance_id, records[{messages, topic_id}]}',
  ],
  [
    'huawei',
    'rabbitmq',
    'DMS for RabbitMQ trigger: {trigger_type "RABBITMQ", records[{messages, instance_id, exchange}]}',
  ],
  ['huawei', 'dis', 'DIS stream trigger: {ShardID, Message{records, next_partition_cursor}, Tag, StreamName}'],
  ['huawei', 'smn', 'SMN notification trigger: {"record": [{event_source "smn", smn{topic_urn, message, …}}]}'],
  [
    'jdcloud',
    'oss',
    'OSS trigger: {"Records": [{version, source "oss", detail{eventName "s3:…", s3{bucket, object}}}]}',
    true,
  ],
  ['jdcloud', 'apigw', 'API Gateway trigger: {version, detailType "ApiGatewayReceived", detail{path, httpMethod, …}}'],
  [
    'aws',
    's3',
    'S3 event notification (the shape Huawei and JD copy): {"Records": [{eventSource "aws:s3", s3{bucket, object}}]}',
    true,
  ],
];

export const EVENT_TYPES: EventType[] = entries.map(([vendor, type, description, storage]) => ({
  vendor,
  type,
  id: `${vendor}/${type}`,
  description,
  ...(storage ? { storage } : {}),
}));

export const VENDORS: Vendor[] = [...new Set(EVENT_TYPES.map((e) => e.vendor))];

export function findEventType(vendor: string, type: string): EventType | undefined {
  return EVENT_TYPES.find((e) => e.vendor === vendor && e.type === type);
}

export function typesOf(vendor: string): string[] {
  return EVENT_TYPES.filter((e) => e.vendor === vendor).map((e) => e.type);
}

/** Vendor names as users say them → the catalog's names. */
export const VENDOR_ALIASES: Record<string, Vendor> = {
  aliyun: 'aliyun',
  alibaba: 'aliyun',
  alicloud: 'aliyun',
  fc: 'aliyun',
  tencent: 'tencent',
  scf: 'tencent',
  qcloud: 'tencent',
  huawei: 'huawei',
  huaweicloud: 'huawei',
  functiongraph: 'huawei',
  fgs: 'huawei',
  jdcloud: 'jdcloud',
  jd: 'jdcloud',
  aws: 'aws',
  lambda: 'aws',
};
