// The write graph behind `recursive-trigger` (docs/architecture.md, "Recursion"): trigger → function → bucket it
// writes → triggers on that bucket whose prefix the write reaches. Built per bucket group,
// never as a pairwise loop over all triggers.
import { isKnown, known, type FunctionDef, type StorageTrigger, type WriteTarget } from './model.js';
import { bucketId, bucketKey, neverFires, prefixesOverlap, suffixesOverlap } from './filters.js';
import { isCreationEvent } from './vendors.js';
import { resolveKey } from './key-pattern.js';
import { passes, type KeyGuard } from './key-guard.js';

export interface Edge {
  from: StorageTrigger;
  to: StorageTrigger;
  write: WriteTarget;
  /** The write's prefix is known and overlaps the target trigger's prefix. */
  certain: boolean;
}

/** Whether t fires when an object is created: creation events, and a prefix some key can have. */
export function firesOnCreation(t: StorageTrigger): boolean {
  return isKnown(t.events) && t.events.value.some(isCreationEvent) && !neverFires(t);
}

/**
 * A write as it is when t fires: a key pattern from the handler code (src/code/) becomes the
 * prefix, suffix or exact key it has for t's filter; other writes are as declared.
 */
export function resolvedFor(w: WriteTarget, t: StorageTrigger): WriteTarget {
  if (!w.key) return w;
  const r = resolveKey(w.key, known(t.prefix), known(t.suffix));
  return {
    ...w,
    prefix: r.prefix !== undefined ? { value: r.prefix, at: w.at } : undefined,
    suffix: r.suffix !== undefined ? { value: r.suffix, at: w.at } : undefined,
    exact: r.exact !== undefined,
  };
}

/**
 * Where a function writes, intent over permission (docs/architecture.md, "Recursion"): an output variable, a mount, a
 * declared output or a write in its handler code says where the function writes — also when that
 * is another bucket than the one that triggers it (the replicator: `OUTPUT_BUCKET: output-101`,
 * role `s3:*` on the input bucket). A role policy only says where it may write, so it counts only
 * for a function that states no output at all.
 */
export function effectiveWrites(fn: FunctionDef): WriteTarget[] {
  const intent = fn.writes.filter((w) => w.via !== 'policy');
  return intent.length ? intent : fn.writes;
}

/**
 * The writes of t's function that land in bucket `key` when t fires, following docs/architecture.md, "Recursion":
 * an output prefix with no bucket means t's own bucket (whatever its name, even unknown: pass
 * `key` undefined for "t's own bucket"); policies count only as effectiveWrites says.
 */
export function writesInto(t: StorageTrigger, key: string | undefined): WriteTarget[] {
  const vendor = t.function.vendor;
  const own = bucketKey(t);
  const into = effectiveWrites(t.function)
    .filter((w) => {
      if (!reachedBy(w, t)) return false;
      if (!w.bucket) return own === key;
      return key !== undefined && isKnown(w.bucket) && bucketId(vendor, w.bucket.value) === key;
    })
    .map((w) => resolvedFor(w, t));
  // an output variable the code is seen writing under (its prefix starts the code's): the code's write says more (its suffix, its guards)
  const prefixOf = (w: WriteTarget) => (w.prefix && isKnown(w.prefix) ? w.prefix.value : undefined);
  const codePrefixes = into
    .filter((w) => w.via === 'code')
    .map(prefixOf)
    .filter((p): p is string => p !== undefined);
  return into.filter((w) => {
    const p = w.via === 'env' ? prefixOf(w) : undefined;
    return p === undefined || !codePrefixes.some((c) => c.startsWith(p));
  });
}

/** Whether a write runs when `t` fires: not when a check on the key it depends on turns away every key `t` fires on (the branch of another trigger). */
function reachedBy(w: WriteTarget, t: StorageTrigger): boolean {
  const facts = { prefix: known(t.prefix) || undefined, suffix: known(t.suffix) || undefined };
  return !(w.guards ?? []).some((g) => passes(g, facts) === false);
}

/**
 * The check that stops a write's own output from running the function again (resolved write):
 * the first guard its keys do not provably pass; `certain` when they provably fail it.
 */
export function stoppedBy(w: WriteTarget): { guard: KeyGuard; certain: boolean } | undefined {
  const p = w.prefix && isKnown(w.prefix) ? w.prefix.value : undefined;
  const facts = {
    prefix: p,
    suffix: w.suffix && isKnown(w.suffix) ? w.suffix.value : undefined,
    exact: w.exact ? p : undefined,
  };
  for (const guard of w.guards ?? []) {
    const r = passes(guard, facts);
    if (r !== true) return { guard, certain: r === false };
  }
  return undefined;
}

/**
 * Whether a write (resolved for the trigger that fired) reaches trigger `to`: 'none' when a
 * known prefix or suffix is disjoint from `to`'s filter; 'certain' when a declared output prefix
 * overlaps `to`'s, or when every key a write in the code makes provably matches `to`'s filter
 * (its prefix starts with `to`'s, its suffix ends with `to`'s suffix when there is one); else
 * 'maybe' (something unknown).
 */
export function reach(w: WriteTarget, to: StorageTrigger): 'certain' | 'maybe' | 'none' {
  const tp = known(to.prefix);
  const ts = known(to.suffix);
  const wp = w.prefix && isKnown(w.prefix) ? w.prefix.value : undefined;
  const ws = w.suffix && isKnown(w.suffix) ? w.suffix.value : undefined;
  if (w.exact && wp !== undefined) {
    if (tp !== undefined && !wp.startsWith(tp)) return 'none';
    if (ts !== undefined && !wp.endsWith(ts)) return 'none';
    return tp !== undefined && ts !== undefined ? 'certain' : 'maybe';
  }
  if (wp !== undefined && tp !== undefined && !prefixesOverlap(wp, tp)) return 'none';
  if (ws !== undefined && ts !== undefined && !suffixesOverlap(ws, ts)) return 'none';
  if (wp === undefined || tp === undefined) return 'maybe';
  if (w.via !== 'code') return 'certain'; // a declared output prefix (env, mount, policy): what is written there is the function's output
  // a write in the code is endless only when every key it writes provably matches: the prefix, and the suffix when the trigger has one
  const suffixMatches = ts === '' || (ts !== undefined && ws !== undefined && ws.endsWith(ts));
  return wp.startsWith(tp) && suffixMatches ? 'certain' : 'maybe';
}

/** Buckets (keys) a trigger's function writes into when the trigger fires. */
export function targetKeys(t: StorageTrigger): Set<string> {
  const out = new Set<string>();
  const own = bucketKey(t);
  for (const w of effectiveWrites(t.function)) {
    if (!w.bucket) {
      if (own) out.add(own);
    } else if (isKnown(w.bucket)) out.add(bucketId(t.function.vendor, w.bucket.value));
  }
  return out;
}

export function buildEdges(triggers: StorageTrigger[], groups: Map<string, StorageTrigger[]>): Edge[] {
  const edges: Edge[] = [];
  for (const from of triggers) {
    if (!firesOnCreation(from)) continue;
    for (const key of targetKeys(from)) {
      const targets = groups.get(key);
      if (!targets) continue;
      for (const w of writesInto(from, key)) {
        for (const to of targets) {
          if (!firesOnCreation(to) || !isKnown(to.prefix)) continue;
          const r = reach(w, to);
          if (r !== 'none') edges.push({ from, to, write: w, certain: r === 'certain' });
        }
      }
    }
  }
  return edges;
}

/** Strongly connected components (Tarjan, iterative) of the trigger graph. */
export function components(nodes: StorageTrigger[], edges: Edge[]): StorageTrigger[][] {
  const adj = new Map<StorageTrigger, StorageTrigger[]>();
  for (const e of edges) (adj.get(e.from) ?? adj.set(e.from, []).get(e.from)!).push(e.to);
  const index = new Map<StorageTrigger, number>();
  const low = new Map<StorageTrigger, number>();
  const onStack = new Set<StorageTrigger>();
  const stack: StorageTrigger[] = [];
  const out: StorageTrigger[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { v: StorageTrigger; i: number }[] = [{ v: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1];
      const next = adj.get(top.v) ?? [];
      if (top.i < next.length) {
        const w = next[top.i++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter++;
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === index.get(top.v)) {
        const comp: StorageTrigger[] = [];
        let x: StorageTrigger;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          comp.push(x);
        } while (x !== top.v);
        out.push(comp);
      }
    }
  }
  return out;
}

/** One simple cycle through the component, as edges (BFS from its first node back to itself). */
export function cycleIn(comp: StorageTrigger[], edges: Edge[]): Edge[] | undefined {
  const inComp = new Set(comp);
  const adj = new Map<StorageTrigger, Edge[]>();
  for (const e of edges)
    if (inComp.has(e.from) && inComp.has(e.to) && e.from !== e.to)
      (adj.get(e.from) ?? adj.set(e.from, []).get(e.from)!).push(e);
  const start = comp[0];
  const prev = new Map<StorageTrigger, Edge>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi];
    for (const e of adj.get(v) ?? []) {
      if (e.to === start) {
        const path = [e];
        for (let cur = v; cur !== start;) {
          const p = prev.get(cur)!;
          path.unshift(p);
          cur = p.from;
        }
        return path;
      }
      if (!prev.has(e.to)) {
        prev.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  return undefined;
}
