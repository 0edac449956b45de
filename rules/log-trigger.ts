import type { Rule } from '../src/engine/rule.js';
import { isKnown, isLog, type Located } from '../src/model/model.js';
import { TRIGGER_FACTS } from '../src/model/trigger-facts.js';
import { functionLabel, q, triggerLabel } from '../src/model/filters.js';

export default {
  id: 'log-trigger',
  description:
    "Disallow log triggers whose own logs or whose function's logs go into the logstore they read, and intervals or retries outside the vendor range",
  severity: 'error',
  check({ model, report }) {
    for (const t of model.triggers) {
      if (!isLog(t)) continue;
      const key = `${t.function.name.value}/${t.name.value}`;
      if (
        isKnown(t.sourceLogstore) &&
        isKnown(t.logLogstore) &&
        isKnown(t.sourceProject) &&
        isKnown(t.logProject) &&
        t.sourceLogstore.value === t.logLogstore.value &&
        t.sourceProject.value === t.logProject.value
      ) {
        report({
          at: t.logLogstore.at,
          message: `${triggerLabel(t)} writes its execution logs to logstore ${q(t.logLogstore.value)}, the logstore it reads (project ${q(t.logProject.value)}): every run adds logs that trigger it again; send logConfig to another logstore`,
          related: [{ at: t.sourceLogstore.at, message: 'the logstore the trigger reads' }],
          key,
        });
      }
      const own = t.function.logConfig;
      if (
        own &&
        isKnown(own.logstore) &&
        isKnown(own.project) &&
        isKnown(t.sourceLogstore) &&
        isKnown(t.sourceProject) &&
        own.logstore.value === t.sourceLogstore.value &&
        own.project.value === t.sourceProject.value
      ) {
        report({
          at: own.logstore.at,
          message: `${functionLabel(t)} writes its own logs to logstore ${q(own.logstore.value)} (project ${q(own.project.value)}, its logConfig), the logstore its ${triggerLabel(t)} reads: every run writes logs that trigger it again; send the function's logConfig to another logstore`,
          related: [{ at: t.sourceLogstore.at, message: 'the logstore the trigger reads' }],
          key: `${key}#logConfig`,
        });
      }
      const facts = TRIGGER_FACTS[t.function.vendor].log;
      if (!facts) continue;
      const range = (l: Located<number> | undefined, r: [number, number] | undefined, what: string, unit: string) => {
        if (!r || !isKnown(l) || (l.value >= r[0] && l.value <= r[1])) return;
        const [lo, hi] = r;
        report({
          at: l.at,
          message: `${what} ${l.value} is outside the allowed range ${lo}-${hi}${unit}; use a value in that range`,
          key,
        });
      };
      range(t.interval, facts.interval, 'trigger interval', ' seconds');
      range(t.retries, facts.retries, 'retry count', '');
    }
  },
} satisfies Rule;
