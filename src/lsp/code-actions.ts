// Quick fixes (textDocument/codeAction), modelled on vscode-eslint's server: the fixes recorded
// with the diagnostics of a document version are looked up by the diagnostics the client sends
// back. Each fixable finding offers its own edits (the very edits `--fix` applies); each finding
// offers "disable for this line" — a `# trigger-lint-disable-next-line <rule> -- ` comment above
// it with the line's indentation, offered only where that comment really is a YAML comment (not
// inside a block scalar). `source.fixAll.trigger-lint` (and a quick fix when a file has several
// fixable findings) applies what `--fix` would write.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../../rules/index.js';
import { parseSource } from '../source/source.js';
import { readDirectives } from '../engine/suppress.js';
import type { Finding, Fix } from '../types.js';
import { SOURCE, diagnosticKey } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.trigger-lint`;

/** What the server published for one document version. */
export interface Published {
  uri: string;
  version: number;
  /** The text that was linted (offsets of fixes refer to it). */
  text: string;
  /** Display path of the file in its folder's run. */
  path: string;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

export interface ActionContext {
  /** The client applies versioned `documentChanges`. */
  documentChanges: boolean;
  /** The whole file after every certain fix (what `--fix` writes), or undefined when nothing changes. */
  fixAll: () => string | undefined;
}

const NEVER_SUPPRESSED = new Set(RULES.filter((r) => r.postProcess).map((r) => r.id));

export function codeActions(pub: Published, params: CodeActionParams, ctx: ActionContext): CodeAction[] {
  const doc = TextDocument.create(pub.uri, 'yaml', pub.version, pub.text);
  const only = params.context.only;
  const wants = (kind: string) => !only?.length || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const byKey = new Map(pub.diagnostics.map((d, i) => [diagnosticKey(d), pub.findings[i]]));
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const f = byKey.get(diagnosticKey(d));
      if (!f) continue;
      if (f.fix?.length) {
        actions.push({
          title: fixTitle(f, pub.text),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: workspaceEdit(
            pub,
            ctx,
            f.fix.map((x) => textEdit(doc, x)),
          ),
        });
      }
      const disable = disableEdit(pub, doc, f);
      if (disable)
        actions.push({
          title: `Disable ${f.ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: workspaceEdit(pub, ctx, [disable]),
        });
    }
  }
  const fixable = pub.findings.filter((f) => f.fix?.length).length;
  const quickAll = wants(CodeActionKind.QuickFix) && fixable > 1 && actions.some((a) => a.isPreferred);
  if (fixable > 0 && (quickAll || (only?.length && wants(FIX_ALL_KIND)))) {
    const after = ctx.fixAll();
    if (after !== undefined) {
      const edit = workspaceEdit(pub, ctx, [minimalEdit(doc, pub.text, after)]);
      if (quickAll)
        actions.push({ title: 'Fix all auto-fixable trigger-lint problems', kind: CodeActionKind.QuickFix, edit });
      if (only?.length && wants(FIX_ALL_KIND))
        actions.push({ title: 'Fix all auto-fixable trigger-lint problems', kind: FIX_ALL_KIND, edit });
    }
  }
  return actions;
}

function textEdit(doc: TextDocument, fix: Fix): TextEdit {
  return { range: { start: doc.positionAt(fix.start), end: doc.positionAt(fix.end) }, newText: fix.text };
}

function workspaceEdit(pub: Published, ctx: ActionContext, edits: TextEdit[]): WorkspaceEdit {
  return ctx.documentChanges
    ? { documentChanges: [{ textDocument: { uri: pub.uri, version: pub.version }, edits }] }
    : { changes: { [pub.uri]: edits } };
}

const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 39)}…` : s);

/**
 * "Fix prefix-leading-slash: replace "/incoming/" with "incoming/"": the text of the finding and
 * its edits, before and after, when that fits on one line; else how many edits there are.
 */
export function fixTitle(f: Finding, text: string): string {
  const edits = [...f.fix!].sort((a, b) => a.start - b.start);
  const from = Math.min(f.start, edits[0].start);
  const to = Math.max(f.end, ...edits.map((e) => e.end));
  const before = text.slice(from, to);
  let after = '';
  let at = from;
  for (const e of edits) {
    after += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  after += text.slice(at, to);
  const what =
    /[\r\n]/.test(before + after) || before.length > 60
      ? `${edits.length} edit${edits.length > 1 ? 's' : ''}`
      : !after.trim()
        ? `remove ${show(before)}`
        : `replace ${show(before)} with ${show(after)}`;
  return `Fix ${f.ruleId}: ${what}`;
}

/** `# trigger-lint-disable-next-line <rule> -- ` above the finding's first line, indented like it. */
function disableEdit(pub: Published, doc: TextDocument, f: Finding): TextEdit | undefined {
  if (NEVER_SUPPRESSED.has(f.ruleId)) return undefined;
  const lineStart = doc.offsetAt({ line: f.line - 1, character: 0 });
  const lineEnd = doc.offsetAt({ line: f.line, character: 0 });
  const lineText = pub.text.slice(lineStart, lineEnd);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = pub.text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `${indent}# trigger-lint-disable-next-line ${f.ruleId} -- ${eol}`;
  const after = pub.text.slice(0, lineStart) + comment + pub.text.slice(lineStart);
  // only where the YAML really reads it as a comment naming the rule for the next line
  const { directives } = readDirectives(parseSource(pub.path, after));
  const ok = directives.some(
    (d) => d.kind === 'disable-next-line' && d.line === f.line && d.rules.some((r) => r.id === f.ruleId),
  );
  return ok
    ? {
        range: { start: { line: f.line - 1, character: 0 }, end: { line: f.line - 1, character: 0 } },
        newText: comment,
      }
    : undefined;
}

/** One edit that turns `before` into `after`, covering only the part that differs. */
export function minimalEdit(doc: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}
