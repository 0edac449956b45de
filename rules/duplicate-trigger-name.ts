import { where } from '../src/source/where.js';
import type { Rule } from '../src/engine/rule.js';
import { isKnown, type Trigger } from '../src/model/model.js';
import { functionLabel, q } from '../src/model/filters.js';

export default {
  id: 'duplicate-trigger-name',
  description: 'Disallow two triggers with the same name on one function (deploy silently overwrites one)',
  severity: 'error',
  scope: 'file',
  check({ model, sources, report }) {
    const seen = new Map<string, Trigger>();
    for (const t of model.triggers) {
      if (!isKnown(t.name) || t.name.value === '') continue;
      const k = `${t.function.id}\u0000${t.name.value}`;
      const first = seen.get(k);
      if (!first) { seen.set(k, t); continue; }
      report({
        at: t.name.at,
        message: `trigger name ${q(t.name.value)} is used twice on ${functionLabel(t)} (first at ${where(sources, first.name.at)}): deploy looks triggers up by name, so one silently overwrites the other; rename one of them`,
        related: [{ at: first.name.at, message: `first trigger named ${q(t.name.value)}` }],
        key: `${t.function.name.value}/${t.name.value}`,
      });
    }
  },
} satisfies Rule;
