// AWS schedules (EventBridge rules, SAM `Schedule`, EventBridge Scheduler `ScheduleV2`):
// rate(value unit) with unit minute(s) | hour(s) | day(s) — for rules, singular exactly when the
// value is 1 (eb-scheduled-rule-pattern.html); for EventBridge Scheduler (dialect
// `aws-scheduler`) its API reference lists the units `minute | minutes | hour | hours | day |
// days` with no such rule (docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html,
// ScheduleExpression), and AWS's own pattern aws-samples/serverless-patterns
// eventbridge-schedule-to-lambda-sam-go ships `rate(5 minute)`: accepted there,
// cron(fields) with 6 fields "minutes hours day-of-month month day-of-week year" where one of
// day-of-month / day-of-week must be "?", and Scheduler's at(yyyy-mm-ddThh:mm:ss). Day-of-week
// 1-7 = SUN-SAT; year 1970-2199; times in UTC. Source:
// docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html.
import { cronSchedule, describe } from './common.js';
import { words } from './field.js';
import { DAYS1, MONTHS, type FieldSpec, type Schedule } from './types.js';

export const AWS_FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31, question: true, last: true, weekday: true },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 1, max: 7, names: DAYS1, question: true, last: true, nth: true },
  { name: 'year', min: 1970, max: 2199 },
];

const UNITS: Record<string, number> = { minute: 60, hour: 3600, day: 86400 };

export function parseAws(text: string, opts: { scheduler?: boolean } = {}): Schedule {
  const m = /^\s*(rate|cron|at)\((.*)\)\s*$/s.exec(text);
  if (!m) {
    const toks = words(text);
    let hint = '';
    if (toks.length === 5 || toks.length === 6)
      hint = `; write "cron(${toks.length === 5 ? fromCrontab(toks.map((t) => t.text)) : text.trim()})"`;
    return {
      kind: 'invalid',
      problems: [
        {
          message: `"${text.trim()}" is not an AWS schedule expression: AWS takes rate(…) or cron(…)${hint}`,
          start: 0,
          end: Math.max(text.length, 1),
        },
      ],
    };
  }
  const innerStart = text.indexOf('(') + 1;
  const inner = m[2];
  if (m[1] === 'at')
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(inner.trim())
      ? { kind: 'once', problems: [] }
      : {
          kind: 'invalid',
          problems: [{ message: `"${text.trim()}" is not at(yyyy-mm-ddThh:mm:ss)`, start: 0, end: text.length }],
        };
  if (m[1] === 'rate') return rate(inner, innerStart, !!opts.scheduler);
  const toks = words(inner, innerStart);
  const at = toks.length ? { start: toks[0].start, end: toks.at(-1)!.end } : { start: innerStart, end: innerStart + 1 };
  if (toks.length === 5) {
    const fixed = fromCrontab(toks.map((t) => t.text));
    const read = cronSchedule(toks, AWS_FIELDS.slice(0, 5));
    const meant = read.fields && read.problems.length === 0 ? ` (${describe(read.fields)})` : '';
    return {
      kind: 'invalid',
      problems: [
        {
          ...at,
          message: `"${inner.trim()}" is a 5-field crontab${meant}, but AWS cron() has 6 fields (minutes hours day-of-month month day-of-week year) with "?" in day-of-month or day-of-week; write "cron(${fixed})"`,
        },
      ],
    };
  }
  if (toks.length !== 6)
    return {
      kind: 'invalid',
      problems: [
        {
          ...at,
          message: `AWS cron() has 6 fields (minutes hours day-of-month month day-of-week year), this one has ${toks.length}`,
        },
      ],
    };
  const s = cronSchedule(toks, AWS_FIELDS);
  if (s.problems.length) return s;
  const dom = s.fields!['day-of-month']!;
  const dow = s.fields!['day-of-week']!;
  if (dom.question === dow.question) {
    const fixed = toks.map((t) => t.text);
    if (!dom.question) {
      if (dow.any) fixed[4] = '?';
      else fixed[2] = '?';
    } else fixed[2] = '*';
    const what = dom.question ? 'both are "?"' : 'neither is "?"';
    return {
      kind: 'invalid',
      fields: s.fields,
      problems: [
        {
          start: dom.start,
          end: dow.end,
          message: `AWS cron() needs "?" in exactly one of day-of-month and day-of-week, and ${what}; write "cron(${fixed.join(' ')})"`,
        },
      ],
    };
  }
  return s;
}

function rate(inner: string, start: number, scheduler: boolean): Schedule {
  const m = /^\s*(\d+)\s+([a-z]+)\s*$/.exec(inner);
  const where = { start, end: start + Math.max(inner.length, 1) };
  if (!m)
    return {
      kind: 'invalid',
      problems: [{ ...where, message: `"rate(${inner})" is not rate(value unit); write e.g. "rate(5 minutes)"` }],
    };
  const n = Number(m[1]);
  const unit = m[2];
  const base = unit.replace(/s$/, '');
  if (!(base in UNITS))
    return {
      kind: 'invalid',
      problems: [{ ...where, message: `unit "${unit}" in "rate(${inner})" is not minute(s), hour(s) or day(s)` }],
    };
  if (n === 0)
    return {
      kind: 'invalid',
      problems: [
        { ...where, message: `"rate(${inner})" is zero: AWS rates are at least 1 minute; write "rate(1 minute)"` },
      ],
    };
  const want = n === 1 ? base : `${base}s`;
  if (unit !== want && !scheduler)
    return {
      kind: 'invalid',
      problems: [
        {
          ...where,
          message: `"rate(${inner.trim()})" is rejected: the unit is singular exactly when the value is 1; write "rate(${n} ${want})"`,
        },
      ],
    };
  return { kind: 'interval', intervalSeconds: n * UNITS[base], problems: [] };
}

/** A 5-field crontab (Sunday = 0) as AWS cron() fields (Sunday = 1, "?" in one day field, year "*"). */
export function fromCrontab(f: string[]): string {
  const [min, hour, dom, month, dow] = f;
  const shiftDow = (s: string) => s.replace(/\d+/g, (d) => String((Number(d) % 7) + 1));
  // AWS cannot say "this day of month or that weekday" (crontab's reading when both are set): keep the day of month.
  if (dow !== '*' && dom === '*') return [min, hour, '?', month, shiftDow(dow), '*'].join(' ');
  return [min, hour, dom, month, '?', '*'].join(' ');
}
