// Crash context: an exception thrown inside a rule or a format adapter (its detection or its
// build) is caught where it happened and kept with what was being done — the rule or the format,
// the file, the position — instead of ending the run with a bare message. The run goes on: the
// other files and rules still give their findings, and the CLI prints them, then each crash, and
// exits 2 (an internal error is never "no problem" and never "not this format").
import type { Document } from 'yaml';
import type { Finding, InternalError, Report } from '../types.js';
import type { Rule, RuleContext } from './rule.js';

/** One caught exception, in offsets (the engine turns `start` into line:column). */
export interface Crash {
  /** What threw: `rule "x"`, `format "fc3" (detection)`, `format "fc3"`. */
  in: string;
  path: string;
  /** Offset of the position being checked: the last place the rule reported, else the document's start. */
  start: number;
  message: string;
}

export function crash(where: string, path: string, start: number, e: unknown): Crash {
  const message = e instanceof Error ? e.message : String(e);
  return { in: where, path, start, message: message.split('\n')[0] || '(no message)' };
}

/** Where a document starts in its file (multi-document streams have several). */
export function docStart(doc: Document.Parsed): number {
  return doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
}

/**
 * Run a rule's `check`, catching what it throws: the crash names the rule, the file (`path` for a
 * file-scoped run, else the file of its last report, else the first file it was given) and the
 * position (its last report's start, else 0).
 */
export function checkGuarded(rule: Rule, ctx: RuleContext, path?: string): Crash | undefined {
  let last: Report | undefined;
  const report = (r: Report) => {
    last = r;
    ctx.report(r);
  };
  try {
    rule.check?.({ ...ctx, report });
    return undefined;
  } catch (e) {
    return crash(`rule "${rule.id}"`, path ?? last?.at.file ?? ctx.sources[0]?.path ?? '', last?.at.start ?? 0, e);
  }
}

/**
 * Each internal error as an error finding at its position (rule id `internal-error`), for outputs
 * that have no stderr of their own: the Action's annotations, the language server's diagnostics.
 */
export function internalErrorFindings(errors: readonly InternalError[] = []): Finding[] {
  return errors.map((e) => ({
    ruleId: 'internal-error',
    severity: 'error',
    message: `internal error in ${e.in}: ${e.message} (a bug in trigger-lint, not in this file: please report it)`,
    path: e.path,
    line: e.line,
    column: e.column,
    endLine: e.line,
    endColumn: e.column,
    start: 0,
    end: 0,
  }));
}
