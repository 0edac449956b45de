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

/** A cut before the last `sep`; when there is none: `keep` the text, `empty` it (`dirname`), or `segment`: only a "." in the last "/" segment counts (`stem`). */
export interface LastCut {
  sep: string;
  mode: 'keep' | 'empty' | 'segment';
}

/** Text cut before its last separator, as `LastCut` says. */
export function cutBeforeLast(s: string, c: LastCut): string {
  const at = s.lastIndexOf(c.sep);
  if (c.mode === 'segment') return at > s.lastIndexOf('/') && at > 0 ? s.slice(0, at) : s;
  return at >= 0 ? s.slice(0, at) : c.mode === 'empty' ? '' : s;
}

export type KeyPart =
  | { lit: string }
  | {
      input: {
        prefix: boolean;
        suffix: boolean;
        edits?: KeyEdit[];
        tail?: KeyTail;
        /** The start of the key before its first `head` (`key.split('.')[0]`): a known prefix is cut there. */
        head?: string;
        /** Characters cut off the key's end (`key[:-4]`) and start (`key.slice(5)`); when the key may be shorter, nothing is known. */
        dropEnd?: number;
        dropStart?: number;
        /** The value was cut before its last `sep` (`dirname`, `stem`, `rsplit(sep, 1)[0]`): a known prefix is cut as `cutBeforeLast` cuts text. */
        lastCut?: LastCut;
      };
    }
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

/** A known prefix cut before the first `head` in it (the key ends there: what follows is not known to be part of it). */
function cutHead(
  r: { prefix?: string; suffix?: string },
  head: string | undefined,
  last?: LastCut,
): { prefix?: string; suffix?: string } {
  if (r.prefix === undefined) return r;
  let prefix = r.prefix;
  if (head !== undefined && prefix.includes(head)) prefix = prefix.slice(0, prefix.indexOf(head));
  // the key's last separator may be inside its prefix: the start up to the prefix's own last one is certain
  // (a "." at the prefix's start may not be at the key's start: `stem` would cut there too)
  if (last)
    prefix =
      last.mode === 'segment' && prefix.lastIndexOf('.') > prefix.lastIndexOf('/')
        ? prefix.slice(0, prefix.lastIndexOf('.'))
        : cutBeforeLast(prefix, last);
  return { ...r, prefix };
}

/** The length of the shortest key that starts with `p` and ends with `s` (they may overlap). */
export function minKeyLength(p: string, s: string): number {
  for (let n = Math.max(p.length, s.length); n < p.length + s.length; n++) {
    const at = n - s.length; // a key n long: p at 0, s at `at`; they must agree where they overlap
    let fits = true;
    for (let i = at; i < p.length && fits; i++) fits = p[i] === s[i - at];
    if (fits) return n;
  }
  return p.length + s.length;
}

/** The prefix and suffix left after characters are cut off a key's ends; undefined when the key may be too short to tell. */
function cutEnds(
  r: { prefix?: string; suffix?: string },
  input: { dropEnd?: number; dropStart?: number },
  shortest: number,
): { prefix?: string; suffix?: string } {
  const de = input.dropEnd ?? 0;
  const ds = input.dropStart ?? 0;
  if (!de && !ds) return r;
  const left = shortest - de - ds; // characters the shortest key keeps
  let suffix = r.suffix !== undefined && r.suffix.length >= de ? r.suffix.slice(0, r.suffix.length - de) : undefined;
  if (suffix !== undefined && suffix.length > left) suffix = suffix.slice(suffix.length - left);
  const prefix =
    r.prefix !== undefined && !ds ? r.prefix.slice(0, Math.max(0, Math.min(r.prefix.length, left))) : undefined;
  return { ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}) };
}

/**
 * The end of the key after (or from) its last `sep` is known exactly when the trigger's suffix
 * holds a `sep`: the key's last `sep` is the suffix's (`ext` of `name, ext = key.rsplit('.', 1)`
 * under a ".jpg" filter is "jpg").
 */
function exactTail(p: KeyPart, tSuffix: string | undefined): KeyPart | undefined {
  if (!('input' in p) || !p.input.tail || !p.input.suffix || tSuffix === undefined) return undefined;
  const i = p.input;
  if (i.edits?.length || i.head !== undefined || i.dropEnd || i.dropStart) return undefined;
  if (!tSuffix.includes(i.tail!.sep)) return undefined;
  return { lit: cutSuffix(tSuffix, i.tail)! };
}

/** What a key pattern means when a trigger with this prefix and suffix (undefined: unknown) fired. */
export function resolveKey(parts: KeyPart[], tPrefix: string | undefined, tSuffix: string | undefined): ResolvedKey {
  const ps = normalise(parts.map((p) => exactTail(p, tSuffix) ?? p));
  if (ps.every((p) => 'lit' in p)) {
    const key = ps.map((p) => p.lit).join('');
    return { prefix: key, suffix: key, exact: key };
  }
  // a key cut shorter than it may be long: the cut may reach what is around it, nothing is known
  const shortest = minKeyLength(tPrefix ?? '', tSuffix ?? '');
  if (ps.some((p) => 'input' in p && (p.input.dropEnd ?? 0) + (p.input.dropStart ?? 0) > shortest)) return {};
  const input = (p: KeyPart) =>
    'input' in p
      ? cutHead(
          edit(
            p.input.prefix ? tPrefix : undefined,
            p.input.suffix ? cutSuffix(tSuffix, p.input.tail) : undefined,
            p.input.edits ?? [],
          ),
          p.input.head,
          p.input.lastCut,
        )
      : {};
  const inputCut = (p: KeyPart) => ('input' in p ? cutEnds(input(p), p.input, shortest) : {});
  let prefix = '';
  let prefixKnown = false;
  for (const [i, p] of ps.entries()) {
    if ('lit' in p) {
      prefix += p.lit;
      prefixKnown = true;
      continue;
    }
    const r = inputCut(p);
    if (r.prefix !== undefined) {
      prefix += r.prefix;
      prefixKnown = true;
      // dirname(key) + "/" under a prefix holding "/": the key's last "/" is at or after the
      // prefix's, so the prefix up to and with its last "/" is certain ("images/" stays "images/")
      const c = 'input' in p ? p.input.lastCut : undefined;
      const next = ps[i + 1];
      if (c && c.mode !== 'segment' && next && 'lit' in next && next.lit.startsWith(c.sep)) {
        const whole = inputCut({ input: { ...(p as Extract<KeyPart, { input: unknown }>).input, lastCut: undefined } });
        if (whole.prefix?.includes(c.sep)) prefix += c.sep;
      }
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
    const r = inputCut(p);
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
      const head =
        (p.input.head ? ` before its first ${JSON.stringify(p.input.head)}` : '') +
        (p.input.lastCut ? ` before its last ${JSON.stringify(p.input.lastCut.sep)}` : '') +
        (p.input.dropStart ? ` without its first ${p.input.dropStart} characters` : '') +
        (p.input.dropEnd ? ` without its last ${p.input.dropEnd} characters` : '');
      const what =
        p.input.prefix && p.input.suffix
          ? `the input key${head}`
          : p.input.prefix
            ? `the start of the input key${head}`
            : p.input.suffix
              ? `the end of the input key${tail}${head}`
              : 'part of the input key';
      const edits = (p.input.edits ?? [])
        .map((e) => ` with ${JSON.stringify(e.from)} → ${JSON.stringify(e.to)}${e.all ? '' : ' once'}`)
        .join('');
      return `<${what}${edits}>`;
    })
    .join(' + ');
}
