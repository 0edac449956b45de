// Per-vendor facts about non-storage triggers (timer, http, log), cited in docs/rules/*.md.
// The storage facts live in src/vendors.ts; these are the ones the timer/http/log rules read.
import type { Vendor } from './model.js';

export interface TriggerFacts {
  /** Whether a cron without a time zone runs in UTC (Alibaba, AWS) rather than the region's zone. */
  cronInUtc: boolean;
  /** How to name a time zone in a schedule, for messages. */
  timezoneHow?: (zone: string, schedule: string) => string;
  http?: {
    methods: string[];
    authTypes?: string[];
    /** HTTP triggers one function allows. */
    perFunction?: number; // per version or alias
    source: string;
  };
  log?: {
    /** Seconds between invocations, inclusive. */
    interval: [number, number];
    retries: [number, number];
    source: string;
  };
}

export const TRIGGER_FACTS: Record<Vendor, TriggerFacts> = {
  aliyun: {
    cronInUtc: true,
    timezoneHow: (zone, schedule) => `write "CRON_TZ=${zone} ${schedule}"`,
    http: {
      methods: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'],
      authTypes: ['anonymous', 'function', 'jwt'],
      perFunction: 1,
      source: 'Alibaba Cloud, "HTTP trigger overview" (alibabacloud.com/help/en/functioncompute/fc/user-guide/http-triggers-overview); fc3 schema',
    },
    log: {
      interval: [3, 600],
      retries: [0, 100],
      source: 'devsapp/fc3 complete-props.yaml: triggerInterval 取值范围 [3,600] 秒, maxRetryTime 取值范围 [0,100]',
    },
  },
  tencent: { cronInUtc: false },
  huawei: { cronInUtc: false },
  jdcloud: { cronInUtc: false },
  aws: {
    cronInUtc: true,
    timezoneHow: (zone) => `use a ScheduleV2 event with ScheduleExpressionTimezone: ${zone}, or shift the hour`,
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

const AWS_ONLY: [RegExp, string, number][] = [
  [/^ap-southeast-3$/, 'Asia/Jakarta', 7],
];

/** The time zone and UTC offset (hours) of a region, when it has one fixed offset. */
export function regionZone(vendor: Vendor, region: string): { zone: string; offset: number } | undefined {
  const table = [...REGION_ZONES, ...(vendor === 'aws' ? AWS_ONLY : vendor === 'aliyun' ? ALIYUN_ONLY : [])];
  const hit = table.find(([re]) => re.test(region));
  return hit ? { zone: hit[1], offset: hit[2] } : undefined;
}
