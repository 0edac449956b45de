// A regular-expression replacement (`key.replace(/\.jpg$/i, '.png')`, `re.sub(r'^in/', 'out/', key)`)
// as a transfer function: what it keeps of the value and what it puts in. Anchored at the end,
// the start survives and the value ends in the replacement's literal end; anchored at the start,
// the end survives and the value starts with the replacement's literal start; a pattern of
// literal characters only is a plain string replacement; anything else leaves unknown text.
import { regexLiteral } from './regex-literal.js';
import { asStr, replaced, str, type Part, type Val } from './values.js';

/** The replacement's literal text before its first group reference, and after its last one (`$1`, `\1`, `\g<1>`, `$&`). */
function replacementEnds(repl: string, python: boolean): { head: string; tail: string; groups: boolean } {
  const ref = python ? /\\(?:\d+|g<\w+>)/g : /\$(?:\d+|&|<\w+>)/g;
  const parts = repl.split(ref);
  const unescape = (s: string) => (python ? s.replace(/\\(.)/g, '$1') : s.replace(/\$\$/g, '$'));
  return { head: unescape(parts[0]), tail: unescape(parts[parts.length - 1]), groups: parts.length > 1 };
}

export function regexReplace(v: Val, pattern: string, flags: string, repl: string | undefined, python: boolean): Val {
  const ps = asStr(v);
  if (repl === undefined) return str([{ unknown: true }]);
  const r = replacementEnds(repl, python);
  const global = python ? !flags.includes('count=1') : flags.includes('g');
  const lit = regexLiteral(pattern);
  if (lit !== undefined && !r.groups && !(flags.includes('i') && /[A-Za-z]/.test(lit)))
    return replaced(v, lit, r.head, global);
  if (pattern.endsWith('$') && !pattern.endsWith('\\$') && !pattern.startsWith('^')) {
    // the end replaced: what is known of the start survives, then the replacement's literal end
    const out: Part[] = [];
    for (const p of ps) {
      if ('lit' in p) {
        out.push(p);
        continue;
      }
      if ('input' in p) out.push({ input: { ...p.input, suffix: false, tail: undefined } });
      break;
    }
    // a literal start may itself be cut by the match: keep it only when the value has more after it
    if (ps.length === 1 && 'lit' in ps[0]) return str([{ unknown: true }, { lit: r.tail }]);
    return str([...out, { unknown: true }, { lit: r.tail }]);
  }
  if (pattern.startsWith('^') && !pattern.endsWith('$')) {
    // the start replaced: the replacement's literal start, then what is known of the end
    const out: Part[] = [];
    for (let i = ps.length - 1; i >= 0; i--) {
      const p = ps[i];
      if ('lit' in p) {
        out.unshift(p);
        continue;
      }
      if ('input' in p) out.unshift({ input: { ...p.input, prefix: false, head: undefined } });
      break;
    }
    if (ps.length === 1 && 'lit' in ps[0]) return str([{ lit: r.head }, { unknown: true }]);
    return str([{ lit: r.head }, { unknown: true }, ...out]);
  }
  return str([{ unknown: true }]);
}
