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

export type KeyPart =
  | { lit: string }
  | { input: { prefix: boolean; suffix: boolean; edits?: KeyEdit[] } }
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
      if (last && 'lit' in last) { out[out.length - 1] = { lit: last.lit + p.lit }; continue; }
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

/** The last index at which an occurrence of `a` that began before `text` could end. */
function partialEnd(text: string, a: string): number {
  for (let j = Math.min(text.length, a.length - 1); j > 0; j--) if (a.endsWith(text.slice(0, j))) return j;
  return 0;
}

/** What a run of edits leaves known of a prefix P and a suffix S of the input key. */
function edit(prefix: string | undefined, suffix: string | undefined, edits: KeyEdit[]): { prefix?: string; suffix?: string } {
  for (const e of edits) {
    if (e.from === '') return {};
    if (prefix !== undefined) {
      const at = prefix.indexOf(e.from);
      if (at >= 0 && !e.all) {
        prefix = prefix.slice(0, at) + e.to + prefix.slice(at + e.from.length);
        continue; // the one occurrence replaced is in the prefix: the suffix is untouched
      }
      const safe = prefix.slice(0, partialStart(prefix, e.from));
      prefix = e.all ? safe.split(e.from).join(e.to) : safe;
    }
    if (suffix !== undefined) {
      if (!e.all) suffix = undefined; // the first occurrence may be anywhere after the prefix
      else suffix = suffix.slice(partialEnd(suffix, e.from)).split(e.from).join(e.to);
    }
  }
  return { prefix, suffix };
}

/** What a key pattern means when a trigger with this prefix and suffix (undefined: unknown) fired. */
export function resolveKey(parts: KeyPart[], tPrefix: string | undefined, tSuffix: string | undefined): ResolvedKey {
  const ps = normalise(parts);
  if (ps.every((p) => 'lit' in p)) {
    const key = ps.map((p) => (p as { lit: string }).lit).join('');
    return { prefix: key, suffix: key, exact: key };
  }
  const input = (p: KeyPart) => ('input' in p ? edit(p.input.prefix ? tPrefix : undefined, p.input.suffix ? tSuffix : undefined, p.input.edits ?? []) : {});
  let prefix = '';
  let prefixKnown = false;
  for (const p of ps) {
    if ('lit' in p) { prefix += p.lit; prefixKnown = true; continue; }
    const r = input(p);
    if (r.prefix !== undefined) { prefix += r.prefix; prefixKnown = true; }
    break;
  }
  let suffix = '';
  let suffixKnown = false;
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i];
    if ('lit' in p) { suffix = p.lit + suffix; suffixKnown = true; continue; }
    const r = input(p);
    if (r.suffix !== undefined) { suffix = r.suffix + suffix; suffixKnown = true; }
    break;
  }
  return { ...(prefixKnown ? { prefix } : {}), ...(suffixKnown && suffix !== '' ? { suffix } : {}) };
}

/** The pattern as text for messages: `"source/thumb-" + <input key name>`. */
export function describeKey(parts: KeyPart[]): string {
  return normalise(parts).map((p) => ('lit' in p ? JSON.stringify(p.lit) : 'input' in p ? (p.input.prefix ? '<the input key>' : '<the input file name>') : '<unknown>')).join(' + ');
}
