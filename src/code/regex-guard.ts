// A regular expression tested against the triggering key, as the guard it amounts to: JavaScript
// `/^thumbs\//.test(key)`, `key.match(/\.png$/)`, `key.search(/_thumb/) …`; Python `re.match`,
// `re.search`. Only a pattern that is literal text (escaped characters allowed), anchored at the
// start (`^`, `\A`, or Python's `re.match`), at the end (`$`, `\Z`) or not at all, without flags
// that change what it matches (`m`, `y`, `x` …; `i` makes a guard that ignores case): the start,
// end or text it checks is that text.
import { regexLiteral } from './regex-literal.js';
import type { KeyGuard } from '../model/key-guard.js';

/** The guard test and text of a regex, or undefined when it is not one of the shapes above. */
export function regexGuard(
  pattern: string,
  flags: string,
  anchoredStart = false,
): { test: KeyGuard['test']; text: string; ignoreCase: boolean } | undefined {
  if (/[^gsdui]/.test(flags)) return undefined; // m, y, v, x… change what matches
  let p = pattern;
  let start = anchoredStart;
  if (p.startsWith('^') || p.startsWith('\\A')) {
    start = true;
    p = p.slice(p.startsWith('^') ? 1 : 2);
  }
  let end = false;
  if (/(^|[^\\])(\\\\)*\$$/.test(p)) {
    end = true;
    p = p.slice(0, -1);
  } else if (/(^|[^\\])(\\\\)*\\[Zz]$/.test(p)) {
    end = true;
    p = p.slice(0, -2);
  }
  const text = regexLiteral(p);
  if (text === undefined || text === '' || (start && end)) return undefined;
  return { test: start ? 'prefix' : end ? 'suffix' : 'contains', text, ignoreCase: flags.includes('i') };
}
