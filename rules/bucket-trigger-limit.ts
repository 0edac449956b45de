import { where } from '../src/source/where.js';
import type { Rule } from '../src/engine/rule.js';
import { isKnown, type StorageTrigger } from '../src/model/model.js';
import { bucketShort, byBucket, functionLabel, storageName } from '../src/model/filters.js';
import { VENDORS } from '../src/model/vendors.js';
import { deployKey } from '../src/model/declared-twice.js';

export default {
  id: 'bucket-trigger-limit',
  description:
    'Disallow more native storage triggers on one bucket (or, where capped, on one function) than the vendor allows',
  severity: 'error',
  check({ model, sources, options, report }) {
    for (const all of byBucket(model.storageTriggers, (t) => t.native).values()) {
      const group = distinct(all);
      const vendor = group[0].function.vendor;
      const limit = options.limits?.[vendor] ?? VENDORS[vendor].bucketTriggerLimit;
      if (group.length <= limit) continue;
      const bucket = bucketShort(group[0].bucket);
      for (const t of group.slice(limit)) {
        report({
          at: t.bucket.at,
          message: `bucket ${bucket} has ${group.length} native ${storageName(t)} triggers in the linted files (the first at ${where(sources, group[0].bucket.at)}), more than the ${limit} ${VENDORS[vendor].storage} allows per bucket, so deploying this one fails; ${VENDORS[vendor].limitRemedy}`,
          related: [{ at: group[0].bucket.at, message: `the first trigger on ${bucket}` }],
          key: `${t.function.name.value}/${t.name.value}`,
        });
      }
    }
    const perFunction = new Map<string, StorageTrigger[]>();
    for (const t of model.storageTriggers) {
      if (!t.native || VENDORS[t.function.vendor].functionTriggerLimit === undefined) continue;
      const list = perFunction.get(t.function.id) ?? perFunction.set(t.function.id, []).get(t.function.id)!;
      list.push(t);
    }
    for (const all of perFunction.values()) {
      const list = distinct(all);
      const f = VENDORS[list[0].function.vendor];
      const limit = f.functionTriggerLimit!;
      if (list.length <= limit) continue;
      for (const t of list.slice(limit)) {
        report({
          at: isKnown(t.bucket) ? t.bucket.at : t.at,
          message: `${functionLabel(t)} has ${list.length} ${f.storage} triggers, more than the ${limit} one function may bind (the first at ${where(sources, list[0].at)}), so deploying this one fails; split the work across functions`,
          related: [{ at: list[0].at, message: 'the first of them' }],
          key: `${t.function.name.value}/${t.name.value}`,
        });
      }
    }
  },
} satisfies Rule;

/**
 * The cloud triggers among `list`: a trigger name declared again for the same function (in another
 * file of the app, or in the same file, where deploy keeps one; duplicate-trigger-name reports
 * both) is one cloud trigger, counted once.
 */
function distinct(list: StorageTrigger[]): StorageTrigger[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = deployKey(t);
    if (k === undefined) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
