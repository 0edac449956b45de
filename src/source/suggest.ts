// "Did you mean" suggestions: the closest candidate by edit distance (case-insensitive first).

/** Damerau-style (optimal string alignment) edit distance. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = new Array(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/**
 * The candidate closest to `input`, or undefined when none is close enough to be a plausible
 * typo. A case-insensitive exact match wins outright. `unique` (default true) returns nothing
 * when two candidates tie, so a suggestion is only made when it is unambiguous.
 */
export function didYouMean(
  input: string,
  candidates: Iterable<string>,
  opts: { unique?: boolean } = {},
): string | undefined {
  const unique = opts.unique ?? true;
  const list = [...new Set(candidates)];
  const lower = input.toLowerCase();
  const ci = list.filter((c) => c.toLowerCase() === lower && c !== input);
  if (ci.length === 1) return ci[0];
  const max = Math.max(1, Math.floor(Math.max(input.length, 3) / 3));
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const c of list) {
    if (c === input) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  if (best === undefined || bestD > max) return undefined;
  if (unique && tie) return undefined;
  return best;
}

/** The closest candidate by edit distance, else the one candidate that contains the input ("fc3"). */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const near = didYouMean(input, candidates);
  if (near) return near;
  if (input.length < 2) return undefined;
  const lower = input.toLowerCase();
  const containing = candidates.filter((c) => c.toLowerCase().includes(lower));
  return containing.length === 1 ? containing[0] : undefined;
}
