import { where } from '../src/source/where.js';
import type { Rule } from '../src/engine/rule.js';
import { isKnown, type Trigger } from '../src/model/model.js';
import { functionLabel, q } from '../src/model/filters.js';
import { deployKey } from '../src/model/declared-twice.js';

export default {
  id: 'duplicate-trigger-name',
  description:
    'Disallow two triggers with the same name on one function (deploy silently overwrites one); warn about one trigger declared in two files',
  severity: 'error',
  check({ model, sources, report }) {
    const seen = new Map<string, Trigger>();
    const deployed = new Map<string, Trigger>();
    for (const t of model.triggers) {
      if (!isKnown(t.name) || t.name.value === '') continue;
      const k = `${t.function.id}\u0000${t.name.value}`;
      const first = seen.get(k);
      if (first) {
        report({
          at: t.name.at,
          message: `trigger name ${q(t.name.value)} is used twice on ${functionLabel(t)} (first at ${where(sources, first.name.at)}): deploy looks triggers up by name, so one silently overwrites the other; rename one of them`,
          related: [{ at: first.name.at, message: `first trigger named ${q(t.name.value)}` }],
          key: `${t.function.name.value}/${t.name.value}`,
        });
        continue;
      }
      seen.set(k, t);
      // the same cloud trigger (service, function, trigger name) in another file: declared twice
      const dk = deployKey(t);
      if (dk === undefined) continue;
      const other = deployed.get(dk);
      if (!other) {
        deployed.set(dk, t);
        continue;
      }
      if (other.at.file === t.at.file) continue;
      report({
        at: t.name.at,
        severity: 'warning',
        message: `trigger ${q(t.name.value)} of function ${q(t.function.deployName!)} is declared in both ${other.at.file} (${other.function.format}) and ${t.at.file} (${t.function.format}): one trigger declared twice, and whichever file deploys last decides its settings; keep it in one descriptor and delete the other`,
        related: [{ at: other.name.at, message: `trigger ${q(t.name.value)} is also declared here` }],
        key: `${t.function.deployName}/${t.name.value}`,
      });
    }
  },
} satisfies Rule;
