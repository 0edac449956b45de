// Alibaba Cloud Function Compute timer: `@every <n>m|h`, or a 6-field cron with seconds first
// (Seconds Minutes Hours Day-of-month Month Day-of-week), optionally after `CRON_TZ=<zone> `.
// Cron runs in UTC unless CRON_TZ is given. Sources: help.aliyun.com/document_detail/2513615.html,
// /171746.html; interval minimum 1 minute (the console's interval is "a positive integer n" minutes).
import { cronSchedule, cronTz, describe, everySecondOfCoarse } from './common.js';
import { goDuration } from './every.js';
import { words } from './field.js';
import { DAYS0, MONTHS, type FieldSpec, type Schedule } from './types.js';

export const ALIYUN_FIELDS: FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 6, names: DAYS0, aliases: { 7: 0 }, question: true },
];

export const ALIYUN_MIN_INTERVAL = 60;

export function parseAliyun(text: string): Schedule {
  return secondsFirst(text, {
    vendor: 'Function Compute',
    specs: ALIYUN_FIELDS,
    everyUnits: ['ns', 'us', 'µs', 'ms', 's', 'm', 'h'],
    decimals: true,
    minInterval: ALIYUN_MIN_INTERVAL,
    dowOptional: false,
  });
}

export interface SecondsFirstOptions {
  vendor: string;
  specs: FieldSpec[];
  everyUnits: string[];
  decimals: boolean;
  minInterval?: number;
  /** Huawei accepts 5 fields (day-of-week optional): a pasted crontab then parses, shifted. */
  dowOptional: boolean;
}

/** The seconds-first dialects (Alibaba, Huawei): CRON_TZ, @every, 6 fields. */
export function secondsFirst(text: string, o: SecondsFirstOptions): Schedule {
  const tz = cronTz(text);
  if (tz.problem) return { kind: 'invalid', problems: [tz.problem] };
  const timezone = tz.zone?.text;
  const body = text.slice(tz.rest);
  const every = /^@every(\s+|$)/.exec(body);
  if (every) {
    const durText = body.slice(every[0].length).trim();
    const start = tz.rest + every[0].length;
    const d = goDuration(durText, start, o.everyUnits, o.decimals);
    if (d.problem) return { kind: 'invalid', problems: [d.problem] };
    if (o.minInterval !== undefined && d.seconds! < o.minInterval) {
      return {
        kind: 'invalid',
        intervalSeconds: d.seconds,
        problems: [
          {
            message: `"@every ${durText}" is below ${o.vendor}'s minimum interval of 1 minute; use "@every 1m" or more`,
            start,
            end: start + durText.length,
          },
        ],
      };
    }
    return { kind: 'interval', intervalSeconds: d.seconds, problems: [], ...(timezone ? { timezone } : {}) };
  }
  if (/^@/.test(body)) {
    const w = words(body, tz.rest)[0];
    return {
      kind: 'invalid',
      problems: [
        {
          message: `"${w.text}" is not a schedule ${o.vendor} knows; use "@every <n>m" or a cron expression`,
          start: w.start,
          end: w.end,
        },
      ],
    };
  }
  const toks = words(body, tz.rest);
  const n = o.specs.length;
  if (toks.length === n - 1) {
    const shifted = cronSchedule(toks, o.specs.slice(0, n - 1), timezone);
    const crontab = cronSchedule([{ text: '0', start: 0, end: 0 }, ...toks], o.specs, timezone);
    const expr = body.trim();
    const fixed = `${text.slice(0, tz.rest)}0 ${expr}`;
    const reads =
      shifted.fields && shifted.problems.length === 0
        ? `fires ${describe(shifted.fields)}`
        : 'shifts every field by one';
    const meant =
      shifted.problems.length === 0 && crontab.fields && crontab.problems.length === 0
        ? `, not ${describe(crontab.fields)}`
        : '';
    const at = { start: toks[0].start, end: toks.at(-1)!.end };
    if (o.dowOptional) {
      // Valid as written (day-of-week optional), but almost always a crontab pasted from elsewhere.
      return {
        kind: 'cron',
        fields: shifted.fields,
        ...(timezone ? { timezone } : {}),
        problems: [
          {
            severity: 'warning',
            ...at,
            message: `"${expr}" has 5 fields: ${o.vendor} reads seconds first (day-of-week optional), so it ${reads}${meant}; for the crontab meaning write "${fixed}", or add the day-of-week ("${text.trim()} *") to keep this reading`,
          },
        ],
      };
    }
    return {
      kind: 'invalid',
      problems: [
        {
          ...at,
          message: `"${expr}" is a 5-field crontab, but ${o.vendor} cron expressions have ${n} fields with seconds first: read that way it ${reads}${meant}; write "${fixed}"`,
        },
      ],
    };
  }
  if (toks.length !== n) {
    const where = toks.length
      ? { start: toks[0].start, end: toks.at(-1)!.end }
      : { start: 0, end: Math.max(text.length, 1) };
    return {
      kind: 'invalid',
      problems: [
        {
          message: `${o.vendor} cron expressions have ${n} fields (second minute hour day-of-month month day-of-week), this one has ${toks.length}`,
          ...where,
        },
      ],
    };
  }
  return everySecondOfCoarse(cronSchedule(toks, o.specs, timezone), text);
}
