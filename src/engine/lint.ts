// The engine: read → parse (Source) → detect format → build the Model → run the enabled
// rules (a disabled rule never runs) → severities → sorted findings. The rules are passed in (the
// engine imports no rule; src/workflow/lint.ts binds the registered list): a rule that reads
// handler code says so with `needs: ['code']`.
import { decode, parseSource, lineCol, type Source } from '../source/source.js';
import type { FileResult, Finding, Input, LintOptions, Report, Result, Severity } from '../types.js';
import type { Rule } from './rule.js';
import { codeFunctions, readHandlerCode, type CodeJob } from '../code/stage.js';
import { onePerMistake } from './one-per-mistake.js';
import { projectRoot } from '../source/containment.js';
import { loadParsers, parsersLoaded } from '../code/parser.js';
import { entrySource, expandPaths, readBytes, displayPath, MAX_FILE_BYTES } from './files.js';
import { UsageError } from '../source/errors.js';
import { didYouMean } from '../source/suggest.js';
import { lightSource, prepare } from './workers.js';
import { buildModel, fileRuleSetting, ruleSetting, type Loaded, type Prebuilt } from './build.js';
import { applySuppressions, readDirectives, type Directive, type MisspelledDirective } from './suppress.js';
import type { Model } from '../model/model.js';
import { addTerraform, loadTerraformIfNeeded } from './terraform.js';
import { checkGuarded, crash, type Crash } from './crash.js';

/** lint()'s options: LintOptions, and a hook for the callers that draw the run (`trigger-lint graph`, the Action's summary, the playground). */
export interface RunOptions extends LintOptions {
  /** Called with the run's merged Model before the rules run. */
  onModel?: (model: Model) => void;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Read paths (files, directories) and inline inputs into Sources. */
/** A file too large to lint: a `syntax` finding at its start instead of its contents. */
export function tooLarge(path: string, size: number): Source {
  const mb = (size / 2 ** 20).toFixed(0);
  return parseSource(path, '', [
    {
      start: 0,
      end: 0,
      message: `file is ${mb} MB, more than the ${MAX_FILE_BYTES / 2 ** 20} MB trigger-lint reads: a trigger file is kilobytes; check that this is the file you meant, or split it`,
    },
  ]);
}

export function readInputs(
  inputs: (string | Input)[],
  options: LintOptions = {},
  parse: typeof parseSource = lightSource,
): { sources: Source[]; named: Set<string> } {
  const cwd = options.cwd ?? process.cwd();
  const sources: Source[] = [];
  const named = new Set<string>(options.named ?? []);
  const paths = inputs.filter((i): i is string => typeof i === 'string');
  for (const i of inputs) {
    if (typeof i === 'string') continue;
    const p = displayPath(cwd, i.path);
    if (options.ignore?.(p)) continue;
    named.add(p);
    sources.push(i.text.length > MAX_FILE_BYTES ? tooLarge(p, i.text.length) : parse(p, i.text));
  }
  for (const entry of expandPaths(paths, cwd, undefined, options.root)) {
    if (options.ignore?.(entry.display)) continue;
    const bytes = readBytes(entry);
    if (entry.named) named.add(entry.display);
    if (!(bytes instanceof Uint8Array)) {
      sources.push(tooLarge(entry.display, bytes.tooLarge));
      continue;
    }
    const { text, error } = decode(bytes);
    sources.push(entrySource(entry, text, error ? [error] : [], parse));
  }
  return { sources, named };
}

/** Public: the Model of some inputs (used by `event sample --from`). */
export async function loadModel(inputs: (string | Input)[], options: LintOptions = {}): Promise<Loaded> {
  const { sources, named } = readInputs(inputs, options, parseSource);
  await loadTerraformIfNeeded(sources);
  const prebuilt: Prebuilt = { models: new Map(), reports: new Map(), crashes: [] };
  addTerraform(sources, options, prebuilt, []); // the Model only: no rule runs
  return buildModel(sources, options, named, prebuilt.models.size ? prebuilt.models : undefined);
}

export async function lint(
  rules: readonly Rule[],
  inputs: (string | Input)[],
  options: RunOptions = {},
): Promise<Result> {
  const { sources, named } = readInputs(inputs, options);
  return lintSourcesAsync(rules, sources, options, named);
}

/** The run's project root: `options.root`, else found from the linted files (src/source/containment.ts). */
function rootOf(sources: Source[], options: RunOptions): string {
  const cwd = options.cwd ?? process.cwd();
  return (
    options.root ??
    (options.root = projectRoot(
      sources.map((s) => s.path),
      cwd,
    ))
  );
}

/** A run between building the Model and running the rules (where handler code is read). */
interface Run {
  rules: readonly Rule[];
  sources: Source[];
  options: RunOptions;
  named: Set<string>;
  prebuilt?: Prebuilt;
  loaded: Loaded;
  /** Functions whose handler code is to be read (src/code/stage.ts). */
  code: CodeJob[];
}

function startRun(
  rules: readonly Rule[],
  sources: Source[],
  options: RunOptions,
  named: Set<string>,
  prebuilt?: Prebuilt,
): Run {
  for (const id of Object.keys(options.rules ?? {})) {
    if (!rules.some((r) => r.id === id)) {
      const guess = didYouMean(
        id,
        rules.map((r) => r.id),
      );
      throw new UsageError(
        `unknown rule "${id}"; ${guess ? `did you mean "${guess}"?` : 'run --list-rules to see them'}`,
      );
    }
  }
  if (!prebuilt) {
    // per-file work: cache, worker threads or this thread; then the Terraform modules
    prebuilt = prepare(sources, options, named, rules);
    addTerraform(sources, options, prebuilt, rules);
  }
  const loaded = buildModel(sources, options, named, prebuilt?.models);
  options.onModel?.(loaded.model);
  const readers = rules.filter((r) => r.needs?.includes('code'));
  const code =
    options.code === false || !readers.length || !loaded.model.storageTriggers.length
      ? []
      : codeFunctions(
          loaded.model,
          (file) =>
            options.forFile?.(file)?.code !== false && readers.some((r) => fileRuleSetting(r, options, file) !== 'off'),
          options.cwd ?? process.cwd(),
          rootOf(sources, options),
        );
  return { rules, sources, options, named, prebuilt, loaded, code };
}

/**
 * Lint parsed sources. Handler code is read only once the parser runtime is loaded (`lint`,
 * `lintSourcesAsync` and the CLI load it when a function with a storage trigger has code).
 */
export function lintSources(
  rules: readonly Rule[],
  sources: Source[],
  options: RunOptions = {},
  named = new Set<string>(),
  prebuilt?: Prebuilt,
): Result {
  return finishRun(startRun(rules, sources, options, named, prebuilt));
}

/** `lintSources`, loading the handler-code parser first when the run has code to read. */
export async function lintSourcesAsync(
  rules: readonly Rule[],
  sources: Source[],
  options: RunOptions = {},
  named = new Set<string>(),
  prebuilt?: Prebuilt,
): Promise<Result> {
  await loadTerraformIfNeeded(sources);
  const run = startRun(rules, sources, options, named, prebuilt);
  if (run.code.length) await loadParsers();
  return finishRun(run);
}

function finishRun(run: Run): Result {
  const { rules, sources, options, named, prebuilt, loaded } = run;
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const codeStats = { functions: 0, evaluations: 0 };
  const codeTexts =
    run.code.length && parsersLoaded()
      ? readHandlerCode(
          run.code,
          {
            cwd: options.cwd ?? process.cwd(),
            root: rootOf(sources, options),
            budget: options.codeBudget,
            ...(options.codeCache ? { cache: options.codeCache } : {}),
          },
          codeStats,
        )
      : new Map<string, string>();
  const codeFiles = new Map<string, Source>();
  for (const [path, text] of codeTexts) if (!byPath.has(path)) codeFiles.set(path, lightSource(path, text));
  let findings: Finding[] = [];
  const crashes: Crash[] = [...(prebuilt?.crashes ?? []), ...loaded.crashes];
  const unrecognized = loaded.unrecognized.filter((p) => !crashes.some((c) => c.path === p)); // a crash is not "not a trigger file"
  const linted = sources.filter((s) => loaded.formats.get(s.path) !== null || named.has(s.path));
  const reporter = (rule: Rule, into: Finding[]) => (r: Report) => {
    const setting = fileRuleSetting(rule, options, r.at.file);
    if (setting === 'off') return;
    const f = toFinding(rule, setting, r, byPath, codeFiles);
    if (f) into.push(f);
  };
  // a rule runs when it is on for at least one file; each finding takes its file's severity
  const isOn = (rule: Rule) =>
    ruleSetting(rule, options) !== 'off' ||
    (!!options.forFile && linted.some((s) => fileRuleSetting(rule, options, s.path) !== 'off'));
  for (const rule of rules) {
    if (!rule.check || !isOn(rule)) continue;
    if (prebuilt && rule.scope === 'file') {
      // computed with each file (worker or cache)
      for (const r of prebuilt.reports.get(rule.id) ?? []) reporter(rule, findings)(r);
      continue;
    }
    const failed = checkGuarded(rule, {
      model: loaded.model,
      sources: linted,
      options,
      report: reporter(rule, findings),
    });
    if (failed) crashes.push(failed);
  }
  const directives: Directive[] = [];
  const misspelledDirectives: MisspelledDirective[] = [];
  for (const s of linted) {
    const d = readDirectives(s);
    directives.push(...d.directives);
    misspelledDirectives.push(...d.misspelled);
  }
  findings = onePerMistake(applySuppressions(findings, directives));
  const post: Finding[] = [];
  const ruleIds = new Set(rules.map((r) => r.id));
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of rules) {
    if (!rule.postProcess || !isOn(rule)) continue;
    try {
      rule.postProcess({
        sources: linted,
        options,
        findings,
        directives,
        misspelledDirectives,
        ruleIds,
        settingFor: (id, path) => (byId.has(id) ? fileRuleSetting(byId.get(id)!, options, path) : 'off'),
        report: reporter(rule, post),
      });
    } catch (e) {
      crashes.push(crash(`rule "${rule.id}"`, linted[0]?.path ?? '', 0, e));
    }
  }
  findings.push(...post);
  const kept = options.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  kept.sort(compareFindings);
  const files: FileResult[] = [];
  const per = new Map<string, Finding[]>();
  for (const f of kept) (per.get(f.path) ?? per.set(f.path, []).get(f.path)!).push(f);
  for (const s of sources) {
    const fmt = loaded.formats.get(s.path) ?? null;
    if (fmt === null && !named.has(s.path) && !per.get(s.path)?.length) continue;
    if (unrecognized.includes(s.path)) continue;
    files.push({ path: s.path, format: fmt, findings: per.get(s.path) ?? [] });
  }
  const summary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of kept) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  for (const [p, s] of codeFiles) texts.set(p, s.text);
  const internalErrors = crashes.map((c) => {
    const src = byPath.get(c.path);
    const at = src ? lineCol(src, c.start) : { line: 1, column: 1 };
    return { in: c.in, path: c.path, line: at.line, column: at.column, message: c.message };
  });
  return {
    files,
    summary,
    unrecognized,
    texts,
    ...(internalErrors.length ? { internalErrors } : {}),
    ...(codeStats.functions ? { codeStats } : {}),
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.path < b.path
    ? -1
    : a.path > b.path
      ? 1
      : a.line - b.line ||
        a.column - b.column ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

function toFinding(
  rule: Rule,
  setting: Severity,
  r: Report,
  byPath: Map<string, Source>,
  codeFiles: Map<string, Source>,
): Finding | undefined {
  const src = byPath.get(r.at.file);
  if (!src) return undefined;
  let severity: Severity = setting;
  if (r.severity && SEVERITY_RANK[r.severity] < SEVERITY_RANK[severity]) severity = r.severity;
  const s = lineCol(src, r.at.start);
  const e = lineCol(src, Math.max(r.at.end, r.at.start));
  const fixes = r.fix ? (Array.isArray(r.fix) ? r.fix : [r.fix]) : undefined;
  return {
    ruleId: rule.id,
    severity,
    message: r.message,
    path: r.at.file,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    start: r.at.start,
    end: r.at.end,
    ...(fixes ? { fix: fixes } : {}),
    ...(r.related?.length
      ? {
          related: r.related
            .filter((x) => byPath.has(x.at.file) || codeFiles.has(x.at.file))
            .map((x) => {
              const rs = byPath.get(x.at.file) ?? codeFiles.get(x.at.file)!;
              const a = lineCol(rs, x.at.start);
              const b = lineCol(rs, x.at.end);
              return {
                path: x.at.file,
                line: a.line,
                column: a.column,
                endLine: b.line,
                endColumn: b.column,
                message: x.message,
                ...(x.code ? { code: true } : {}),
              };
            }),
        }
      : {}),
    ...(r.key ? { key: r.key } : {}),
  };
}

export { buildModel, type Loaded, type Prebuilt } from './build.js';
