import type { Rule } from '../src/engine/rule.js';
import { isKnown, isTimer, known } from '../src/model/model.js';
import { dialectOf, parseSchedule } from '../src/cron/index.js';
import { isTimeZone } from '../src/cron/common.js';
import { innerSpan, textsOf } from '../src/model/span.js';
import { q } from '../src/model/filters.js';
import { where } from '../src/source/where.js';

export default {
  id: 'timer-schedule',
  description:
    "Require timer schedules that parse in the vendor's own dialect, can fire, and respect its minimum interval",
  severity: 'error',
  check({ model, sources, report }) {
    const texts = textsOf(sources);
    for (const t of model.triggers) {
      if (!isTimer(t)) continue;
      const key = `${t.function.name.value}/${t.name.value}`;
      if (isKnown(t.timezone) && !isTimeZone(t.timezone.value)) {
        report({
          at: t.timezone.at,
          message: `unknown time zone ${q(t.timezone.value)}; use an IANA name such as "Asia/Shanghai"`,
          key,
        });
      }
      if (!isKnown(t.schedule)) continue;
      const s = parseSchedule(t.schedule.value, t.dialect ?? dialectOf(t.function.vendor), known(t.scheduleType));
      // a schedule written elsewhere (a variable's value, terraform.tfvars): the message says what and where
      const origin = t.schedule.origin;
      const from = origin ? `schedule ${q(t.schedule.value)} (set at ${where(sources, origin)}): ` : '';
      for (const p of s.problems) {
        report({
          at: innerSpan(texts, t.schedule, p.start, p.end),
          message: from + p.message,
          ...(origin ? { related: [{ at: origin, message: 'the schedule is set here' }] } : {}),
          ...(p.severity ? { severity: p.severity } : {}),
          key,
        });
      }
    }
  },
} satisfies Rule;
