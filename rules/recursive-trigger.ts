import type { Report } from '../src/types.js';
import type { Rule } from '../src/engine/rule.js';
import { isKnown, known, Unknown, type Located, type StorageTrigger, type WriteTarget } from '../src/model/model.js';
import {
  bucketKey,
  bucketShort,
  byBucket,
  filterText,
  functionLabel,
  q,
  storageName,
  triggerLabel,
} from '../src/model/filters.js';
import {
  buildEdges,
  components,
  cycleIn,
  firesOnCreation,
  reach,
  stoppedBy,
  writesInto,
  type Edge,
} from '../src/model/recursion.js';

const REMEDY =
  'write to a prefix the trigger does not watch (e.g. trigger on "src/", write to "dst/") or to another bucket';

function unknownWhy(l: Located<string> | undefined): string {
  if (!l || !(l.value instanceof Unknown)) return 'the key prefix it writes under is not known';
  return l.value.reason === 'template placeholder'
    ? 'its value is an unrendered template placeholder, so the key prefix it writes under is not known'
    : 'its value is not known, so neither is the key prefix it writes under';
}

function whereWritten(w: WriteTarget): string {
  if (w.via === 'code') {
    const by = w.label ?? 'handler code';
    const ends = w.suffix && isKnown(w.suffix) ? ` ending in ${q(w.suffix.value)}` : '';
    if (!(w.prefix && isKnown(w.prefix)))
      return `under a key${ends} it builds from values trigger-lint cannot resolve (${by})`;
    if (w.exact) return `to the key ${q(w.prefix.value)} (${by})`;
    return w.prefix.value === ''
      ? `at its root${ends ? `, keys${ends}` : ''} (${by})`
      : `under ${q(w.prefix.value)}${ends ? `, keys${ends}` : ''} (${by})`;
  }
  const how =
    w.via === 'env'
      ? 'environment variable'
      : w.via === 'mount'
        ? 'writable OSS'
        : w.via === 'policy'
          ? 'role policy'
          : 'declared output';
  const by = w.label ? `${how} ${w.label}` : how;
  if (!(w.prefix && isKnown(w.prefix)))
    return `(${by}; ${w.via === 'env' ? unknownWhy(w.prefix) : 'the key prefix it writes under is not known'})`;
  return w.prefix.value === '' ? `at its root (${by} is "")` : `under ${q(w.prefix.value)} (${by})`;
}

/** The trigger's filter in words, also when part of it is not known. */
function filterWords(t: StorageTrigger): string {
  const p = known(t.prefix);
  const s = known(t.suffix);
  if (p !== undefined && s !== undefined) return filterText(p, s);
  const sfx = s ? ` and suffix ${q(s)}` : '';
  if (p === undefined) return `keys with a prefix trigger-lint cannot resolve${sfx}`;
  return `${filterText(p, '')} and a suffix trigger-lint cannot resolve`;
}

function related(w: WriteTarget) {
  return w.via === 'code'
    ? { at: w.at, message: `the function writes here (${callee(w)})`, code: true }
    : { at: w.at, message: 'the function writes here' };
}

/** The call of a code write's label (`code/index.py:19 bucket.put_object` → `bucket.put_object`). */
function callee(w: WriteTarget): string {
  return (w.label ?? '').replace(/^\S+:\d+ /, '');
}

function anchor(t: StorageTrigger) {
  return t.prefixDeclared ? t.prefix.at : t.bucket.at;
}

function bucketName(t: StorageTrigger): string {
  return bucketShort(t.bucket);
}

function direct(t: StorageTrigger, report: (r: Report) => void): boolean {
  if (!firesOnCreation(t)) return false;
  // writes into t's own bucket: named by its bucket (when known), or "the triggering bucket"
  const writes = writesInto(t, bucketKey(t));
  if (!writes.length) return false;
  const graded = writes.map((w) => ({ w, r: reach(w, t) }));
  const filter = filterWords(t);
  const base = `${functionLabel(t)} writes into ${isKnown(t.bucket) ? `bucket ${bucketName(t)}` : 'the bucket that triggers it'}`;
  const hit = graded.find((g) => g.r === 'certain')?.w;
  if (hit && !isKnown(t.bucket)) return unknownBucket(t, hit, base, report, true);
  const stop = hit ? stoppedBy(hit) : undefined;
  if (hit && stop) {
    // a check on the key before the write turns its own output away: one extra run, not a loop
    const [where, ...check] = stop.guard.label.split(' ');
    report({
      at: anchor(t),
      severity: 'warning',
      message: stop.certain
        ? `${base} ${whereWritten(hit)}, and ${triggerLabel(t)} fires on ${filter} there: it re-triggers itself once — the check ${check.join(' ')} at ${where} stops the second run, so every object costs two runs; ${REMEDY}`
        : `${base} ${whereWritten(hit)}, and ${triggerLabel(t)} fires on ${filter} there: it re-triggers itself, and only the check ${check.join(' ')} at ${where} stops it — an endless loop if what it writes passes that check too; ${REMEDY}`,
      related: [related(hit)],
      key: `${t.function.name.value}/${t.name.value}`,
    });
    return true;
  }
  if (hit) {
    report({
      at: anchor(t),
      message: `${base} ${whereWritten(hit)}, and ${triggerLabel(t)} fires on ${filter} there: every object it writes triggers it again, an endless loop that bills every run; ${REMEDY}`,
      related: [related(hit)],
      key: `${t.function.name.value}/${t.name.value}`,
    });
    return true;
  }
  const w = graded.find((g) => g.r === 'maybe')?.w;
  if (!w) return false; // every write goes outside the filter (another prefix, another suffix): the safe pattern
  const unfiltered = known(t.prefix) === '' && known(t.suffix) === '';
  if (!isKnown(t.bucket)) return unknownBucket(t, w, base, report);
  report({
    at: anchor(t),
    severity: unfiltered ? 'error' : 'warning',
    message: unfiltered
      ? `${base} ${whereWritten(w)}, and ${triggerLabel(t)} fires on every new object in it: each write triggers it again, an endless loop; set a prefix on the trigger and ${REMEDY}`
      : `${base} ${whereWritten(w)}, and ${triggerLabel(t)} watches ${filter} there: if the function's output matches, it triggers itself again; make sure its output keys fall outside the filter — ${REMEDY}`,
    related: [related(w)],
    key: `${t.function.name.value}/${t.name.value}`,
  });
  return true;
}

/**
 * A write into the bucket that triggers t when that bucket's name is not known
 * (`{{ bucketName }}`, an unset `${env('BUCKET')}`): an output prefix with no output bucket still
 * means this very bucket. An error only when the trigger has no filter and the prefix is known
 * (`certain`); a warning otherwise (issue #16: the name, and so the setup, is still to be filled in).
 */
function unknownBucket(
  t: StorageTrigger,
  w: WriteTarget,
  base: string,
  report: (r: Report) => void,
  certain = false,
): true {
  const unfiltered = known(t.prefix) === '' && known(t.suffix) === '';
  const error = certain && unfiltered;
  report({
    at: anchor(t),
    severity: error ? 'error' : 'warning',
    message: error
      ? `${base} ${whereWritten(w)}, and ${triggerLabel(t)} fires on every new object in it: each write triggers it again, an endless loop; set a prefix on the trigger and ${REMEDY}`
      : `${base} ${whereWritten(w)}, and ${triggerLabel(t)} watches ${filterWords(t)} there: if the function's output matches, it triggers itself again; make sure its output keys fall outside the filter — ${REMEDY}`,
    related: [related(w)],
    key: `${t.function.name.value}/${t.name.value}`,
  });
  return true;
}

/** An info on each function whose handler code lies outside the project root (src/source/containment.ts): it was not read. */
function outsideCode(triggers: StorageTrigger[], report: (r: Report) => void): void {
  const seen = new Set<StorageTrigger['function']>();
  for (const { function: fn } of triggers) {
    if (!fn.codeOutside || !fn.code || !isKnown(fn.code.dir) || seen.has(fn)) continue;
    seen.add(fn);
    report({
      at: fn.code.dir.at,
      severity: 'info',
      message: `handler code at ${q(fn.code.dir.value)} is outside the project; not read, so only the configuration tells where ${functionLabel({ function: fn })} writes — move the code into the project, or pass --root to widen it`,
      key: `code-outside:${fn.name.value}`,
    });
  }
}

/**
 * Why the unfiltered-trigger advisory cannot rule a write into t's bucket out — or undefined when
 * it can: the function's handler code was read completely and every write target it has (config
 * and code) names a known bucket other than t's (the writes into t's own bucket were judged above).
 */
function whyWritesUnknown(t: StorageTrigger): string | undefined {
  const fn = t.function;
  if (!fn.code) return 'its handler code is not named in the config';
  if (!fn.codeRead) return 'its handler code was not found beside the config, or not read';
  if (!fn.codeRead.complete) return `its handler code was read only in part: ${fn.codeRead.why}`;
  const own = bucketKey(t);
  if (own === undefined) return "the bucket's name is not known";
  if (writesInto(t, own).length) return 'the function writes into it';
  const unresolved = fn.writes.find((w) => w.bucket && !isKnown(w.bucket));
  if (unresolved) return `a write goes to a bucket trigger-lint cannot resolve (${unresolved.label ?? unresolved.via})`;
  return undefined;
}

function cyclePath(edges: Edge[]): string {
  const parts: string[] = [];
  const name = (t: StorageTrigger) => t.bucket.display ?? String(t.bucket.value);
  for (const e of edges) parts.push(name(e.from), String(e.from.function.name.value));
  parts.push(name(edges[0].from));
  return parts.join(' → ');
}

export default {
  id: 'recursive-trigger',
  description: 'Disallow a function that writes into a bucket (or a chain of buckets) that triggers it',
  severity: 'error',
  needs: ['code'], // handler code is a source of write targets (src/code)
  check({ model, report }) {
    outsideCode(model.storageTriggers, report);
    const reported = new Set<StorageTrigger>();
    for (const t of model.storageTriggers) if (direct(t, report)) reported.add(t);

    const groups = byBucket(model.storageTriggers);
    const nodes = model.storageTriggers.filter((t) => bucketKey(t) !== undefined);
    const edges = buildEdges(nodes, groups);
    for (const comp of components(nodes, edges)) {
      if (comp.length < 2) continue;
      const fns = new Set(comp.map((t) => t.function));
      const buckets = new Set(comp.map((t) => bucketKey(t)));
      if (fns.size < 2 && buckets.size < 2) continue; // one function on one bucket: reported directly above
      const ordered = [...comp].sort((a, b) =>
        a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : a.at.start - b.at.start,
      );
      const cycle = cycleIn(ordered, edges);
      if (!cycle) continue;
      const certain = cycle.every((e) => e.certain);
      const first = cycle[0].from;
      report({
        at: anchor(first),
        severity: certain ? 'error' : 'warning',
        message: `recursive trigger cycle ${cyclePath(cycle)}: each function's output fires the next trigger and the last fires the first again${certain ? '' : " (one write's prefix is not known, so this may not happen)"}; break the cycle — ${REMEDY}`,
        related: cycle.map((e) => ({
          at: e.write.at,
          message: `${functionLabel(e.from)} writes into bucket ${bucketName(e.to)} here${e.write.via === 'code' ? ` (${callee(e.write)})` : ''}`,
          ...(e.write.via === 'code' ? { code: true } : {}),
        })),
        key: `cycle:${cyclePath(cycle)}`,
      });
      for (const e of cycle) reported.add(e.from);
    }

    for (const t of model.storageTriggers) {
      if (reported.has(t) || !firesOnCreation(t) || !isKnown(t.prefix) || !isKnown(t.suffix)) continue;
      if (t.prefix.value !== '' || t.suffix.value !== '') continue;
      const unsure = whyWritesUnknown(t);
      if (unsure === undefined) continue; // every write of the function is known, and none goes into this bucket
      report({
        at: isKnown(t.bucket) ? t.bucket.at : t.at,
        severity: 'warning',
        message: `${triggerLabel(t)} fires on every new object in ${isKnown(t.bucket) ? `bucket ${bucketName(t)}` : 'its bucket'} (no prefix or suffix), and trigger-lint cannot rule out that the function writes there (${unsure}): if it does, it triggers itself forever; ${storageName(t)} recommends a filter — set a prefix such as "src/" and write results elsewhere`,
        key: `${t.function.name.value}/${t.name.value}`,
      });
    }
  },
} satisfies Rule;
