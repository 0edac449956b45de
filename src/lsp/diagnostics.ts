// Findings as LSP diagnostics: the same line and column as every other report (1-based there,
// 0-based here, UTF-16 code units in both), severity error 1 / warning 2 / info 3, the rule id as
// `code` with its docs page as `codeDescription`, and related locations as `relatedInformation`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Finding, RelatedOut, Severity } from '../types.js';
import { helpUri } from '../reporters/sarif.js';

export const SOURCE = 'trigger-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

function range(line: number, column: number, endLine: number, endColumn: number): Range {
  return { start: { line: line - 1, character: column - 1 }, end: { line: endLine - 1, character: endColumn - 1 } };
}

export function findingRange(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return range(f.line, f.column, f.endLine, f.endColumn);
}

/** `root`: the folder report paths are relative to (the workspace folder). */
export function toDiagnostic(f: Finding, root: string): Diagnostic {
  return {
    range: findingRange(f),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: helpUri(f.ruleId) },
    source: SOURCE,
    message: f.message,
    ...(f.related?.length ? { relatedInformation: f.related.map((r) => related(r, root)) } : {}),
  };
}

function related(r: RelatedOut, root: string): NonNullable<Diagnostic['relatedInformation']>[number] {
  return {
    location: {
      uri: pathToFileURL(resolve(root, r.path)).href,
      range: range(r.line, r.column, r.endLine, r.endColumn),
    },
    message: r.message,
  };
}

/** What identifies a diagnostic when the client sends it back (code actions, hover). */
export function diagnosticKey(d: Pick<Diagnostic, 'range' | 'code' | 'message'>): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}|${String(d.code)}|${d.message}`;
}

/** A diagnostic for a run that could not happen (a bad configuration or baseline file): at the top of the file. */
export function runErrorDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `trigger-lint could not lint this folder: ${message}`,
  };
}
