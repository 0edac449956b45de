// The job summary's picture of a run: a Mermaid flowchart bucket → trigger → function → bucket
// it writes into, built from the Model, with the triggers of overlap findings and the triggers,
// functions and writes of recursion findings highlighted.
import type { Model, StorageTrigger, FunctionDef, WriteTarget } from '../model/model.js';
import { isKnown } from '../model/model.js';
import type { Finding, Location, Result } from '../types.js';

/** GitHub renders Mermaid with its default limits; stay well inside them. */
const MAX_EDGES = 400;
const MAX_TEXT = 40_000;

/** Mermaid label text: anything but plain characters becomes an entity code. */
export function label(s: string): string {
  return s.replace(/[^A-Za-z0-9 _.\/:*@=+-]/g, (c) => `#${c.codePointAt(0)};`);
}

function contains(at: Location, file: string, offset: number): boolean {
  return at.file === file && at.start <= offset && offset < Math.max(at.end, at.start + 1);
}

/** Offsets of a finding's start and of each related location's start. */
function offsets(f: Finding, texts: Map<string, string>): { main: [string, number]; related: [string, number][] } {
  return {
    main: [f.path, f.start],
    related: (f.related ?? []).map((r) => [r.path, offsetOf(texts.get(r.path) ?? '', r.line, r.column)]),
  };
}

function offsetOf(text: string, line: number, column: number): number {
  let o = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', o);
    if (nl < 0) return text.length;
    o = nl + 1;
  }
  return o + column - 1;
}

export interface Highlights {
  overlap: Set<StorageTrigger>;
  loopTriggers: Set<StorageTrigger>;
  loopFunctions: Set<FunctionDef>;
  loopWrites: Set<WriteTarget>;
}

export function highlights(model: Model, result: Result): Highlights {
  const h: Highlights = { overlap: new Set(), loopTriggers: new Set(), loopFunctions: new Set(), loopWrites: new Set() };
  const writes = model.functions.flatMap((fn) => fn.writes.map((w) => ({ fn, w })));
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.ruleId !== 'trigger-overlap' && f.ruleId !== 'recursive-trigger') continue;
      const { main, related } = offsets(f, result.texts);
      const triggerAt = ([p, o]: [string, number]) => model.storageTriggers.filter((t) => contains(t.at, p, o));
      if (f.ruleId === 'trigger-overlap') {
        for (const at of [main, ...related]) for (const t of triggerAt(at)) h.overlap.add(t);
        continue;
      }
      const hits = related.flatMap(([p, o]) => writes.filter(({ w }) => contains(w.at, p, o)));
      if (!hits.length) continue; // an unfiltered trigger is a risk, not a loop
      for (const t of triggerAt(main)) h.loopTriggers.add(t);
      for (const { fn, w } of hits) { h.loopFunctions.add(fn); h.loopWrites.add(w); }
    }
  }
  return h;
}

function bucketId(vendor: string, name: string): string {
  return `${vendor}\u0000${name}`;
}

function triggerText(t: StorageTrigger): string {
  const name = isKnown(t.name) ? t.name.value : '?';
  const events = isKnown(t.events) ? t.events.value.join(' ') : '?';
  const filter = [isKnown(t.prefix) && t.prefix.value ? `prefix ${t.prefix.value}` : '', isKnown(t.suffix) && t.suffix.value ? `suffix ${t.suffix.value}` : '']
    .filter(Boolean).join(', ') || 'no filter';
  return `${label(`${t.type} trigger ${name}`)}<br/>${label(events)}<br/>${label(filter)}`;
}

/** The flowchart; undefined when the run has no storage trigger, null when it is too large to draw. */
export function mermaid(model: Model, result: Result): string | null | undefined {
  if (!model.storageTriggers.length) return undefined;
  const h = highlights(model, result);
  const lines: string[] = ['flowchart LR'];
  const buckets = new Map<string, string>();
  const fns = new Map<FunctionDef, string>();
  const loopEdges: number[] = [];
  let edges = 0;
  const bucket = (vendor: string, name: string): string => {
    const key = bucketId(vendor, name);
    let id = buckets.get(key);
    if (!id) {
      id = `b${buckets.size}`;
      buckets.set(key, id);
      lines.push(`  ${id}[("${label(name)}")]`);
    }
    return id;
  };
  const fnNode = (fn: FunctionDef): string => {
    let id = fns.get(fn);
    if (!id) {
      id = `f${fns.size}`;
      fns.set(fn, id);
      lines.push(`  ${id}["${label(`function ${isKnown(fn.name) ? fn.name.value : '?'}`)}"]`);
      if (h.loopFunctions.has(fn)) lines.push(`  class ${id} loop`);
    }
    return id;
  };
  model.storageTriggers.forEach((t, i) => {
    const b = bucket(t.function.vendor, isKnown(t.bucket) ? t.bucket.value : `? (${isKnown(t.name) ? t.name.value : i})`);
    const id = `t${i}`;
    lines.push(`  ${id}{{"${triggerText(t)}"}}`);
    if (h.loopTriggers.has(t)) lines.push(`  class ${id} loop`);
    else if (h.overlap.has(t)) lines.push(`  class ${id} overlap`);
    lines.push(`  ${b} --> ${id}`, `  ${id} --> ${fnNode(t.function)}`);
    edges += 2;
  });
  for (const [fn, id] of fns) {
    const own = model.storageTriggers.filter((t) => t.function === fn && isKnown(t.bucket)).map((t) => t.bucket.value as string);
    for (const w of fn.writes) {
      const targets = w.bucket ? (isKnown(w.bucket) ? [w.bucket.value] : []) : [...new Set(own)];
      const text = w.prefix ? (isKnown(w.prefix) ? `writes ${w.prefix.value || '/'}` : 'writes ?') : 'writes';
      for (const name of targets) {
        lines.push(`  ${id} -->|"${label(text)}"| ${bucket(fn.vendor, name)}`);
        if (h.loopWrites.has(w)) loopEdges.push(edges);
        edges++;
      }
    }
  }
  lines.push('  classDef overlap fill:#fff3cd,stroke:#b8860b,stroke-width:2px');
  lines.push('  classDef loop fill:#f8d7da,stroke:#c00,stroke-width:2px');
  if (loopEdges.length) lines.push(`  linkStyle ${loopEdges.join(',')} stroke:#c00,stroke-width:2px`);
  const text = lines.join('\n');
  if (edges > MAX_EDGES || text.length > MAX_TEXT) return null;
  return text;
}
