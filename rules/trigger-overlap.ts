import { where } from '../src/source/where.js';
import type { Rule } from '../src/engine/rule.js';
import { isKnown, type StorageTrigger } from '../src/model/model.js';
import {
  bucketText,
  byBucket,
  filterText,
  prefixesOverlap,
  storageName,
  suffixesOverlap,
  triggerLabel,
} from '../src/model/filters.js';
import { eventsIntersect } from '../src/model/vendors.js';
import { declaredTwice, deployKey } from '../src/model/declared-twice.js';

function comparable(t: StorageTrigger): boolean {
  return t.native && isKnown(t.events) && isKnown(t.prefix) && isKnown(t.suffix);
}

/** Earlier triggers named as related locations of one finding, at most; the message counts the rest ("and N more"). */
export const MAX_RELATED = 5;

/** Triggers with the same vendor, events and filters: they overlap each other exactly as any one of them does. */
interface FilterClass {
  rep: StorageTrigger;
  members: StorageTrigger[];
  /** Members seen so far in source order (the earlier triggers of the one being checked). */
  seen: number;
}

export default {
  id: 'trigger-overlap',
  description: 'Disallow two native triggers on one bucket whose events intersect and whose filters overlap',
  severity: 'error',
  check({ model, sources, report }) {
    for (const unordered of byBucket(model.storageTriggers, comparable).values()) {
      // One finding per trigger that overlaps an earlier one in path + offset order (so the findings
      // do not depend on the order of the arguments or of a directory listing), naming the earliest
      // and listing up to MAX_RELATED of them: n identical triggers give n - 1 findings, not n²/2.
      // Identical triggers form one class, compared once with each other class.
      const group = [...unordered].sort(bySourcePosition);
      const classes = new Map<string, FilterClass>();
      const classOf = new Map<StorageTrigger, FilterClass>();
      for (const t of group) {
        const k = classKey(t);
        let c = classes.get(k);
        if (!c) classes.set(k, (c = { rep: t, members: [], seen: 0 }));
        c.members.push(t);
        classOf.set(t, c);
      }
      const pair = new Map<FilterClass, Map<FilterClass, string | false>>();
      const overlapOf = (ca: FilterClass, cb: FilterClass): string | false => {
        let row = pair.get(cb);
        if (!row) pair.set(cb, (row = new Map<FilterClass, string | false>()));
        let v = row.get(ca);
        if (v === undefined) row.set(ca, (v = overlap(ca.rep, cb.rep)));
        return v;
      };
      // one trigger in two descriptors (declared-twice.ts) is not an overlap: duplicate-trigger-name says so
      const byDeployKey = new Map<string, StorageTrigger[]>();
      for (const b of group) {
        const cb = classOf.get(b)!;
        const k = deployKey(b);
        const twins = k === undefined ? [] : (byDeployKey.get(k) ?? []).filter((a) => declaredTwice(a, b));
        const earlier: StorageTrigger[] = [];
        let count = 0;
        for (const ca of classes.values()) {
          if (!ca.seen || !overlapOf(ca, cb)) continue;
          const mine = twins.filter((t) => classOf.get(t) === ca);
          count += ca.seen - mine.length;
          earlier.push(
            ...ca.members.slice(0, Math.min(ca.seen, MAX_RELATED + mine.length)).filter((t) => !mine.includes(t)),
          );
        }
        cb.seen++;
        if (k !== undefined) (byDeployKey.get(k) ?? byDeployKey.set(k, []).get(k)!).push(b);
        if (!count) continue;
        earlier.sort(bySourcePosition);
        const a = earlier[0];
        const ev = overlap(a, b) || overlapOf(classOf.get(a)!, cb);
        const [pa, pb, sa, sb] = [a.prefix.value, b.prefix.value, a.suffix.value, b.suffix.value] as string[];
        const exact = pa === pb && sa === sb && sameEvents(a, b);
        const keys = filterText(pa.length >= pb.length ? pa : pb, sa.length >= sb.length ? sa : sb);
        const aAt = a.prefixDeclared ? a.prefix.at : a.at;
        const other =
          triggerLabel(a) === 'this trigger'
            ? `the trigger at ${where(sources, aAt)}`
            : `${triggerLabel(a)} (${where(sources, aAt)})`;
        const what = exact ? `duplicates ${other}` : `overlaps ${other}`;
        const more = count > 1 ? ` and ${count - 1} more trigger${count > 2 ? 's' : ''}` : '';
        report({
          at: b.prefixDeclared ? b.prefix.at : b.suffixDeclared ? b.suffix.at : b.at,
          message: `${triggerLabel(b)} ${what}${more} on ${bucketText(b.bucket)}: both fire on ${ev} for ${keys}; ${storageName(b)} rejects overlapping rules for one event (or only one of them fires), so give them disjoint prefixes or suffixes, different events, or merge them`,
          related: earlier.slice(0, MAX_RELATED).map((x) => ({
            at: x.prefixDeclared ? x.prefix.at : x.at,
            message: `${triggerLabel(x) === 'this trigger' ? 'the other trigger' : triggerLabel(x)} is declared here`,
          })),
          key: `${b.function.name.value}/${b.name.value} ~ ${a.function.name.value}/${a.name.value}`,
        });
      }
    }
  },
} satisfies Rule;

/** The events both fire on (as text) when the earlier trigger `a` and the later `b` overlap, else false. */
function overlap(a: StorageTrigger, b: StorageTrigger): string | false {
  const ev = eventsIntersect(b.function.vendor, a.events.value as string[], b.events.value as string[]);
  if (!ev) return false;
  const [pa, pb, sa, sb] = [a.prefix.value, b.prefix.value, a.suffix.value, b.suffix.value] as string[];
  return prefixesOverlap(pa, pb) && suffixesOverlap(sa, sb) ? ev : false;
}

function classKey(t: StorageTrigger): string {
  return JSON.stringify([t.function.vendor, [...(t.events.value as string[])].sort(), t.prefix.value, t.suffix.value]);
}

function sameEvents(a: StorageTrigger, b: StorageTrigger): boolean {
  const x = [...(a.events.value as string[])].sort().join(',');
  const y = [...(b.events.value as string[])].sort().join(',');
  return x === y;
}

/** Path, then offset: an order that does not depend on how the files were listed. */
function bySourcePosition(a: StorageTrigger, b: StorageTrigger): number {
  return a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : a.at.start - b.at.start;
}
