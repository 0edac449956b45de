// Helpers shared by the dialect parsers: field lists, time zones, plain-language readings of a
// schedule, and the "never fires" check (a day no month it names has).
import { parseField, type Token } from './field.js';
import type { Field, FieldName, FieldSpec, Problem, Schedule } from './types.js';

/** Parse tokens against specs (same length) into a cron Schedule. */
export function cronSchedule(tokens: Token[], specs: FieldSpec[], timezone?: string): Schedule {
  const fields: Partial<Record<FieldName, Field>> = {};
  const problems: Problem[] = [];
  specs.forEach((spec, i) => {
    const r = parseField(tokens[i], spec);
    fields[spec.name] = r.field;
    problems.push(...r.problems);
  });
  if (problems.length === 0) {
    const never = neverFires(fields);
    if (never) problems.push(never);
  }
  return { kind: problems.length ? 'invalid' : 'cron', fields, problems, ...(timezone ? { timezone } : {}) };
}

/**
 * A `*` in the seconds field of a cron whose minute field is restricted ("* 0/10 * * * * *"):
 * it fires every second of each minute it names — 60 runs, not one. Valid as written, so a
 * warning, with the intended expression (the seconds field `0`, the rest of `text` kept).
 */
export function everySecondOfCoarse(s: Schedule, text: string): Schedule {
  const sec = s.fields?.second;
  const min = s.fields?.minute;
  if (s.kind !== 'cron' || s.problems.length || !sec?.any || !min || min.any) return s;
  const fixed = `${text.slice(0, sec.start)}0${text.slice(sec.end)}`.trim();
  const message = `the seconds field of "${text.trim()}" is "${sec.text}": it fires every second — 60 times — in each minute it names, not once; write "${fixed}"`;
  return { ...s, problems: [{ severity: 'warning', message, start: sec.start, end: sec.end }] };
}

/** Whether a time zone name is one the runtime knows (IANA names such as Asia/Shanghai). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `CRON_TZ=<zone> ` at the start of an expression: the zone, its span and where the rest starts. */
export function cronTz(text: string): { zone?: Token; rest: number; problem?: Problem } {
  const m = /^(\s*)CRON_TZ=(\S*)\s*/.exec(text);
  if (!m) return { rest: 0 };
  const start = m[1].length + 'CRON_TZ='.length;
  const zone = { text: m[2], start, end: start + m[2].length };
  if (!isTimeZone(m[2])) {
    return {
      zone,
      rest: m[0].length,
      problem: {
        message: `unknown time zone "${m[2]}" in CRON_TZ; use an IANA name such as "Asia/Shanghai"`,
        start: zone.start,
        end: Math.max(zone.end, zone.start + 1),
      },
    };
  }
  return { zone, rest: m[0].length };
}

const MONTH_NAMES = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS_IN = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An explicit day of month that none of the named months has (`0 0 0 31 2 *`): the schedule never fires. */
export function neverFires(f: Partial<Record<FieldName, Field>>): Problem | undefined {
  const dom = f['day-of-month'];
  const dow = f['day-of-week'];
  const month = f.month;
  if (!dom?.values || !month) return undefined;
  // With a day-of-week restriction too, most dialects fire on either: only judge the day of month alone.
  if (dow && !dow.any && !dow.question) return undefined;
  const months = month.values ?? (month.any ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] : undefined);
  if (!months) return undefined;
  const first = Math.min(...dom.values);
  if (months.some((m) => first <= DAYS_IN[m])) return undefined;
  const where =
    months.length === 1
      ? `${MONTH_NAMES[months[0]]} has no day ${first}`
      : `none of the months it names (${months.map((m) => MONTH_NAMES[m]).join(', ')}) has day ${first}`;
  return {
    message: `day-of-month "${dom.text}" never comes: ${where}, so this schedule never fires; use a day the month has`,
    start: dom.start,
    end: dom.end,
  };
}

function single(f: Field | undefined): number | undefined {
  return f?.values?.length === 1 ? f.values[0] : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A plain reading of when a cron schedule fires within a day ("daily at 08:00", "at minute 8 of every hour"). */
export function describe(f: Partial<Record<FieldName, Field>>): string {
  const sec = f.second;
  const s = sec ? single(sec) : 0;
  const m = single(f.minute);
  const h = single(f.hour);
  const restricted = [f['day-of-month'], f.month, f['day-of-week']].some((x) => x && !x.any && !x.question);
  const secText = s ? `:${pad(s)}` : '';
  if (s !== undefined && m !== undefined && h !== undefined)
    return restricted
      ? `at ${pad(h)}:${pad(m)}${secText} on the days it names`
      : `daily at ${pad(h)}:${pad(m)}${secText}`;
  const every = restricted ? ' on the days it names' : '';
  if (s !== undefined && m !== undefined && f.hour?.any)
    return `at minute ${m}${s ? `, second ${s},` : ''} of every hour${every}`;
  if (s !== undefined && f.minute?.any && h !== undefined)
    return `every minute from ${pad(h)}:00 to ${pad(h)}:59${every}`;
  if (s !== undefined && f.minute?.any && f.hour?.any) return `every minute${every}`;
  if (sec?.any && f.minute?.any && f.hour?.any) return `every second${every}`;
  const parts = [
    sec && `second "${sec.text}"`,
    f.minute && `minute "${f.minute.text}"`,
    f.hour && `hour "${f.hour.text}"`,
  ].filter(Boolean);
  return `at ${parts.join(', ')}${every}`;
}
