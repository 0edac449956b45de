// A check on the triggering key that a write depends on (plain data in the Model, like
// key-pattern.ts): `if key.endswith('.zip')` around the write, `if '_thumb' in key: return` or
// `if (!key.endsWith('.zip')) return` before it. For a trigger, a guard can rule the write out
// (the trigger's own keys never pass it: the branch of another trigger); for the keys the write
// makes, a guard they fail stops the second run — the function re-triggers itself once, not forever.

export interface KeyGuard {
  /** What is checked: the key's start, its end, or text anywhere in it. */
  test: 'prefix' | 'suffix' | 'contains';
  text: string;
  /** The key's case does not count (`key.toLowerCase().endsWith('.jpg')`, `/\.jpg$/i.test(key)`). */
  ignoreCase?: boolean;
  /** The write happens only when the check gives this. */
  expect: boolean;
  /** For messages: `index.py:12 key.endswith('.zip')`. */
  label: string;
  /** 1-based line of the check in its code file. */
  line: number;
}

/** What is known of a key: a prefix, a suffix, or the whole key. */
export interface KeyFacts {
  prefix?: string;
  suffix?: string;
  exact?: string;
}

/** The check's result on such a key: true / false when it is certain, undefined otherwise. */
function check(g: KeyGuard, k: KeyFacts): boolean | undefined {
  if (g.ignoreCase) {
    const low = (x: string | undefined) => x?.toLowerCase();
    return check(
      { ...g, text: g.text.toLowerCase(), ignoreCase: false },
      { prefix: low(k.prefix), suffix: low(k.suffix), exact: low(k.exact) },
    );
  }
  if (k.exact !== undefined)
    return g.test === 'prefix'
      ? k.exact.startsWith(g.text)
      : g.test === 'suffix'
        ? k.exact.endsWith(g.text)
        : k.exact.includes(g.text);
  if (g.test === 'prefix') {
    if (!k.prefix) return undefined;
    if (k.prefix.startsWith(g.text)) return true;
    return g.text.startsWith(k.prefix) ? undefined : false;
  }
  if (g.test === 'suffix') {
    if (!k.suffix) return undefined;
    if (k.suffix.endsWith(g.text)) return true;
    return g.text.endsWith(k.suffix) ? undefined : false;
  }
  return (k.prefix ?? '').includes(g.text) || (k.suffix ?? '').includes(g.text) ? true : undefined;
}

/** Whether a key with these facts gets past the guard: true, false, or undefined (not known). */
export function passes(g: KeyGuard, k: KeyFacts): boolean | undefined {
  const r = check(g, k);
  return r === undefined ? undefined : r === g.expect;
}
