import type { Rule } from '../src/engine/rule.js';
import { isKnown, isQueue, known, type Located } from '../src/model/model.js';
import { TRIGGER_FACTS } from '../src/model/trigger-facts.js';
import { VENDORS } from '../src/model/vendors.js';
import { q, triggerLabel } from '../src/model/filters.js';

export default {
  id: 'queue-trigger',
  description:
    'Disallow batch sizes, batching windows and retry counts of queue and stream triggers outside the range the vendor documents',
  severity: 'error',
  check({ model, report }) {
    for (const t of model.triggers) {
      if (!isQueue(t)) continue;
      const type = t.type.toLowerCase();
      const facts = TRIGGER_FACTS[t.function.vendor].queue?.find((f) => f.types.includes(type));
      if (!facts) continue;
      const key = `${t.function.name.value}/${t.name.value}`;
      const topic = known(t.topic);
      const fifo = facts.fifoBatchSize !== undefined && topic !== undefined && /\.fifo$/i.test(topic);
      const who = `${VENDORS[t.function.vendor].cloud} ${facts.label} triggers${fifo ? ' on a FIFO queue' : ''}`;
      const range = (l: Located<number> | undefined, r: [number, number] | undefined, what: string, unit: string) => {
        if (!r || !isKnown(l) || (l.value >= r[0] && l.value <= r[1])) return;
        report({
          at: l.at,
          message: `${what} ${l.value} of ${triggerLabel(t)} is outside the range ${who} allow, ${r[0] < 0 ? `${r[0]} to ${r[1]}` : `${r[0]}-${r[1]}`}${unit}; use a value in that range`,
          key,
        });
      };
      range(t.batchSize, fifo ? facts.fifoBatchSize : facts.batchSize, 'batch size', '');
      if (fifo && facts.fifoNoWindow && isKnown(t.batchWindow) && t.batchWindow.value > 0) {
        report({
          at: t.batchWindow.at,
          message: `batching window ${t.batchWindow.value} of ${triggerLabel(t)} is set on FIFO queue ${q(topic)}: ${VENDORS[t.function.vendor].cloud} does not support a batching window for FIFO queues; remove it`,
          key,
        });
      } else {
        range(t.batchWindow, facts.batchWindow, 'batching window', ' seconds');
      }
      range(t.retries, facts.retries, 'retry count', '');
    }
  },
} satisfies Rule;
