// Shared types of the schedule parsers: one parser per vendor dialect, one result shape.
export type FieldName = 'second' | 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week' | 'year';

/** What a field accepts. */
export interface FieldSpec {
  name: FieldName;
  min: number;
  max: number;
  /** Upper-case names and their numbers: JAN → 1, SUN → 0. */
  names?: Record<string, number>;
  /** Numbers accepted outside min..max and what they mean (7 → 0, Sunday, where a dialect allows it). */
  aliases?: Record<number, number>;
  /** `?` (no specific value), `L` (last), `W` (nearest weekday), `#` (nth weekday of the month). */
  question?: boolean;
  last?: boolean;
  weekday?: boolean;
  nth?: boolean;
}

/** One parsed field: offsets are into the schedule text. */
export interface Field {
  spec: FieldSpec;
  text: string;
  start: number;
  end: number;
  /** `*` (or a `*` step covering everything: no restriction). */
  any: boolean;
  /** `?`: no specific value. */
  question: boolean;
  /** Uses L, W or #: the exact days depend on the calendar. */
  calendar: boolean;
  /** The values the field names (undefined when `any`, `question` or `calendar`). */
  values?: number[];
}

export interface Problem {
  message: string;
  /** Offsets into the schedule text. */
  start: number;
  end: number;
  /** Valid as written but almost certainly not what was meant. */
  severity?: 'warning';
}

export interface Schedule {
  /** 'cron' for field expressions, 'interval' for @every / rate(…) / Huawei Rate, 'once' for AWS at(…). */
  kind: 'cron' | 'interval' | 'once' | 'invalid';
  /** Seconds between runs, for intervals. */
  intervalSeconds?: number;
  /** A `CRON_TZ=` zone written inside the expression. */
  timezone?: string;
  /** Fields by name, for cron expressions that parsed. */
  fields?: Partial<Record<FieldName, Field>>;
  problems: Problem[];
}

export const MONTHS: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};
/** Sunday = 0 (the convention of every dialect but AWS). */
export const DAYS0: Record<string, number> = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };
/** Sunday = 1 (AWS, Quartz). */
export const DAYS1: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };
