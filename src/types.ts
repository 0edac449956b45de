// Shared types of the engine: locations, findings, rules, results.
import type { Model } from './model.js';
import type { Source } from './source.js';

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';

/** A span of one file: 0-based offsets into the original text (UTF-16 code units). */
export interface Location {
  file: string;
  start: number;
  end: number;
}

/** A text edit on the original bytes of the finding's file. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

export interface Related {
  at: Location;
  message: string;
}

/** What a rule reports: what and where. The engine adds severity and line/column. */
export interface Report {
  at: Location;
  message: string;
  /** One or more non-overlapping edits in the file of `at`. */
  fix?: Fix | Fix[];
  related?: Related[];
  /** Overrides the rule's configured severity downwards (e.g. an uncertain recursion is a warning). */
  severity?: Severity;
  /** Stable identity of the thing the finding is about (used by the baseline). */
  key?: string;
}

export interface RuleContext {
  model: Model;
  sources: Source[];
  options: LintOptions;
  report(r: Report): void;
}

export interface Rule {
  id: string;
  description: string;
  severity: Severity;
  fixable?: boolean;
  /** Off unless a configuration turns it on (e.g. `extends: strict`). */
  defaultOff?: boolean;
  check(ctx: RuleContext): void;
}

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface RelatedOut {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets, for fixes and snippets. */
  start: number;
  end: number;
  fix?: Fix[];
  related?: RelatedOut[];
  key?: string;
}

export interface FileResult {
  path: string;
  /** Format id, e.g. "serverless-devs-fc3"; null when the file is not a trigger file trigger-lint knows. */
  format: string | null;
  findings: Finding[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Result {
  files: FileResult[];
  summary: Summary;
  /** Named files whose format is not recognised (the CLI turns these into exit 2). */
  unrecognized: string[];
  /** Source text per path, for reporters that print snippets. */
  texts: Map<string, string>;
}

export interface Input {
  path: string;
  text: string;
}

export interface LintOptions {
  /** Per-rule severity overrides. */
  rules?: Record<string, RuleSetting>;
  /** Working directory for relative paths in reports. */
  cwd?: string;
  /** Environment used by `${env('X')}` and `${env:X}`; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Values for `${vars.x}` that override the file's own (team config). */
  vars?: Record<string, unknown>;
  /** Force one format for every input. */
  inputFormat?: string;
  /** Named inputs: an unrecognised named file is reported in `unrecognized`, a scanned one is skipped. */
  named?: Set<string>;
  /** Per-vendor raised per-bucket trigger quotas. */
  limits?: Record<string, number>;
  /** Report only errors. */
  quiet?: boolean;
}
