// YAML comments read from the CST (never with a regex over lines, so a "#" inside a quoted
// string is never mistaken for a comment).
import { Parser } from 'yaml';

export interface Comment {
  /** Offset of the "#". */
  offset: number;
  /** Text after "#", untrimmed. */
  text: string;
  /** True when the comment follows code on the same line. */
  trailing: boolean;
}

export function readComments(text: string): Comment[] {
  const out: Comment[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [];
  try {
    for (const tok of new Parser().parse(text)) stack.push(tok);
  } catch {
    return out;
  }
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object' || seen.has(t)) continue;
    seen.add(t);
    const tok = t as Record<string, unknown>;
    if (tok.type === 'comment' && typeof tok.source === 'string' && typeof tok.offset === 'number') {
      const offset = tok.offset;
      let i = offset - 1;
      while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
      out.push({ offset, text: tok.source.slice(1), trailing: i >= 0 && text[i] !== '\n' && text[i] !== '\r' });
      continue;
    }
    for (const v of Object.values(tok)) if (v && typeof v === 'object') stack.push(v);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
