// A key a handler writes, as a pattern (plain data in the Model): literal text, the key of the
// object that triggered the function, or unknown text. The triggering key starts with the
// trigger's prefix and ends with its suffix; what a handler does to it (take its last path
// segment, replace "source/" with "processed/") keeps some of that. `resolveKey` turns a pattern
// into what it means for one trigger: a known prefix, a known suffix, or the exact key.
export interface KeyEdit {
  from: string;
  to: string;
  /** Python's str.replace replaces every occurrence; JavaScript's replace with a string the first. */
  all: boolean;
}

/** The end of the key from its last `sep` (`keep`: `sep` included, as `key[key.rfind('.'):]`; else after it, as a basename). */
export interface KeyTail {
  sep: string;
  keep: boolean;
}

/** A known suffix cut at its last `sep`; a suffix without `sep` is all inside the cut end (when the key has a `sep` before it). */
function cutSuffix(suffix: string | undefined, tail: KeyTail | undefined): string | undefined {
  if (suffix === undefined || !tail) return suffix;
  const at = suffix.lastIndexOf(tail.sep);
  return at < 0 ? suffix : suffix.slice(tail.keep ? at : at + tail.sep.length);
}

export type KeyPart =
  | { lit: string }
  | { input: { prefix: boolean; suffix: boolean; edits?: KeyEdit[]; tail?: KeyTail } }
  | { unknown: true };

export interface ResolvedKey {
  /** The written keys start with this (undefined: nothing known). */
  prefix?: string;
  /** The written keys end with this (undefined: nothing known). */
  suffix?: string;
  /** Every part is literal: the key itself. */
  exact?: string;
}

/** Merge adjacent literals and drop empty ones. */
export function normalise(parts: KeyPart[]): KeyPart[] {
  const out: KeyPart[] = [];
  for (const p of parts) {
    if ('lit' in p) {
      if (p.lit === '') continue;
      const last = out[out.length - 1];
      if (last && 'lit' in last) {
        out[out.length - 1] = { lit: last.lit + p.lit };
        continue;
      }
    }
    if ('unknown' in p && out.length && 'unknown' in out[out.length - 1]) continue;
    out.push(p);
  }
  return out;
}

/** The first index at which `text` could start an occurrence of `a` that runs past its end. */
function partialStart(text: string, a: string): number {
  for (let j = Math.max(0, text.length - a.length + 1); j < text.length; j++) if (a.startsWith(text.slice(j))) return j;
  return text.length;
}

/** Python's replace over a known prefix: every occurrence found scanning from the start, and the tail an occurrence running past it could touch cut off. */
function replaceAllInPrefix(prefix: string, a: string, b: string): string {
  let out = '';
  let i = 0;
  for (let at = prefix.indexOf(a); at >= 0; at = prefix.indexOf(a, i)) {
    out += prefix.slice(i, at) + b;
    i = at + a.length;
  }
  const rest = prefix.slice(i);
  return out + rest.slice(0, partialStart(rest, a));
}

/** The end of a known suffix no occurrence of `a` can cover (the alignment of the scan is not known there). */
function untouchedSuffix(suffix: string, a: string): string {
  let covered = -1;
  for (let p = -(a.length - 1); p + a.length <= suffix.length; p++) {
    const known = suffix.slice(Math.max(0, p), p + a.length);
    const matches = p >= 0 ? known === a : a.endsWith(known);
    if (matches) covered = p + a.length - 1;
  }
  return suffix.slice(covered + 1);
}

/** What a run of edits leaves known of a prefix P and a suffix S of the input key. */
function edit(
  prefix: string | undefined,
  suffix: string | undefined,
  edits: KeyEdit[],
): { prefix?: string; suffix?: string } {
  for (const e of edits) {
    if (e.from === '') return {};
    if (prefix !== undefined) {
      const at = prefix.indexOf(e.from);
      if (at >= 0 && !e.all) {
        prefix = prefix.slice(0, at) + e.to + prefix.slice(at + e.from.length);
        continue; // the one occurrence replaced is in the prefix: the suffix is untouched
      }
      prefix = e.all ? replaceAllInPrefix(prefix, e.from, e.to) : prefix.slice(0, partialStart(prefix, e.from));
    }
    if (suffix !== undefined) {
      if (!e.all)
        suffix = undefined; // the first occurrence may be anywhere after the prefix
      else suffix = untouchedSuffix(suffix, e.from);
    }
  }
  return { prefix, suffix };
}

/** What a key pattern means when a trigger with this prefix and suffix (undefined: unknown) fired. */
export function resolveKey(parts: KeyPart[], tPrefix: string | undefined, tSuffix: string | undefined): ResolvedKey {
  const ps = normalise(parts);
  if (ps.every((p) => 'lit' in p)) {
    const key = ps.map((p) => p.lit).join('');
    return { prefix: key, suffix: key, exact: key };
  }
  const input = (p: KeyPart) =>
    'input' in p
      ? edit(
          p.input.prefix ? tPrefix : undefined,
          p.input.suffix ? cutSuffix(tSuffix, p.input.tail) : undefined,
          p.input.edits ?? [],
        )
      : {};
  let prefix = '';
  let prefixKnown = false;
  for (const p of ps) {
    if ('lit' in p) {
      prefix += p.lit;
      prefixKnown = true;
      continue;
    }
    const r = input(p);
    if (r.prefix !== undefined) {
      prefix += r.prefix;
      prefixKnown = true;
    }
    break;
  }
  let suffix = '';
  let suffixKnown = false;
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i];
    if ('lit' in p) {
      suffix = p.lit + suffix;
      suffixKnown = true;
      continue;
    }
    const r = input(p);
    if (r.suffix !== undefined) {
      suffix = r.suffix + suffix;
      suffixKnown = true;
    }
    break;
  }
  return { ...(prefixKnown ? { prefix } : {}), ...(suffixKnown && suffix !== '' ? { suffix } : {}) };
}

/** The pattern as text for messages: `"source/thumb-" + <input key name>`. */
export function describeKey(parts: KeyPart[]): string {
  return normalise(parts)
    .map((p) => {
      if ('lit' in p) return JSON.stringify(p.lit);
      if (!('input' in p)) return '<unknown>';
      const tail = p.input.tail
        ? ` ${p.input.tail.keep ? 'from' : 'after'} its last ${JSON.stringify(p.input.tail.sep)}`
        : '';
      const what =
        p.input.prefix && p.input.suffix
          ? 'the input key'
          : p.input.prefix
            ? 'the start of the input key'
            : p.input.suffix
              ? `the end of the input key${tail}`
              : 'part of the input key';
      const edits = (p.input.edits ?? [])
        .map((e) => ` with ${JSON.stringify(e.from)} → ${JSON.stringify(e.to)}${e.all ? '' : ' once'}`)
        .join('');
      return `<${what}${edits}>`;
    })
    .join(' + ');
}
