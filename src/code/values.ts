// The abstract values a handler's code is evaluated to: strings as key patterns (literal text,
// the triggering bucket and key, unknown text), the event and what is read from it, the
// environment, SDK modules, clients and request objects, local functions and modules.
import type { KeyEdit, KeyPart, LastCut } from '../model/key-pattern.js';
import { cutBeforeLast, normalise } from '../model/key-pattern.js';
import type { SyntaxNode } from './parser.js';
import { VENDORS } from '../model/vendors.js';

/** A string part: a key-pattern part, or the triggering bucket's name / Tencent appid. */
export type Part = KeyPart | { bucket: true } | { appid: true };

export type Val =
  | { t: 'str'; parts: Part[] }
  | { t: 'event'; path: string[] }
  | { t: 'env' }
  /** An SDK module or a name reached from it (`oss2`, `oss2.Bucket`, `boto3.resource('s3')`). */
  | { t: 'sdk'; sdk: string; path: string[] }
  /** An object-storage client; `bucket`/`key` when the client is bound to them. */
  | { t: 'client'; sdk: string; kind: string; bucket?: Val; key?: Val }
  /** A client's write method read as a value (`cos.putObject.bind(cos)`, `util.promisify(s3.putObject)`). */
  | { t: 'method'; client: Extract<Val, { t: 'client' }>; name: string }
  /** A request object that names its bucket and key (aws-sdk v3 commands, oss v2 requests). */
  | { t: 'request'; sdk: string; op: string; props: Map<string, Val> }
  /** `s.split(sep)` / `s.rsplit(sep, max)` kept whole, so an item or a slice of it taken later still means something (`lst = key.split('/')`; `lst[-1]`). */
  | { t: 'split'; of: Val; sep: string; rsplit: boolean; max?: number; from?: number }
  | { t: 'obj'; props: Map<string, Val> }
  | { t: 'list'; items: Val[] }
  /**
   * A local function; `scopes`: the scopes it closes over (absent: the module's); `self`: the
   * instance a method was read from (`obj.method`), bound to its first parameter.
   */
  | { t: 'fn'; node: SyntaxNode; module: unknown; scopes?: Map<string, Val>[]; self?: Val }
  /**
   * A local class (Python, JavaScript), or its instance: one attribute store per class definition,
   * shared by every instance and method (`self.bucket = oss2.Bucket(…)` in `__init__` is what
   * `self.bucket` reads in any method; src/code/classes.ts).
   */
  | { t: 'cls' | 'inst'; node: SyntaxNode; module: unknown; attrs: Map<string, Val> }
  | { t: 'mod'; module: unknown }
  | { t: 'unknown' };

export const UNKNOWN: Val = { t: 'unknown' };

export function lit(s: string): Val {
  return { t: 'str', parts: [{ lit: s }] };
}

export function str(parts: Part[]): Val {
  return { t: 'str', parts: normaliseParts(parts) };
}

function normaliseParts(parts: Part[]): Part[] {
  const out: Part[] = [];
  let run: KeyPart[] = [];
  const flush = () => {
    out.push(...normalise(run));
    run = [];
  };
  for (const p of parts) {
    if ('bucket' in p || 'appid' in p) {
      flush();
      out.push(p);
    } else run.push(p);
  }
  flush();
  return out;
}

/** A value used as a string: strings as they are, event leaves as the bucket/key they name, the rest unknown. */
export function asStr(v: Val): Part[] {
  if (v.t === 'str') return v.parts;
  if (v.t === 'event') {
    const leaf = eventLeaf(v.path);
    if (leaf) return leaf.parts;
  }
  return [{ unknown: true }];
}

export function concat(...vs: Val[]): Val {
  return str(vs.flatMap(asStr));
}

/** The literal text of a value, when it is wholly known. */
export function litOf(v: Val | undefined): string | undefined {
  if (!v) return undefined;
  const ps = asStr(v);
  if (ps.length === 0) return '';
  return ps.length === 1 && 'lit' in ps[0] ? ps[0].lit : undefined;
}

/**
 * A field read from the event, by its path (array indexes left out): the bucket's name, Tencent's
 * appid, or the object key, where the vendor table (src/model/vendors.ts `storageEvent`) says
 * each vendor's event has them — matched by the last two names of the path, whichever vendor.
 * A key written with more than the key (Tencent's "/<appid>/<bucket>/<key>") keeps that start:
 * src/code/leading-segments.ts recognises the handler stripping it.
 */
export function eventLeaf(path: string[]): { t: 'str'; parts: Part[] } | undefined {
  const leaf = EVENT_LEAVES.get(path.slice(-2).join('.'));
  return leaf && { t: 'str', parts: leaf.map(fresh) }; // values are never shared between reads
}

const INPUT: Part = { input: { prefix: true, suffix: true } };

/** A layout of the vendor table (`/<appid>/<bucket>/<key>`, `<bucket>-<appid>`) as parts. */
function layoutParts(layout: string): Part[] {
  return layout
    .split(/(<appid>|<bucket>|<key>)/)
    .filter((x) => x !== '')
    .map((x): Part =>
      x === '<appid>' ? { appid: true } : x === '<bucket>' ? { bucket: true } : x === '<key>' ? INPUT : { lit: x },
    );
}

/** The forms of the triggering bucket's name built from event fields. */
const OWN_BUCKET_FORMS: readonly Part[][] = Object.values(VENDORS).flatMap((v) =>
  (v.storageEvent?.ownBucketForms ?? []).map(layoutParts),
);

function samePart(a: Part, b: Part): boolean {
  if ('lit' in a) return 'lit' in b && a.lit === b.lit;
  return ('bucket' in a && 'bucket' in b) || ('appid' in a && 'appid' in b);
}

/** A copy of a part, its input flags included. */
function fresh(p: Part): Part {
  return 'input' in p ? { input: { ...p.input } } : { ...p };
}

/** The event leaves of every vendor, by their last two names (`bucket.name`, `cosObject.key`): their parts. */
const EVENT_LEAVES: ReadonlyMap<string, readonly Part[]> = (() => {
  const out = new Map<string, readonly Part[]>();
  const tail = (path: string) => path.replace(/\[\]/g, '').split('.').slice(-2).join('.');
  for (const v of Object.values(VENDORS)) {
    const e = v.storageEvent;
    if (!e) continue;
    out.set(tail(e.bucketName), [{ bucket: true }]);
    if (e.appid) out.set(tail(e.appid), [{ appid: true }]);
    out.set(tail(e.objectKey), layoutParts(e.objectKeyLayout ?? '<key>'));
  }
  return out;
})();

/** Read a member or an item of a value (`evt['oss']`, `record.s3`, `obj.Bucket`). */
export function member(v: Val, name: string | undefined): Val {
  if (name === undefined) return v.t === 'event' ? v : UNKNOWN; // event[i]: an array item of the event keeps its path
  switch (v.t) {
    case 'event': {
      const path = [...v.path, name];
      return eventLeaf(path) ?? { t: 'event', path };
    }
    case 'sdk':
      return { t: 'sdk', sdk: v.sdk, path: [...v.path, name] };
    case 'obj':
      return v.props.get(name) ?? UNKNOWN;
    case 'request':
      return v.props.get(name) ?? UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** `key.replace(a, b)`: on the triggering key an edit, on literals the replacement itself. */
export function replaced(v: Val, from: string | undefined, to: string | undefined, all: boolean): Val {
  const ps = asStr(v);
  if (from === undefined || to === undefined) return str([{ unknown: true }]);
  const e: KeyEdit = { from, to, all };
  let done = false;
  const out: Part[] = ps.map((p): Part => {
    if (done && !all) return p;
    if ('lit' in p) {
      if (!p.lit.includes(from)) return p;
      if (!all) done = true;
      return { lit: all ? p.lit.split(from).join(to) : p.lit.replace(from, to) };
    }
    if ('input' in p) {
      // an edit after a cut at the first separator: where the cut falls in the edited key is not known
      const input = { ...p.input, edits: [...(p.input.edits ?? []), e] };
      if (input.dropEnd || input.dropStart) return { unknown: true }; // lengths no longer tell where the cut was
      return { input: p.input.head !== undefined || p.input.lastCut ? { ...input, prefix: false } : input };
    }
    return p;
  });
  return str(out);
}

/** The last path segment (`os.path.basename`, `path.basename`, `split('/')[-1]`, `.pop()`). */
export function basename(v: Val): Val {
  return afterLast(v, '/');
}

/** The text after the last `sep` (`key.split('.')[-1]`, `key[key.rfind('_') + 1:]`, `key.slice(key.lastIndexOf('-') + 1)`). */
export function afterLast(v: Val, sep: string): Val {
  return cutAtLast(v, sep, false);
}

/** The text from the last `sep` on, `sep` included (`key[key.rfind('.'):]`, `key.slice(key.lastIndexOf('.'))`, `path.extname(key)`). */
export function fromLast(v: Val, sep: string): Val {
  return cutAtLast(v, sep, true);
}

/**
 * The end of a string from its last `sep`: literal text after the last literal `sep`, or — when
 * the cut falls inside the triggering key — the end of that key, remembered as a cut (`tail`)
 * so `resolveKey` keeps only what follows the last `sep` of the trigger's suffix.
 */
function cutAtLast(v: Val, sep: string, keep: boolean): Val {
  const ps = asStr(v);
  const out: Part[] = [];
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i];
    if ('lit' in p) {
      const at = p.lit.lastIndexOf(sep);
      if (at >= 0) {
        out.unshift({ lit: p.lit.slice(keep ? at : at + sep.length) });
        return str(out);
      }
      out.unshift(p);
      continue;
    }
    if ('input' in p && !p.input.dropEnd && !p.input.dropStart) {
      out.unshift({ input: { prefix: false, suffix: p.input.suffix, edits: p.input.edits, tail: { sep, keep } } });
      return str(out);
    }
    out.unshift({ unknown: true });
    return str(out);
  }
  return str(out);
}

/** The text before the last `sep` (`key.rsplit('.', 1)[0]`, `key[:key.rfind('.')]`, `key.slice(0, key.lastIndexOf('.'))`): the start is kept. */
export function beforeLast(v: Val, sep: string): Val {
  return cutAtLastSep(v, { sep, mode: 'keep' });
}

/** The folder part (`os.path.dirname`, `path.dirname`): keeps what is known of the start. */
export function dirname(v: Val): Val {
  return cutAtLastSep(v, { sep: '/', mode: 'empty' });
}

/** The value without its extension (`os.path.splitext(k)[0]`): the start is kept, the end is not. */
export function stem(v: Val): Val {
  return cutAtLastSep(v, { sep: '.', mode: 'segment' });
}

/**
 * A value cut before its last separator. Literal text after every other part that holds the
 * separator is cut exactly; otherwise the cut may fall in the input key (its known prefix is cut
 * the same way once the trigger is known: `LastCut`) or in the literal start — then only what the
 * cut surely leaves of that literal start is known.
 */
function cutAtLastSep(v: Val, c: LastCut): Val {
  const s = litOf(v);
  if (s !== undefined) return lit(cutBeforeLast(s, c));
  const ps = asStr(v);
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i];
    if (!('lit' in p)) break;
    const at = p.lit.lastIndexOf(c.sep);
    if (c.mode === 'segment') {
      const slash = p.lit.lastIndexOf('/');
      if (at > slash) return str([...ps.slice(0, i), { lit: p.lit.slice(0, at) }]);
      if (slash >= 0) return v; // the last segment has no "."
      continue;
    }
    if (at >= 0) return str([...ps.slice(0, i), { lit: p.lit.slice(0, at) }]);
  }
  let start = '';
  let k = 0;
  for (; k < ps.length; k++) {
    const p = ps[k];
    if (!('lit' in p)) break;
    start += p.lit;
  }
  const sure = cutBeforeLast(start, c);
  const next = ps[k];
  if (sure !== start || !next || !('input' in next)) return str([{ lit: sure }, { unknown: true }]);
  if (next.input.tail || next.input.dropStart || next.input.lastCut) return str([{ lit: start }, { unknown: true }]);
  const cut: Part = { input: { ...next.input, suffix: false, lastCut: c } };
  // nothing after the key: the cut is in it (or, without a separator, nothing is cut) — it ends the value
  return str(k === ps.length - 1 ? [{ lit: start }, cut] : [{ lit: start }, cut, { unknown: true }]);
}

/** Join path segments with "/" (`os.path.join`, `path.join`, `posixpath.join`). */
export function joinPath(vs: Val[]): Val {
  const out: Part[] = [];
  vs.forEach((v) => {
    const ps = asStr(v).filter((p) => !('lit' in p && p.lit === ''));
    if (ps.length === 0) return; // os.path.join('', x) is x
    if (out.length > 0) {
      const last = out[out.length - 1];
      const first = ps[0];
      const endsSlash = last && 'lit' in last && last.lit.endsWith('/');
      const startsSlash = first && 'lit' in first && first.lit.startsWith('/');
      if (!endsSlash && !startsSlash) out.push({ lit: '/' });
    }
    out.push(...ps);
  });
  return str(out);
}

/** A bucket value: 'own' (the triggering bucket), a known name, or undefined (unknown). */
export function bucketOf(v: Val | undefined): 'own' | string | undefined {
  if (!v) return undefined;
  const ps = asStr(v);
  if (ps.length === 1 && 'bucket' in ps[0]) return 'own';
  // Tencent: `${name}-${appid}` of the triggering bucket (the vendor table's `ownBucketForms`)
  if (OWN_BUCKET_FORMS.some((form) => form.length === ps.length && form.every((f, i) => samePart(f, ps[i]))))
    return 'own';
  return litOf(v);
}

/** A key value as a key pattern (the bucket name or appid inside a key is unknown text). */
export function keyOf(v: Val | undefined): KeyPart[] {
  if (!v) return [{ unknown: true }];
  return normalise(asStr(v).map((p): KeyPart => ('bucket' in p || 'appid' in p ? { unknown: true } : p)));
}

/** The text after the first `n` `sep`-separated fields (`sep.join(v.split(sep)[n:])`): the end of the value survives. */
export function afterFields(v: Val, sep: string, n: number): Val {
  const ps = asStr(v);
  // literal text at the start: cut the fields off it when they all lie there
  const first = ps[0];
  if (first && 'lit' in first) {
    const fields = first.lit.split(sep);
    if (fields.length > n) return str([{ lit: fields.slice(n).join(sep) }, ...ps.slice(1)]);
  }
  const out: Part[] = [{ unknown: true }];
  const last = ps[ps.length - 1];
  if (last && 'input' in last) out.push({ input: { ...last.input, prefix: false } });
  else if (last && 'lit' in last && ps.length > 1)
    out.push({ lit: last.lit.includes(sep) ? last.lit.slice(last.lit.lastIndexOf(sep)) : last.lit });
  return str(out);
}

/** An input-key part that no other edit has touched yet (a cut by length is resolved against the untouched key). */
function plainInput(p: Part | undefined): p is Extract<Part, { input: unknown }> {
  return (
    !!p && 'input' in p && !p.input.edits?.length && !p.input.tail && p.input.head === undefined && !p.input.lastCut
  );
}

/**
 * Without its last `n` characters (`name[:-3]`, `name.slice(0, -3)`): literal text at the end
 * loses them, then the input key (resolved per trigger: what its shortest key keeps); when the
 * cut reaches anything else, nothing is known.
 */
export function dropEnd(v: Val, n: number): Val {
  const out = [...asStr(v)];
  let k = n;
  while (k > 0 && out.length) {
    const last = out[out.length - 1];
    if (!('lit' in last)) break;
    if (last.lit.length > k) {
      out[out.length - 1] = { lit: last.lit.slice(0, last.lit.length - k) };
      k = 0;
    } else {
      k -= last.lit.length;
      out.pop();
    }
  }
  if (k === 0) return str(out);
  const last = out[out.length - 1];
  if (plainInput(last) && !last.input.dropStart)
    return str([...out.slice(0, -1), { input: { ...last.input, dropEnd: (last.input.dropEnd ?? 0) + k } }]);
  return str([{ unknown: true }]);
}

/** Without its first `n` characters (`name[5:]`, `name.slice(5)`): the same from the start; the input key's end survives. */
export function dropFirst(v: Val, n: number): Val {
  const out = [...asStr(v)];
  let k = n;
  while (k > 0 && out.length) {
    const first = out[0];
    if (!('lit' in first)) break;
    if (first.lit.length > k) {
      out[0] = { lit: first.lit.slice(k) };
      k = 0;
    } else {
      k -= first.lit.length;
      out.shift();
    }
  }
  if (k === 0) return str(out);
  const first = out[0];
  if (plainInput(first) && !first.input.dropEnd)
    return str([
      { input: { ...first.input, prefix: false, dropStart: (first.input.dropStart ?? 0) + k } },
      ...out.slice(1),
    ]);
  return str([{ unknown: true }]);
}
