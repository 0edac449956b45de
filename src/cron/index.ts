// Schedule parsing per vendor dialect. Each dialect is its own small parser; they share the
// field grammar (field.ts) and the readings (common.ts).
import type { CronDialect } from '../model/model.js';
import { parseAliyun } from './aliyun.js';
import { parseAws } from './aws.js';
import { parseHuawei } from './huawei.js';
import { parseTencent } from './tencent.js';
import type { Schedule } from './types.js';

export type { Schedule } from './types.js';

export function parseSchedule(text: string, dialect: CronDialect, scheduleType?: string): Schedule {
  switch (dialect) {
    case 'aliyun':
      return parseAliyun(text);
    case 'tencent':
      return parseTencent(text);
    case 'huawei':
      return parseHuawei(text, scheduleType);
    case 'aws':
      return parseAws(text);
    case 'aws-scheduler':
      return parseAws(text, { scheduler: true });
  }
}

/** The dialect of a vendor's timers (JD Cloud has no YAML timers; treat it like Alibaba's). */
export function dialectOf(vendor: string): CronDialect {
  return vendor === 'tencent' || vendor === 'huawei' || vendor === 'aws' ? vendor : 'aliyun';
}
