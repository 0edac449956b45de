// Where control flow meets (the arms of `if/elif/else`, a ternary, `a or b`, `try/except`,
// `switch`, a loop body that may not run), the value of a name is the join of its values on
// each path: equal values stay, two strings keep their common known start and end with unknown
// text between, objects and lists join item by item, and anything else becomes unknown. Never
// "last arm wins"; equality is structural (a `Map` compares its entries, a function its node).
import { asStr, str, UNKNOWN, type Part, type Val } from './values.js';

/** Structural equality of two values. */
export function equal(a: Val | undefined, b: Val | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.t !== b.t) return false;
  switch (a.t) {
    case 'str':
      return partsEqual(a.parts, (b as typeof a).parts);
    case 'event':
      return (
        a.path.join('\u0000') === (b as typeof a).path.join('\u0000') && a.path.length === (b as typeof a).path.length
      );
    case 'env':
    case 'unknown':
      return true;
    case 'sdk':
      return (
        a.sdk === (b as typeof a).sdk &&
        a.path.join('\u0000') === (b as typeof a).path.join('\u0000') &&
        a.path.length === (b as typeof a).path.length
      );
    case 'client': {
      const c = b as typeof a;
      return a.sdk === c.sdk && a.kind === c.kind && equal(a.bucket, c.bucket) && equal(a.key, c.key);
    }
    case 'request': {
      const c = b as typeof a;
      return a.sdk === c.sdk && a.op === c.op && mapsEqual(a.props, c.props);
    }
    case 'obj':
      return mapsEqual(a.props, (b as typeof a).props);
    case 'list': {
      const c = b as typeof a;
      return a.items.length === c.items.length && a.items.every((x, i) => equal(x, c.items[i]));
    }
    case 'fn': {
      const c = b as typeof a;
      return a.node === c.node && a.module === c.module && a.self === c.self && a.scopes === c.scopes;
    }
    case 'cls':
    case 'inst': {
      const c = b as typeof a;
      return a.node === c.node && a.module === c.module && a.attrs === c.attrs;
    }
    case 'mod':
      return a.module === (b as typeof a).module;
    default:
      return false;
  }
}

function mapsEqual(a: Map<string, Val>, b: Map<string, Val>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || !equal(v, b.get(k))) return false;
  return true;
}

function partEqual(a: Part, b: Part): boolean {
  if ('lit' in a || 'lit' in b) return 'lit' in a && 'lit' in b && a.lit === b.lit;
  if ('unknown' in a || 'unknown' in b) return 'unknown' in a && 'unknown' in b;
  if ('bucket' in a || 'bucket' in b) return 'bucket' in a && 'bucket' in b;
  if ('appid' in a || 'appid' in b) return 'appid' in a && 'appid' in b;
  const x = a.input;
  const y = b.input;
  const ex = x.edits ?? [];
  const ey = y.edits ?? [];
  return (
    x.prefix === y.prefix &&
    x.suffix === y.suffix &&
    x.tail?.sep === y.tail?.sep &&
    x.tail?.keep === y.tail?.keep &&
    x.head === y.head &&
    x.dropEnd === y.dropEnd &&
    x.dropStart === y.dropStart &&
    x.lastCut?.sep === y.lastCut?.sep &&
    x.lastCut?.mode === y.lastCut?.mode &&
    ex.length === ey.length &&
    ex.every((e, i) => e.from === ey[i].from && e.to === ey[i].to && e.all === ey[i].all)
  );
}

function partsEqual(a: Part[], b: Part[]): boolean {
  return a.length === b.length && a.every((p, i) => partEqual(p, b[i]));
}

/** Literal parts, flattened so a common start or end can be found character by character. */
function flat(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of normaliseAll(parts))
    if ('lit' in p) for (const ch of p.lit) out.push({ lit: ch });
    else out.push(p);
  return out;
}

function normaliseAll(parts: Part[]): Part[] {
  return (str(parts) as Extract<Val, { t: 'str' }>).parts;
}

/** Two strings: their common start and common end (when they differ), unknown text between. */
function joinStrings(a: Part[], b: Part[]): Val {
  if (partsEqual(normaliseAll(a), normaliseAll(b))) return str(a);
  const x = flat(a);
  const y = flat(b);
  let head = 0;
  while (head < x.length && head < y.length && partEqual(x[head], y[head])) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && partEqual(x[x.length - 1 - tail], y[y.length - 1 - tail]))
    tail++;
  // the input key in the common start loses its end, in the common end its start
  const start = x.slice(0, head).map((p): Part => ('input' in p ? { input: { ...p.input, suffix: false } } : p));
  const end = x.slice(x.length - tail).map((p): Part => ('input' in p ? { input: { ...p.input, prefix: false } } : p));
  return str([...start, { unknown: true }, ...end]);
}

function isStringish(v: Val): boolean {
  return v.t === 'str' || (v.t === 'event' && asStr(v).some((p) => !('unknown' in p)));
}

const OBJECTS = new Set<Val['t']>(['client', 'method', 'sdk', 'request', 'fn', 'cls', 'inst', 'mod']);

/** The join of two values. */
export function join(a: Val, b: Val): Val {
  if (equal(a, b)) return a;
  // a name not yet set on one path (`let client;` / `client = None`, then `if (!client) client = new OSS()`):
  // the object it is set to — a string stays unknown, an SDK object or a function is what the code uses
  if (a.t === 'unknown' && OBJECTS.has(b.t)) return b;
  if (b.t === 'unknown' && OBJECTS.has(a.t)) return a;
  if (a.t === 'unknown' || b.t === 'unknown') return UNKNOWN;
  if (isStringish(a) && isStringish(b)) return joinStrings(asStr(a), asStr(b));
  if (a.t !== b.t) return UNKNOWN;
  switch (a.t) {
    case 'client': {
      const c = b as typeof a;
      if (a.sdk !== c.sdk || a.kind !== c.kind) return UNKNOWN;
      return {
        t: 'client',
        sdk: a.sdk,
        kind: a.kind,
        ...(a.bucket || c.bucket ? { bucket: join(a.bucket ?? UNKNOWN, c.bucket ?? UNKNOWN) } : {}),
        ...(a.key || c.key ? { key: join(a.key ?? UNKNOWN, c.key ?? UNKNOWN) } : {}),
      };
    }
    case 'obj':
      return { t: 'obj', props: joinMaps(a.props, (b as typeof a).props) };
    case 'request': {
      const c = b as typeof a;
      return a.sdk === c.sdk && a.op === c.op
        ? { t: 'request', sdk: a.sdk, op: a.op, props: joinMaps(a.props, c.props) }
        : UNKNOWN;
    }
    case 'list': {
      const c = b as typeof a;
      return a.items.length === c.items.length
        ? { t: 'list', items: a.items.map((x, i) => join(x, c.items[i])) }
        : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

function joinMaps(a: Map<string, Val>, b: Map<string, Val>): Map<string, Val> {
  const out = new Map<string, Val>();
  for (const k of new Set([...a.keys(), ...b.keys()])) out.set(k, join(a.get(k) ?? UNKNOWN, b.get(k) ?? UNKNOWN));
  return out;
}

/** The join of any number of values (undefined when there are none). */
export function joinAll(vs: Val[]): Val | undefined {
  return vs.length ? vs.reduce((x, y) => join(x, y)) : undefined;
}

/** What the scopes of a frame hold, copied (a snapshot taken before the arms of a branch run). */
export type State = Map<string, Val>[];

export function snapshot(scopes: Map<string, Val>[]): State {
  return scopes.map((s) => new Map(s));
}

/** Put a snapshot back into the live scopes. */
export function restore(scopes: Map<string, Val>[], s: State): void {
  scopes.forEach((scope, i) => {
    scope.clear();
    for (const [k, v] of s[i] ?? []) scope.set(k, v);
  });
}

/**
 * Run each arm from the same state, then leave the join of the states of the arms that fall
 * through (an arm that returns, raises, breaks or continues does not reach what follows).
 * `fallsThrough` says, after an arm ran, whether it reaches the code after the branch.
 */
export function runArms(all: Map<string, Val>[], arms: (() => boolean)[]): void {
  // a function's own scopes are joined; the module's names (scopes[0]: clients set up lazily,
  // module-level code) run in order, as they did
  const scopes = all.length > 1 ? all.slice(1) : [];
  if (!scopes.length) {
    for (const arm of arms) arm();
    return;
  }
  const before = snapshot(scopes);
  const after: State[] = [];
  for (const arm of arms) {
    restore(scopes, before);
    if (arm()) after.push(snapshot(scopes));
  }
  if (after.length === 0) {
    restore(scopes, before);
    return;
  }
  restore(scopes, joinStates(after));
}

function joinStates(states: State[]): State {
  return states[0].map((_, i) => {
    const out = new Map<string, Val>();
    const names = new Set(states.flatMap((s) => [...(s[i]?.keys() ?? [])]));
    for (const name of names) {
      const vs = states.map((s) => s[i]?.get(name)).filter((v): v is Val => v !== undefined);
      out.set(name, joinAll(vs) ?? UNKNOWN);
    }
    return out;
  });
}

/**
 * Run a branch's arms from one state and join them where they meet (`runArms`); what each arm
 * returns is joined too, and the key guards an arm adds (src/model/key-guard.ts) end with it.
 * Both evaluators' `if`/`match`/`switch`/`try` arms come through here.
 */
export function joinArms(
  f: { scopes: Map<string, Val>[]; ret?: Val },
  guards: unknown[],
  arms: (() => boolean)[],
): void {
  const ret0 = f.ret;
  const rets: Val[] = [];
  const depth = guards.length;
  runArms(
    f.scopes,
    arms.map((arm) => () => {
      f.ret = ret0;
      guards.length = depth;
      const through = arm();
      if (ret0 === undefined && f.ret !== undefined) rets.push(f.ret);
      return through;
    }),
  );
  f.ret = ret0 ?? joinAll(rets);
  guards.length = depth;
}
