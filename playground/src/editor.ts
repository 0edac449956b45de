// The editor pane: CodeMirror 6 with YAML highlighting, the findings as squiggles (with a Fix
// action where the finding has one) and a gutter. The lint source is the page's own linter.
import { EditorView, basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { Finding, Fix } from '../../src/types.js';

/** Apply a finding's text edits (offsets into the text that was linted: the editor's text). */
export function applyFix(view: EditorView, fix: Fix[]): void {
  view.dispatch({ changes: fix.map((f) => ({ from: f.start, to: f.end, insert: f.text })) });
}

export function diagnostics(findings: Finding[], length: number): Diagnostic[] {
  return findings.map((f) => {
    const from = Math.min(f.start, length);
    const to = Math.min(Math.max(f.end, f.start), length);
    return {
      from,
      to,
      severity: f.severity,
      source: f.ruleId,
      message: f.message,
      actions: f.fix ? [{ name: 'Fix', apply: (view: EditorView) => applyFix(view, f.fix!) }] : [],
    };
  });
}

export function createEditor(
  parent: HTMLElement,
  text: string,
  lint: (text: string) => Promise<Diagnostic[]>,
): EditorView {
  return new EditorView({
    parent,
    doc: text,
    extensions: [basicSetup, yaml(), lintGutter(), linter((view) => lint(view.state.doc.toString()), { delay: 250 })],
  });
}
