import type { Rule } from '../src/engine/rule.js';
import { isKnown, isTimer, known } from '../src/model/model.js';
import { dialectOf, parseSchedule } from '../src/cron/index.js';
import { TRIGGER_FACTS, regionZone } from '../src/model/trigger-facts.js';
import { q } from '../src/model/filters.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A time of day shifted by an offset in hours ("hour 8" when the minute is not one value). */
function clock(hour: number, minute: number | undefined, offset = 0): string {
  const total = (((hour * 60 + (minute ?? 0) + offset * 60) % 1440) + 1440) % 1440;
  return minute === undefined && offset % 1 === 0
    ? `hour ${Math.floor(total / 60)}`
    : `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

export default {
  id: 'timer-timezone',
  description: 'Point out cron schedules at a fixed hour that run in UTC because they name no time zone',
  severity: 'info',
  defaultOff: true,
  check({ model, report }) {
    for (const t of model.triggers) {
      if (!isTimer(t) || !isKnown(t.schedule) || isKnown(t.timezone)) continue;
      const vendor = t.function.vendor;
      const facts = TRIGGER_FACTS[vendor];
      if (!facts.cronInUtc) continue;
      const s = parseSchedule(t.schedule.value, t.dialect ?? dialectOf(vendor), known(t.scheduleType));
      if (s.kind !== 'cron' || s.timezone || s.problems.length) continue;
      const hours = s.fields?.hour?.values;
      if (!hours) continue;
      const minutes = s.fields?.minute?.values;
      const minute = minutes?.length === 1 ? minutes[0] : undefined;
      const utc = hours.map((h) => clock(h, minute)).join(', ');
      const region = known(t.function.region);
      const zone = region ? regionZone(vendor, region) : undefined;
      const schedule = t.schedule.value.trim();
      let message = `schedule ${q(schedule)} names no time zone, so it runs at ${utc} UTC`;
      if (zone && region) {
        const local = hours.map((h) => clock(h, minute, zone.offset)).join(', ');
        const sign = zone.offset >= 0 ? '+' : '';
        message += `, which is ${local} in ${region} (UTC${sign}${zone.offset})`;
        message += `; if you meant ${utc} local time, ${facts.timezoneHow?.(zone.zone, schedule, t.function.format) ?? 'name the time zone'}`;
      } else {
        message += `; if you meant local time, ${facts.timezoneHow?.('<zone>', schedule, t.function.format) ?? 'name the time zone'}`;
      }
      report({ at: t.schedule.at, message, key: `${t.function.name.value}/${t.name.value}` });
    }
  },
} satisfies Rule;
