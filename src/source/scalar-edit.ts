// Type-safe scalar edits for --fix: an edit that changes a scalar's text is checked by parsing
// the edited document and comparing the edited node with the intended string. Where plain style
// would change its meaning (`/123` → `123` is a number, `/#x` → a comment, `/*a` → an alias,
// `/[a]` → a list, `/` → null), the whole scalar is written quoted instead, in the quoting style
// the document already uses (single quotes unless double quotes are the majority).
import { isScalar, parse, parseAllDocuments, visit, type Node } from 'yaml';
import type { Fix } from '../types.js';

/** The scalar node of `text` that starts at `start` (after parsing), or the node found there. */
function nodeAt(text: string, start: number): { node: Node | null; errors: number; singles: number; doubles: number } {
  let found: Node | null = null;
  let singles = 0;
  let doubles = 0;
  let errors = 0;
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (!('errors' in doc)) continue;
    errors += doc.errors.length;
    visit(doc, (_key, node) => {
      if (isScalar(node)) {
        if (node.type === 'QUOTE_SINGLE') singles++;
        else if (node.type === 'QUOTE_DOUBLE') doubles++;
      }
      const n = node as Node;
      if (!found && n && typeof n === 'object' && 'range' in n && n.range?.[0] === start) found = n;
    });
  }
  return { node: found, errors, singles, doubles };
}

/** Whether the edited document has, at `start`, a string scalar whose value is exactly `intended`. */
function holds(
  edited: string,
  start: number,
  intended: string,
  errorsBefore: number,
): { ok: boolean; singles: number; doubles: number } {
  const { node, errors, singles, doubles } = nodeAt(edited, start);
  const ok =
    errors <= errorsBefore && !!node && isScalar(node) && typeof node.value === 'string' && node.value === intended;
  return { ok, singles, doubles };
}

/**
 * Whether `plain`, written as a plain scalar in any context (block or flow), is read back as exactly
 * that string: no indicator or space at its start, no flow separator, comment or `: ` inside, one
 * line, and YAML 1.2's core schema resolves it to a string (not a number, boolean, null, …).
 */
function plainIsString(plain: string): boolean {
  if (plain === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(plain) || /\s$/.test(plain)) return false;
  if (/[,[\]{}\n\r\t]|: | #|:$/.test(plain)) return false;
  try {
    const value: unknown = parse(`k: ${plain}\n`, { uniqueKeys: false });
    return !!value && typeof value === 'object' && (value as { k?: unknown }).k === plain;
  } catch {
    return false; // not even a scalar on its own: the whole-document check decides
  }
}

/** `value` as a quoted YAML scalar: single quotes (`''` for a quote) or double (JSON escapes are YAML ones). */
export function quoteScalar(value: string, style: 'single' | 'double'): string {
  if (style === 'double' || /[\u0000-\u001f\u007f]/.test(value)) return JSON.stringify(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A fix that turns the scalar at [start, end) of `text` into the string `intended`. `edit` is the
 * minimal edit (e.g. deleting leading slashes); it is used when the edited document holds the
 * intended string there, else the scalar is rewritten quoted; undefined when neither holds.
 */
export function typeSafeEdit(
  text: string,
  scalar: { start: number; end: number },
  intended: string,
  edit: Fix,
): Fix | undefined {
  // Most edits leave a plain scalar that YAML can only read as that string: decided on the scalar
  // alone, without parsing the whole document again (once per finding that was quadratic: a file
  // with 600 fixable prefixes took 100 s). Anything that could be an indicator, a comment, a flow
  // separator or another type goes to the whole-document check below.
  if (edit.start >= scalar.start && edit.end <= scalar.end) {
    const plain = text.slice(scalar.start, edit.start) + edit.text + text.slice(edit.end, scalar.end);
    if (plain === intended && plainIsString(plain)) return edit;
  }
  const apply = (e: Fix) => text.slice(0, e.start) + e.text + text.slice(e.end);
  const errorsBefore = nodeAt(text, scalar.start).errors;
  const first = holds(apply(edit), scalar.start, intended, errorsBefore);
  if (first.ok) return edit;
  const quoted: Fix = {
    start: scalar.start,
    end: scalar.end,
    text: quoteScalar(intended, first.doubles > first.singles ? 'double' : 'single'),
  };
  return holds(apply(quoted), scalar.start, intended, errorsBefore).ok ? quoted : undefined;
}
