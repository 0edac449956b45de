// The text a regular-expression source matches when it is literal: plain characters and escaped
// punctuation, no operator (`^$.*+?()[]{}|`) and no class escape (`\d`, `\w`, `\b`, `\1` …).
// Shared by regex guards (regex-guard.ts) and regex replacements (regex-replace.ts).

/** The pattern's literal text, or undefined when it has a regex operator or a class escape. */
export function regexLiteral(pattern: string): string | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined || /[A-Za-z0-9]/.test(n)) return undefined;
      out += n;
      i++;
      continue;
    }
    if ('^$.*+?()[]{}|'.includes(c)) return undefined;
    out += c;
  }
  return out;
}
