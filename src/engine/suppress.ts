// Inline suppressions: `# trigger-lint-disable-next-line rule-a, rule-b -- reason` and friends,
// read from YAML comment tokens (src/source/comments.ts), so a "#" inside a quoted string is never
// taken for a directive. The engine drops the findings a directive covers and marks the
// directive used; `unused-disable` and `disable-reason` then judge the directives.
import { readComments } from '../source/comments.js';
import { hclComments, isTerraformPath } from '../formats/terraform/hcl.js';
import { lineCol, type Source } from '../source/source.js';
import type { Finding, Location } from '../types.js';

export const DIRECTIVE_KINDS = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

/** Blanket directives (no rule list) are recorded as used under this id. */
export const ALL_RULES = '*';

export interface DirectiveRule {
  id: string;
  /** Where the id is written in the comment. */
  at: Location;
}

export interface Directive {
  kind: DirectiveKind;
  path: string;
  /** The directive, from "#" to the end of its text (a second comment after "  # " is not part of it). */
  at: Location;
  /** 1-based line of the comment. */
  line: number;
  /** The rules it names; empty means every rule. */
  rules: DirectiveRule[];
  /** The text after " -- ", trimmed; undefined when absent or empty. */
  reason?: string;
  /** Rule ids (or ALL_RULES) whose findings it suppressed; filled in by `applySuppressions`. */
  used: Set<string>;
}

/** A comment that looks like a directive but names no known kind, e.g. `trigger-lint-disable-nextline`. */
export interface MisspelledDirective {
  path: string;
  word: string;
  at: Location;
}

const DIRECTIVE = /^(\s*)trigger-lint-([a-z-]+)(?=\s|$)(.*)$/s;

export function readDirectives(source: Source): { directives: Directive[]; misspelled: MisspelledDirective[] } {
  const directives: Directive[] = [];
  const misspelled: MisspelledDirective[] = [];
  if (!source.text.includes('trigger-lint-')) return { directives, misspelled }; // most files: skip the CST pass
  for (const c of isTerraformPath(source.path) ? hclComments(source.text) : readComments(source.text)) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const [, lead, word, fullRest] = m;
    const bodyStart = c.offset + 1 + lead.length; // after "#" and the spaces
    const kind = (DIRECTIVE_KINDS as readonly string[]).includes(word) ? (word as DirectiveKind) : undefined;
    if (!kind) {
      if (/^(disable|enable)/.test(word)) {
        misspelled.push({
          path: source.path,
          word: `trigger-lint-${word}`,
          at: { file: source.path, start: bodyStart, end: bodyStart + 'trigger-lint-'.length + word.length },
        });
      }
      continue;
    }
    const restStart = bodyStart + 'trigger-lint-'.length + word.length;
    // a directive ends where a second comment starts on its line ("  # …")
    const rest = fullRest.replace(/\s#(?:\s.*)?$/s, '');
    const sep = /(?:^|\s)--(?:\s|$)/.exec(rest);
    const list = sep ? rest.slice(0, sep.index) : rest;
    const reason = sep ? rest.slice(sep.index + sep[0].length).trim() || undefined : undefined;
    const rules: DirectiveRule[] = [];
    for (const idm of list.matchAll(/[^\s,]+/g)) {
      const start = restStart + idm.index;
      rules.push({ id: idm[0], at: { file: source.path, start, end: start + idm[0].length } });
    }
    directives.push({
      kind,
      path: source.path,
      at: { file: source.path, start: c.offset, end: restStart + rest.trimEnd().length },
      line: lineCol(source, c.offset).line,
      rules,
      ...(reason ? { reason } : {}),
      used: new Set(),
    });
  }
  return { directives, misspelled };
}

function names(d: Directive, ruleId: string): string | undefined {
  if (d.rules.length === 0) return ALL_RULES;
  return d.rules.some((r) => r.id === ruleId) ? ruleId : undefined;
}

/**
 * The directive that covers a finding, and under which id it does, or undefined.
 * Line directives and file directives win over blocks (so the most specific one is marked used).
 */
function coveringDirective(f: Finding, ds: Directive[]): [Directive, string] | undefined {
  for (const d of ds) {
    const id = names(d, f.ruleId);
    if (!id) continue;
    if ((d.kind === 'disable-next-line' && f.line === d.line + 1) || (d.kind === 'disable-line' && f.line === d.line))
      return [d, id];
  }
  // blocks: the last disable/enable before the finding that concerns its rule decides
  let open: [Directive, string] | undefined;
  for (const d of ds) {
    if (d.kind !== 'disable' && d.kind !== 'enable') continue;
    if (d.at.start >= f.start) break;
    const id = names(d, f.ruleId);
    if (!id) continue;
    open = d.kind === 'disable' ? [d, id] : undefined;
  }
  if (open) return open;
  for (const d of ds) {
    const id = d.kind === 'disable-file' ? names(d, f.ruleId) : undefined;
    if (id) return [d, id];
  }
  return undefined;
}

/** Drop the findings that a directive covers, marking each directive with what it suppressed. */
export function applySuppressions(findings: Finding[], directives: Directive[]): Finding[] {
  const byPath = new Map<string, Directive[]>();
  for (const d of directives) (byPath.get(d.path) ?? byPath.set(d.path, []).get(d.path)!).push(d);
  for (const list of byPath.values()) list.sort((a, b) => a.at.start - b.at.start);
  return findings.filter((f) => {
    const ds = byPath.get(f.path);
    const hit = ds && coveringDirective(f, ds);
    if (!hit) return true;
    hit[0].used.add(hit[1]);
    return false;
  });
}

/** How a directive's scope reads in a message. */
export function scopeText(kind: DirectiveKind): string {
  switch (kind) {
    case 'disable-next-line':
      return 'on the next line';
    case 'disable-line':
      return 'on this line';
    case 'disable-file':
      return 'in this file';
    default:
      return 'in the block it opens';
  }
}
