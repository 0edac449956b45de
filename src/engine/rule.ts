// The rule API (docs/architecture.md, "Rules"): what a rule is, what `check` receives (the Model and the Sources)
// and what `postProcess` receives (the findings left after suppression, the directives).
import type { Model } from '../model/model.js';
import type { Source } from '../source/source.js';
import type { Finding, LintOptions, Report, RuleSetting, Severity } from '../types.js';
import type { Directive, MisspelledDirective } from './suppress.js';

export interface RuleContext {
  model: Model;
  sources: Source[];
  options: LintOptions;
  report: (r: Report) => void;
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
   * run-scoped rule must read only the Model and Source text: by then no file has parsed `docs`
   * or `schemaTargets` (each Document is dropped once its file's own work is done).
   */
  scope?: 'file' | 'run';
  /**
   * What the rule reads beyond the Model of the trigger files: 'code' makes the engine read the
   * handler code of functions with a storage trigger (src/code) when the rule is on for their file.
   */
  needs?: readonly 'code'[];
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
  settingFor: (ruleId: string, path: string) => RuleSetting;
  report: (r: Report) => void;
}
