// Shared types of the engine: locations, findings, rules, results.
import type { Model } from './model/model.js';
import type { Source } from './source/source.js';
import type { Directive, MisspelledDirective } from './engine/suppress.js';

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
  /**
   * 'file': the rule looks at one file at a time (its Source and its own FileModels), so its
   * findings are computed with the file — on a worker thread, and stored in the cache.
   * 'run' (default): the rule sees the Model of every file of the run (cross-file rules). A
   * run-scoped rule must read only the Model and Source text (cached files have no parsed
   * `docs` and no `schemaTargets`).
   */
  scope?: 'file' | 'run';
  /** Reads the Model (or the Sources) and reports. Every rule has `check` or `postProcess`. */
  check?(ctx: RuleContext): void;
  /**
   * For rules about the run's own findings (e.g. `unused-disable`): called by the engine after
   * every `check` has run and suppressions are applied, with the findings that remain and the
   * suppression directives (each marked with what it suppressed). Its reports are never suppressed.
   */
  postProcess?(ctx: PostContext): void;
}

export interface PostContext {
  sources: Source[];
  options: LintOptions;
  /** Findings that survived suppression. */
  findings: readonly Finding[];
  /** Every `# trigger-lint-…` directive of the linted files. */
  directives: readonly Directive[];
  /** Comments that look like directives but name no known kind (`trigger-lint-disable-nextline`). */
  misspelledDirectives: readonly MisspelledDirective[];
  /** Every registered rule id. */
  ruleIds: ReadonlySet<string>;
  /** The effective setting of a rule for one file (after configuration overrides). */
  settingFor(ruleId: string, path: string): RuleSetting;
  report(r: Report): void;
}

/** Per-file settings from a configuration file (see `LintOptions.forFile`). */
export interface FileSettings {
  /** Complete per-file rule settings; ids missing here fall back to `LintOptions.rules`. */
  rules?: Record<string, RuleSetting>;
  vars?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
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
  /** Parse and build files on worker threads: 'auto' (above a measured file count), a thread count, or 'off'. */
  concurrency?: 'auto' | 'off' | number;
}
