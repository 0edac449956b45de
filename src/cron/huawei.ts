// Huawei Cloud FunctionGraph timer. Schedule type Rate: "3m", "1h", "1d" (1-60 minutes, 1-24
// hours, 1-30 days). Schedule type Cron: "@every N<unit>" (ns µs ms s m h, fractions allowed) or
// "seconds minutes hours day-of-month month [day-of-week]", optional CRON_TZ (default: the
// region's time zone). Sources: support.huaweicloud.com …/functiongraph_01_0908.html and
// …/functiongraph_01_0207.html; AOS HuaweiCloud.FGS.TimerEventMap.
import { secondsFirst } from './aliyun.js';
import { DAYS0, MONTHS, type FieldSpec, type Schedule } from './types.js';

export const HUAWEI_FIELDS: FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 6, names: DAYS0, question: true },
];

const RATE_LIMITS: Record<string, { max: number; unit: string; seconds: number }> = {
  m: { max: 60, unit: 'minutes', seconds: 60 },
  h: { max: 24, unit: 'hours', seconds: 3600 },
  d: { max: 30, unit: 'days', seconds: 86400 },
};

/** `scheduleType` is Huawei's schedule_type when written ('Rate' | 'Cron'); otherwise the shape decides. */
export function parseHuawei(text: string, scheduleType?: string): Schedule {
  const type = scheduleType?.toLowerCase();
  const rate = /^\s*(\d+)\s*([a-zA-Z]+)\s*$/.exec(text);
  if (type === 'rate' || (type === undefined && rate && !text.includes('@'))) {
    if (!rate || !(rate[2].toLowerCase() in RATE_LIMITS)) {
      return {
        kind: 'invalid',
        problems: [
          {
            message: `"${text}" is not a FunctionGraph fixed rate; write a whole number and m, h or d, e.g. "3m", "1h", "1d"`,
            start: 0,
            end: Math.max(text.length, 1),
          },
        ],
      };
    }
    const n = Number(rate[1]);
    const lim = RATE_LIMITS[rate[2].toLowerCase()];
    if (n < 1 || n > lim.max) {
      return {
        kind: 'invalid',
        problems: [
          {
            message: `fixed rate "${text.trim()}" is out of range: FunctionGraph allows 1-${lim.max} ${lim.unit}`,
            start: 0,
            end: text.length,
          },
        ],
      };
    }
    return { kind: 'interval', intervalSeconds: n * lim.seconds, problems: [] };
  }
  return secondsFirst(text, {
    vendor: 'FunctionGraph',
    specs: HUAWEI_FIELDS,
    everyUnits: ['ns', 'us', 'µs', 'ms', 's', 'm', 'h'],
    decimals: true,
    dowOptional: true,
  });
}
