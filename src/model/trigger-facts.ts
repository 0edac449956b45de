// Per-vendor facts about non-storage triggers (timer, http, log), cited in docs/rules/*.md.
// The storage facts live in src/model/vendors.ts; these are the ones the timer/http/log rules read.
import type { Vendor } from './model.js';

export interface TriggerFacts {
  /** Whether a cron without a time zone runs in UTC (Alibaba, AWS) rather than the region's zone. */
  cronInUtc: boolean;
  /** How to name a time zone in a schedule, for messages. */
  timezoneHow?: (zone: string, schedule: string, format?: string) => string;
  http?: {
    methods: string[];
    authTypes?: string[];
    /** HTTP triggers one function allows. */
    perFunction?: number; // per version or alias
    source: string;
  };
  /** API-gateway triggers (HttpTrigger with gateway true): the gateway's methods and auth modes. */
  gateway?: {
    methods: string[];
    authTypes?: string[];
    /** Whether auth modes compare without case (the docs spell them `App` and `APP`). */
    authAnyCase?: boolean;
    source: string;
  };
  log?: {
    /** Seconds between invocations, inclusive. */
    interval?: [number, number];
    retries?: [number, number];
    source: string;
  };
  /** Queue / topic / stream triggers, by the vendor's trigger type as written (lower-cased). */
  queue?: QueueFacts[];
  /** EventBridge-routed triggers: push (batch) settings for the custom event sources listed. */
  eventbridge?: {
    /** `eventSourceType` values the batch settings apply to (lower-cased). */
    sourceTypes: string[];
    batchSize: [number, number];
    batchWindow: [number, number];
    source: string;
    /** The key under `eventSourceParameters` that holds each custom source's settings, by lower-cased `eventSourceType`. */
    parameterKeys?: Record<string, string>;
    parameterKeysSource?: string;
    /** Keys of the trigger config (never source settings) → where they belong, for a key written inside eventSourceParameters. */
    configKeys?: Record<string, string>;
  };
}

/** Documented ranges of one vendor's queue / stream trigger types (inclusive). */
export interface QueueFacts {
  /** Trigger types as the formats write them, lower-cased (`ckafka`, `kafka`, `sqs`…). */
  types: string[];
  /** What to call it in messages. */
  label: string;
  /** Records per invocation. */
  batchSize?: [number, number];
  /** Batch size when the queue is FIFO (its name ends in `.fifo`). */
  fifoBatchSize?: [number, number];
  /** Seconds to gather a batch. */
  batchWindow?: [number, number];
  /** A FIFO queue takes no batch window. */
  fifoNoWindow?: boolean;
  /** Retries of a failed batch. */
  retries?: [number, number];
  source: string;
}

export const TRIGGER_FACTS: Record<Vendor, TriggerFacts> = {
  aliyun: {
    cronInUtc: true,
    timezoneHow: (zone, schedule) => `write "CRON_TZ=${zone} ${schedule}"`,
    http: {
      methods: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'],
      authTypes: ['anonymous', 'function', 'jwt'],
      perFunction: 1,
      source:
        'Alibaba Cloud, "HTTP trigger overview" (alibabacloud.com/help/en/functioncompute/fc/user-guide/http-triggers-overview); fc3 schema',
    },
    log: {
      interval: [3, 600],
      retries: [0, 100],
      source: 'devsapp/fc3 complete-props.yaml: triggerInterval 取值范围 [3,600] 秒, maxRetryTime 取值范围 [0,100]',
    },
    eventbridge: {
      sourceTypes: ['mns', 'rocketmq', 'rabbitmq', 'kafka', 'dts'],
      batchSize: [1, 10000],
      batchWindow: [0, 15],
      source:
        'Alibaba Cloud FC, "Advanced features of triggers" (help.aliyun.com/zh/functioncompute/fc-2-0/user-guide/advanced-features-of-triggers): 批量推送条数 取值范围为[1,10000]; 批量推送间隔 取值范围为[0,15]，单位为秒 — for MNS queue, RocketMQ, RabbitMQ, Kafka and DTS triggers',
      parameterKeys: {
        mns: 'sourceMNSParameters',
        rocketmq: 'sourceRocketMQParameters',
        rabbitmq: 'sourceRabbitMQParameters',
        kafka: 'sourceKafkaParameters',
        dts: 'sourceDTSParameters',
        mqtt: 'sourceMQTTParameters',
      },
      parameterKeysSource:
        'FC API EventSourceParameters (alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-eventsourceparameters): sourceMNSParameters, sourceRocketMQParameters, sourceRabbitMQParameters, sourceKafkaParameters, sourceDTSParameters, sourceMQTTParameters; devsapp/fc3 __tests__/complete-props.yaml writes each custom source under its own key',
      // FC API EventBridgeTriggerConfig: triggerEnable, asyncInvocationType, eventRuleFilterPattern,
      // eventSourceConfig {eventSourceType, eventSourceParameters}, eventSinkConfig, runOptions
      configKeys: {
        eventRuleFilterPattern: 'the trigger config, beside eventSourceConfig',
        triggerEnable: 'the trigger config, beside eventSourceConfig',
        asyncInvocationType: 'the trigger config, beside eventSourceConfig',
        runOptions: 'the trigger config, beside eventSourceConfig',
        eventSinkConfig: 'the trigger config, beside eventSourceConfig',
        eventSourceType: 'eventSourceConfig, beside eventSourceParameters',
      },
    },
  },
  tencent: {
    cronInUtc: false,
    gateway: {
      methods: ['ANY', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
      source:
        'Tencent Cloud SCF, "API 网关触发器概述" (cloud.tencent.com/document/product/583/12513): 支持请求方法（目前支持 ANY、GET、HEAD、POST、PUT、DELETE 六种方法的请求）',
    },
    log: {
      interval: [3, 300],
      source:
        'Tencent Cloud SCF, "CLS 触发器" (cloud.tencent.com/document/product/583/49587): 最长等待时间 … 消费模块的范围在3 - 300s',
    },
    queue: [
      {
        types: ['ckafka'],
        label: 'CKafka',
        batchSize: [1, 10000],
        source:
          'Tencent Cloud SCF, "CKafka 触发器" (cloud.tencent.com/document/product/583/17530): 最大批量消息数 … 目前支持最高配置为10000 … 处在1 - 最大消息数之间',
      },
    ],
  },
  huawei: {
    cronInUtc: false,
    gateway: {
      methods: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'ANY'],
      authTypes: ['IAM', 'APP', 'NONE'],
      authAnyCase: true,
      source:
        'zy-linn/serverless-huawei-functions docs/trigger.md (APIG 触发器): reqMethod 取值为 GET、POST、PUT、DELETE、HEAD、PATCH、OPTIONS、ANY; auth: App, IAM, None (fgs-component docs/en/yaml/trigger.md: App, IAM, NONE)',
    },
    queue: [
      {
        types: ['kafka'],
        label: 'DMS for Kafka',
        batchSize: [1, 1000],
        source:
          'zy-linn/serverless-huawei-functions docs/trigger.md (KAFKA 触发器): batchSize 批处理大小，值为1-1000，默认为 100',
      },
    ],
  },
  jdcloud: { cronInUtc: false },
  aws: {
    cronInUtc: true,
    // SAM: a ScheduleV2 event; Serverless Framework: `method: scheduler` with `timezone` (docs/sf/providers/aws/events/schedule.md)
    timezoneHow: (zone, _s, format) =>
      format === 'serverless-aws'
        ? `write the schedule as { method: scheduler, rate: [...], timezone: ${zone} }, or shift the hour`
        : `use a ScheduleV2 event with ScheduleExpressionTimezone: ${zone}, or shift the hour`,
    gateway: {
      methods: ['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', '*'],
      source:
        'AWS SAM, "Api" / "HttpApi" event source types (docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html): Method — options include any, delete, get, head, options, patch, post, and put; Serverless Framework httpApi takes "*" for any method',
    },
    queue: [
      {
        types: ['sqs'],
        label: 'SQS',
        batchSize: [1, 10000],
        fifoBatchSize: [1, 10],
        batchWindow: [0, 300],
        fifoNoWindow: true,
        source:
          'AWS Lambda, "Lambda parameters for Amazon SQS event source mappings" (docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html): BatchSize — for standard queues, the maximum is 10,000; for FIFO queues, the maximum is 10; MaximumBatchingWindowInSeconds — batching window is not supported for FIFO queues; CreateEventSourceMapping API: MaximumBatchingWindowInSeconds 0–300',
      },
      {
        types: ['kinesis', 'dynamodb', 'stream'],
        label: 'stream',
        batchSize: [1, 10000],
        batchWindow: [0, 300],
        retries: [-1, 10000],
        source:
          'AWS Lambda API, CreateEventSourceMapping (docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html): BatchSize — Kinesis and DynamoDB Streams max 10,000; MaximumBatchingWindowInSeconds 0–300; MaximumRetryAttempts −1 (infinite) to 10,000',
      },
    ],
  },
};

/** Fixed-offset time zones of regions (no daylight saving), by region id. */
const REGION_ZONES: [RegExp, string, number][] = [
  [/^cn-hongkong$/, 'Asia/Hong_Kong', 8],
  [/^ap-east-1$/, 'Asia/Hong_Kong', 8],
  [/^cn-/, 'Asia/Shanghai', 8],
  [/^ap-southeast-1$/, 'Asia/Singapore', 8],
  [/^ap-northeast-1$/, 'Asia/Tokyo', 9],
  [/^ap-northeast-2$/, 'Asia/Seoul', 9],
  [/^ap-northeast-3$/, 'Asia/Tokyo', 9],
  [/^ap-south-1$/, 'Asia/Kolkata', 5.5],
];

const ALIYUN_ONLY: [RegExp, string, number][] = [
  [/^ap-southeast-3$/, 'Asia/Kuala_Lumpur', 8],
  [/^ap-southeast-5$/, 'Asia/Jakarta', 7],
  [/^ap-southeast-6$/, 'Asia/Manila', 8],
  [/^ap-southeast-7$/, 'Asia/Bangkok', 7],
];

const AWS_ONLY: [RegExp, string, number][] = [[/^ap-southeast-3$/, 'Asia/Jakarta', 7]];

/** The time zone and UTC offset (hours) of a region, when it has one fixed offset. */
export function regionZone(vendor: Vendor, region: string): { zone: string; offset: number } | undefined {
  const table = [...REGION_ZONES, ...(vendor === 'aws' ? AWS_ONLY : vendor === 'aliyun' ? ALIYUN_ONLY : [])];
  const hit = table.find(([re]) => re.test(region));
  return hit ? { zone: hit[1], offset: hit[2] } : undefined;
}
