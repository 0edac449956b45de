// Hover: on a diagnostic, the rule's one-line description and its docs page; elsewhere in a
// trigger file, the description of the field under the cursor from the format's JSON Schema.
import { MarkupKind, type Hover, type MarkupContent, type Position, type Range } from 'vscode-languageserver';
import { RULES } from '../../rules/index.js';
import { helpUri } from '../reporters/sarif.js';
import type { Published } from './code-actions.js';
import { fieldHelp, type FieldHelp } from './schema-hover.js';

const byId = new Map(RULES.map((r) => [r.id, r]));

function within(p: Position, r: Range): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

export function hover(pub: Published, position: Position, markdown: boolean, format: string | null): Hover | null {
  const parts: string[] = [];
  let range: Range | undefined;
  for (const d of pub.diagnostics) {
    if (!within(position, d.range) || typeof d.code !== 'string') continue;
    const rule = byId.get(d.code);
    if (!rule) continue;
    range ??= d.range;
    const href = helpUri(rule.id);
    parts.push(
      markdown
        ? `**${rule.id}** (${severityName(d.severity)}): ${escape(rule.description)}\n\n[Rule documentation](${href})`
        : `${rule.id} (${severityName(d.severity)}): ${rule.description}\n${href}`,
    );
  }
  if (parts.length)
    return { contents: content(parts.join(markdown ? '\n\n---\n\n' : '\n\n'), markdown), ...(range ? { range } : {}) };
  const help = format ? fieldHelp(format, pub.text, pub.path, position) : undefined;
  return help ? { contents: content(fieldText(help, markdown), markdown), range: help.range } : null;
}

function fieldText(h: FieldHelp, markdown: boolean): string {
  if (!markdown) return [h.key + (h.type ? ` (${h.type})` : ''), h.description].filter(Boolean).join('\n');
  const head = `**${h.key}**${h.type ? ` \`${h.type}\`` : ''}`;
  return [head, h.markdownDescription ?? escape(h.description ?? '')].filter(Boolean).join('\n\n');
}

function content(value: string, markdown: boolean): MarkupContent {
  return { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value };
}

function severityName(s: number | undefined): string {
  return s === 1 ? 'error' : s === 2 ? 'warning' : 'info';
}

function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}
