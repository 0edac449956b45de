// The schedule parsers, one dialect at a time: what each vendor accepts, and what it says about
// what it does not.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSchedule, type Schedule } from '../../src/cron/index.js';
import type { CronDialect } from '../../src/model/model.js';

const problems = (text: string, d: CronDialect, type?: string) =>
  parseSchedule(text, d, type).problems.map((p) => p.message);
const ok = (text: string, d: CronDialect, type?: string): Schedule => {
  const s = parseSchedule(text, d, type);
  expect(s.problems, `${text} (${d})`).toEqual([]);
  return s;
};

describe('Alibaba Cloud dialect', () => {
  it('accepts 6 fields with seconds first, names and "?"', () => {
    const s = ok('0 30 8 ? JAN-MAR MON-FRI', 'aliyun');
    expect(s.kind).toBe('cron');
    expect(s.fields?.month?.values).toEqual([1, 2, 3]);
    expect(s.fields?.['day-of-week']?.values).toEqual([1, 2, 3, 4, 5]);
  });
  it('reads lists, ranges and steps', () => {
    const s = ok('0 0/15 9-17/4 1,15 * *', 'aliyun');
    expect(s.fields?.minute?.values).toEqual([0, 15, 30, 45]);
    expect(s.fields?.hour?.values).toEqual([9, 13, 17]);
    expect(s.fields?.['day-of-month']?.values).toEqual([1, 15]);
  });
  it('takes the time zone from CRON_TZ= and checks its name', () => {
    expect(ok('CRON_TZ=Asia/Shanghai 0 0 4 1 * *', 'aliyun').timezone).toBe('Asia/Shanghai');
    expect(problems('CRON_TZ=Asia/Shang 0 0 4 1 * *', 'aliyun')[0]).toMatch(/unknown time zone "Asia\/Shang"/);
  });
  it('says what a pasted 5-field crontab really does, and offers the 6-field expression', () => {
    expect(problems('0 8 * * *', 'aliyun')).toEqual([
      '"0 8 * * *" is a 5-field crontab, but Function Compute cron expressions have 6 fields with seconds first: read that way it fires at minute 8 of every hour, not daily at 08:00; write "0 0 8 * * *"',
    ]);
    expect(problems('CRON_TZ=Asia/Shanghai 30 2 * * *', 'aliyun')[0]).toMatch(
      /write "CRON_TZ=Asia\/Shanghai 0 30 2 \* \* \*"$/,
    );
  });
  it('measures @every and rejects intervals under a minute', () => {
    expect(ok('@every 5m', 'aliyun').intervalSeconds).toBe(300);
    expect(ok('@every 1h30m', 'aliyun').intervalSeconds).toBe(5400);
    expect(problems('@every 30s', 'aliyun')[0]).toMatch(/below Function Compute's minimum interval of 1 minute/);
    expect(problems('@every 5', 'aliyun')[0]).toMatch(/is not a duration/);
    expect(problems('@every 0m', 'aliyun')[0]).toMatch(/is zero/);
  });
  it('reports out-of-range values, backward ranges, zero steps and unknown names at the offending part', () => {
    const s = parseSchedule('0 60 * * * *', 'aliyun');
    expect(s.problems).toEqual([{ message: 'minute 60 is out of range 0-59', start: 2, end: 4 }]);
    expect(problems('0 0 25 * * *', 'aliyun')).toEqual(['hour 25 is out of range 0-23']);
    expect(problems('0 5-3 * * * *', 'aliyun')[0]).toMatch(/runs backwards/);
    expect(problems('0 */0 * * * *', 'aliyun')[0]).toMatch(/step 0/);
    expect(problems('0 0 0 * FOO *', 'aliyun')[0]).toMatch(/"FOO" is not a valid month value/);
    expect(problems('0 0 0 L * *', 'aliyun')[0]).toMatch(/"L" is not allowed in the day-of-month field/);
  });
  it('finds dates that never come', () => {
    expect(problems('0 0 0 31 2 *', 'aliyun')).toEqual([
      'day-of-month "31" never comes: February has no day 31, so this schedule never fires; use a day the month has',
    ]);
    expect(problems('0 0 0 31 4,6 ?', 'aliyun')[0]).toMatch(/none of the months it names \(April, June\) has day 31/);
    ok('0 0 0 29 2 *', 'aliyun');
    ok('0 0 0 31 1-3 *', 'aliyun');
  });
  it('counts fields', () => {
    expect(problems('0 0 8 * * * *', 'aliyun')[0]).toMatch(/have 6 fields .* this one has 7/);
  });
});

describe('Tencent Cloud dialect', () => {
  it('accepts 7 fields with a year, and the legacy 5 fields', () => {
    ok('0 */5 * * * * *', 'tencent');
    ok('0 0 2 1 * * 2030', 'tencent');
    ok('*/5 * * * *', 'tencent');
    ok('0 0 0 ? * MON#2 *', 'tencent');
    ok('0 0 0 L * ? *', 'tencent');
  });
  it('offers the year for a 6-field expression', () => {
    expect(problems('0 0 8 * * *', 'tencent')[0]).toMatch(
      /this one has 6; if it is seconds first, add the year: "0 0 8 \* \* \* \*"$/,
    );
  });
  it('checks the year range and has no @every', () => {
    expect(problems('0 0 0 * * * 2100', 'tencent')).toEqual(['year 2100 is out of range 1970-2099']);
    expect(problems('@every 5m', 'tencent')[0]).toMatch(/SCF has no "@every"/);
  });
});

describe('Huawei Cloud dialect', () => {
  it('accepts fixed rates within 1-60 minutes, 1-24 hours, 1-30 days', () => {
    expect(ok('3m', 'huawei', 'Rate').intervalSeconds).toBe(180);
    expect(ok('1d', 'huawei').intervalSeconds).toBe(86400);
    expect(problems('61m', 'huawei', 'Rate')[0]).toMatch(/FunctionGraph allows 1-60 minutes/);
    expect(problems('31d', 'huawei')[0]).toMatch(/1-30 days/);
    expect(problems('3w', 'huawei', 'Rate')[0]).toMatch(/not a FunctionGraph fixed rate/);
  });
  it('accepts @every with fractions, and cron with an optional day-of-week', () => {
    expect(ok('@every 1.5h', 'huawei', 'Cron').intervalSeconds).toBe(5400);
    ok('0 0/30 * * * ?', 'huawei', 'Cron');
    ok('CRON_TZ=Asia/Shanghai 0 30 8 * * MON-FRI', 'huawei');
  });
  it('says a day unit in @every is not a Go duration and gives the hours (Huawei\'s own example writes "@every 3d")', () => {
    expect(problems('@every 3d', 'huawei', 'Cron')).toEqual([
      '"3d" is not a duration: "@every" takes ns, us, µs, ms, s, m, h, not days (d); write "@every 72h"',
    ]);
    expect(problems('@every 1d12h', 'aliyun')[0]).toMatch(/not days \(d\); write the days as hours \(1d = 24h\)/);
  });
  it('warns that a 5-field crontab is read seconds first', () => {
    const s = parseSchedule('0 8 * * *', 'huawei', 'Cron');
    expect(s.problems[0].severity).toBe('warning');
    expect(s.problems[0].message).toMatch(
      /fires at minute 8 of every hour, not daily at 08:00; for the crontab meaning write "0 0 8 \* \* \*"/,
    );
  });
});

describe('AWS dialect', () => {
  it('accepts rate() with the right grammatical number', () => {
    expect(ok('rate(5 minutes)', 'aws').intervalSeconds).toBe(300);
    expect(ok('rate(1 day)', 'aws').intervalSeconds).toBe(86400);
    expect(problems('rate(1 minutes)', 'aws')[0]).toMatch(/write "rate\(1 minute\)"/);
    expect(problems('rate(5 minute)', 'aws')[0]).toMatch(/write "rate\(5 minutes\)"/);
    expect(problems('rate(0 minutes)', 'aws')[0]).toMatch(/at least 1 minute/);
    expect(problems('rate(30 seconds)', 'aws')[0]).toMatch(/not minute\(s\), hour\(s\) or day\(s\)/);
  });
  it('accepts cron() with 6 fields and "?" in one day field', () => {
    ok('cron(0 8 * * ? *)', 'aws');
    ok('cron(0 8 ? * MON-FRI *)', 'aws');
    ok('cron(15 10 ? * 6L 2030)', 'aws');
    ok('at(2030-01-01T08:00:00)', 'aws');
  });
  it('needs exactly one "?"', () => {
    expect(problems('cron(0 8 * * * *)', 'aws')[0]).toMatch(/neither is "\?"; write "cron\(0 8 \* \* \? \*\)"/);
    expect(problems('cron(0 8 ? * ? *)', 'aws')[0]).toMatch(/both are "\?"/);
  });
  it('converts a pasted crontab, Sunday = 0 becoming Sunday = 1', () => {
    expect(problems('cron(0 8 * * 1-5)', 'aws')[0]).toMatch(/write "cron\(0 8 \? \* 2-6 \*\)"$/);
    expect(problems('0 8 * * *', 'aws')[0]).toMatch(
      /AWS takes rate\(…\) or cron\(…\); write "cron\(0 8 \* \* \? \*\)"/,
    );
  });
});

describe('every dialect', () => {
  it('never throws, and locates every problem inside the text', () => {
    const dialects: CronDialect[] = ['aliyun', 'tencent', 'huawei', 'aws'];
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom(...dialects), (text, d) => {
        for (const p of parseSchedule(text, d).problems) {
          expect(p.start).toBeGreaterThanOrEqual(0);
          expect(p.end).toBeLessThanOrEqual(Math.max(text.length, 1));
          expect(p.end).toBeGreaterThan(p.start);
        }
      }),
    );
  });
  it('accepts every single value in range of every field', () => {
    for (let m = 0; m < 60; m++) ok(`0 ${m} 3 * * *`, 'aliyun');
    for (let d = 1; d <= 31; d++) ok(`0 0 0 ${d} * * *`, 'tencent');
    for (let w = 1; w <= 7; w++) ok(`cron(0 0 ? * ${w} *)`, 'aws');
  });
});

describe('a "*" in the seconds field of an otherwise coarse schedule (issue #16, point 6)', () => {
  const warn = (text: string, d: CronDialect) =>
    parseSchedule(text, d).problems.filter((p) => p.severity === 'warning');
  it('Tencent: "* */10 * * * * *" fires 60 times a minute every 10 minutes: a warning with the intended expression', () => {
    const s = parseSchedule('* */10 * * * * *', 'tencent');
    expect(s.kind).toBe('cron');
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]).toMatchObject({ severity: 'warning', start: 0, end: 1 });
    expect(s.problems[0].message).toContain('"0 */10 * * * * *"');
  });
  it('Alibaba keeps CRON_TZ= in the intended expression, and Huawei is read the same way', () => {
    expect(warn('CRON_TZ=Asia/Shanghai * 0 8 * * *', 'aliyun')[0].message).toContain(
      '"CRON_TZ=Asia/Shanghai 0 0 8 * * *"',
    );
    expect(warn('* 30 2 * * *', 'huawei')).toHaveLength(1);
  });
  it('says nothing when every second is meant (every field "*") or the minute is "*" too', () => {
    expect(warn('* * * * * * *', 'tencent')).toEqual([]);
    expect(warn('* * 8 * * *', 'aliyun')).toEqual([]);
    expect(warn('0 */10 * * * * *', 'tencent')).toEqual([]);
    expect(warn('*/5 */10 * * * *', 'aliyun')).toEqual([]);
  });
});
