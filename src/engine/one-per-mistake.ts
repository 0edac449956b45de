// One finding per mistake: where two rules describe the same value for the same reason (an HTTP
// trigger's `authType: anonymus` is both an http-trigger and a schema finding), only the more
// specific message is kept. Two findings are the same mistake when they share the file, the exact
// range and the cause — the message up to its first ": " or "; " (`unknown authType "anonymus"`),
// which no rule id enters. The longer message wins (it says more: the vendor's values, the
// remedy); on a tie, the first in rule order. A finding that repeats another of its rule word for
// word at the same place is dropped.
import type { Finding } from '../types.js';

/** The rule-independent cause of a finding: its message up to the first ": " or "; ". */
export function causeOf(message: string): string {
  const m = /[:;] /.exec(message);
  return m ? message.slice(0, m.index) : message;
}

export function mistakeKey(f: Finding): string {
  return `${f.path}\u0000${f.start}\u0000${f.end}\u0000${causeOf(f.message)}`;
}

export function onePerMistake(findings: Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const k = mistakeKey(f);
    const had = best.get(k);
    if (!had || (had.ruleId !== f.ruleId && f.message.length > had.message.length)) best.set(k, f);
  }
  if (best.size === findings.length) return findings;
  // a rule's own findings at one place stay, unless one repeats another word for word (the
  // instances of a Terraform `count` share the text they were written in: one finding there)
  const said = new Set<string>();
  return findings.filter((f) => {
    const kept = best.get(mistakeKey(f))!;
    if (kept !== f && kept.ruleId !== f.ruleId) return false;
    const exact = `${mistakeKey(f)}\u0000${f.ruleId}\u0000${f.message}`;
    if (said.has(exact)) return false;
    said.add(exact);
    return true;
  });
}
