import type { Rule } from '../src/engine/rule.js';
import { isKnown, type StorageTrigger } from '../src/model/model.js';
import { bucketText, byBucket, filterText, prefixesOverlap, storageName, suffixesOverlap, triggerLabel } from '../src/model/filters.js';
import { eventsIntersect } from '../src/model/vendors.js';
import { declaredTwice } from '../src/model/declared-twice.js';

function comparable(t: StorageTrigger): boolean {
  return t.native && isKnown(t.events) && isKnown(t.prefix) && isKnown(t.suffix);
}

export default {
  id: 'trigger-overlap',
  description: 'Disallow two native triggers on one bucket whose events intersect and whose filters overlap',
  severity: 'error',
  check({ model, report }) {
    for (const unordered of byBucket(model.storageTriggers, comparable).values()) {
      // Every overlapping pair once, reported on its later trigger in path + offset order: the
      // findings do not depend on the order of the arguments or of a directory listing.
      const group = [...unordered].sort(bySourcePosition);
      for (let j = 1; j < group.length; j++) {
        const b = group[j];
        for (let i = 0; i < j; i++) {
          const a = group[i];
          if (declaredTwice(a, b)) continue; // one trigger in two descriptors: duplicate-trigger-name says so
          const ev = eventsIntersect(b.function.vendor, a.events.value as string[], b.events.value as string[]);
          if (!ev) continue;
          const [pa, pb, sa, sb] = [a.prefix.value, b.prefix.value, a.suffix.value, b.suffix.value] as string[];
          if (!prefixesOverlap(pa, pb) || !suffixesOverlap(sa, sb)) continue;
          const exact = pa === pb && sa === sb && sameEvents(a, b);
          const keys = filterText(pa.length >= pb.length ? pa : pb, sa.length >= sb.length ? sa : sb);
          const what = exact ? `duplicates ${triggerLabel(a)}` : `overlaps ${triggerLabel(a)}`;
          report({
            at: b.prefixDeclared ? b.prefix.at : b.suffixDeclared ? b.suffix.at : b.at,
            message: `${triggerLabel(b)} ${what} on ${bucketText(b.bucket)}: both fire on ${ev} for ${keys}; ${storageName(b)} rejects overlapping rules for one event (or only one of them fires), so give them disjoint prefixes or suffixes, different events, or merge them`,
            related: [{ at: a.prefixDeclared ? a.prefix.at : a.at, message: `${triggerLabel(a)} is declared here` }],
            key: `${b.function.name.value}/${b.name.value} ~ ${a.function.name.value}/${a.name.value}`,
          });
        }
      }
    }
  },
} satisfies Rule;

function sameEvents(a: StorageTrigger, b: StorageTrigger): boolean {
  const x = [...(a.events.value as string[])].sort().join(',');
  const y = [...(b.events.value as string[])].sort().join(',');
  return x === y;
}

/** Path, then offset: an order that does not depend on how the files were listed. */
function bySourcePosition(a: StorageTrigger, b: StorageTrigger): number {
  return a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : a.at.start - b.at.start;
}
