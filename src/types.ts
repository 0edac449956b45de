// Shared plain shapes, imported by every stage and importing nothing: locations, fixes, reports,
// findings, results, options. The rule API (Rule, RuleContext) is in src/engine/rule.ts.

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
  /** A location in a function's handler code (stylish prints its line too). */
  code?: boolean;
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

/** Per-file settings from a configuration file (see `LintOptions.forFile`). */
export interface FileSettings {
  /** Complete per-file rule settings; ids missing here fall back to `LintOptions.rules`. */
  rules?: Record<string, RuleSetting>;
  vars?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  /** `env` holds the process environment (opt-in): nothing of this file is cached. */
  readEnv?: boolean;
  /** `code: false`: do not read the handler code of this file's functions. */
  code?: boolean;
}

export interface RelatedOut {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** In a handler code file. */
  code?: boolean;
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
  /** Findings the baseline hides (absent when no baseline was applied). */
  baselined?: number;
}

export interface Result {
  files: FileResult[];
  summary: Summary;
  /** Named files whose format is not recognised (the CLI turns these into exit 2). */
  unrecognized: string[];
  /** Source text per path, for reporters that print snippets. */
  texts: Map<string, string>;
  /** Exceptions caught in a rule or a format adapter, with what was being checked (exit 2). */
  internalErrors?: InternalError[];
  /** Handler code read in this run (absent when none was). */
  codeStats?: CodeStats;
}

/**
 * Handler-code evaluations kept from one lint to the next, for a caller that lints the same
 * folder again and again (the language server): `{ entries: new Map() }`. An evaluation is reused
 * while the modules it read are unchanged on disk and its imports resolve to the same files.
 */
export interface CodeCache {
  readonly entries: Map<string, unknown>;
}

/** Functions whose handler code was read, and evaluations run: functions giving a handler the same inputs share one. */
export interface CodeStats {
  functions: number;
  evaluations: number;
}

/** A rule or an adapter threw: which one, in which file, at which position (src/engine/crash.ts). */
export interface InternalError {
  in: string;
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface Input {
  path: string;
  text: string;
}

/** How much reading handler code may cost: per function and per run, in evaluation steps and milliseconds. */
export interface CodeBudget {
  functionMs?: number;
  runMs?: number;
  functionSteps?: number;
  runSteps?: number;
}

export interface LintOptions {
  /** Per-rule severity overrides. */
  rules?: Record<string, RuleSetting>;
  /** Working directory for relative paths in reports. */
  cwd?: string;
  /**
   * Environment used by `${env('X')}` and `${env:X}`; defaults to none (each reference resolves
   * to its written default, else unknown). Pass the process environment only on opt-in, with `readEnv`.
   */
  env?: Record<string, string | undefined>;
  /** `env` holds the process environment (`--read-env`): findings show its values as references and nothing is cached. */
  readEnv?: boolean;
  /** The project root (`--root`): no file outside it is read (src/source/containment.ts); default: the nearest `.git` folder above the inputs, else `cwd`. */
  root?: string;
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
  /**
   * Per-file settings (a configuration file's `rules`/`overrides`, `vars`, `env`), keyed by the
   * display path. A rule runs when it is on for at least one file; its findings take the
   * severity set for their own file.
   */
  forFile?: (path: string) => FileSettings | undefined;
  /** Paths (display form) to leave out of the run, e.g. a configuration's `ignore` globs. */
  ignore?: (path: string) => boolean;
  /** Cache file (e.g. `.trigger-lint-cache`): unchanged files reuse their stored Model and file-scoped findings. */
  cache?: string;
  /** Read functions' handler code for `recursive-trigger` (default true; `--no-code` sets false). */
  code?: boolean;
  /** Budgets for reading handler code (defaults in src/code/budget.ts); a function that hits one gets an `incomplete-analysis` info finding. */
  codeBudget?: CodeBudget;
  /** Handler-code evaluations kept across runs (the language server keeps one per folder). */
  codeCache?: CodeCache;
  /** Parse and build files on worker threads: 'auto' (above a measured file count), a thread count, or 'off'. */
  concurrency?: 'auto' | 'off' | number;
}
