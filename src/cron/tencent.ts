// Tencent Cloud SCF timer: 7 fields "second minute hour day month day-of-week year"
// (recommended), or the legacy 5 fields "minute hour day month day-of-week" still accepted for
// compatibility. Day-of-week 0-6, 0 = Sunday; year 1970-2099. Source:
// cloud.tencent.com/document/product/583/9708 (定时触发器说明 / Timer Trigger Description).
import { cronSchedule, everySecondOfCoarse } from './common.js';
import { words } from './field.js';
import { DAYS0, MONTHS, type FieldSpec, type Schedule } from './types.js';

const DOM: FieldSpec = { name: 'day-of-month', min: 1, max: 31, question: true, last: true, weekday: true };
const MONTH: FieldSpec = { name: 'month', min: 1, max: 12, names: MONTHS };
const DOW: FieldSpec = { name: 'day-of-week', min: 0, max: 6, names: DAYS0, question: true, last: true, nth: true };

export const TENCENT_FIELDS: FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  DOM,
  MONTH,
  DOW,
  { name: 'year', min: 1970, max: 2099 },
];

export const TENCENT_LEGACY_FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  DOM,
  MONTH,
  DOW,
];

export function parseTencent(text: string): Schedule {
  const toks = words(text);
  if (toks.length === 7) return everySecondOfCoarse(cronSchedule(toks, TENCENT_FIELDS), text);
  if (toks.length === 5) return cronSchedule(toks, TENCENT_LEGACY_FIELDS);
  const where = toks.length
    ? { start: toks[0].start, end: toks.at(-1)!.end }
    : { start: 0, end: Math.max(text.length, 1) };
  let hint = '';
  if (toks.length === 6) {
    const withYear = cronSchedule([...toks, { text: '*', start: 0, end: 0 }], TENCENT_FIELDS);
    if (withYear.problems.length === 0) hint = `; if it is seconds first, add the year: "${text.trim()} *"`;
  }
  if (toks[0]?.text.startsWith('@'))
    hint = '; SCF has no "@every": write the interval as a cron, e.g. "0 */5 * * * * *" for every 5 minutes';
  return {
    kind: 'invalid',
    problems: [
      {
        message: `SCF cron expressions have 7 fields (second minute hour day month day-of-week year), or 5 in the legacy form; this one has ${toks.length}${hint}`,
        ...where,
      },
    ],
  };
}
