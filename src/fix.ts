// Applying fixes: text edits on the original bytes, never a re-serialisation of the YAML.
import type { Finding, Fix } from './types.js';

/**
 * Apply the fixes of some findings to a text. Overlapping edits are skipped (the next pass
 * picks them up after a re-lint), so everything outside an applied edit stays byte-for-byte.
 */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: number } {
  const edits: Fix[] = [];
  for (const f of findings) {
    if (!f.fix?.length) continue;
    const sorted = [...f.fix].sort((a, b) => a.start - b.start);
    // a finding's edits go in together or not at all
    if (sorted.some((e) => edits.some((x) => overlaps(x, e)))) continue;
    if (sorted.some((e, i) => i > 0 && overlaps(sorted[i - 1], e))) continue;
    edits.push(...sorted);
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied: edits.length };
}

function overlaps(a: Fix, b: Fix): boolean {
  return a.start < b.end && b.start < a.end || (a.start === b.start && a.end === a.start && b.end === b.start);
}
