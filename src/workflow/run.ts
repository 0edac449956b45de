// The team-workflow layer between the CLI and the engine: configuration files (per linted
// file), `ignore`, --fix / --fix-dry-run, and the baseline. The CLI calls `runWorkflow`
// instead of `lint`; `printConfig` serves --print-config.
import { resolve } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { stringify } from 'yaml';
import { readInputs, type RunOptions } from '../engine/lint.js';
import { lintSources, lintSourcesAsync } from './lint.js';
import { decode, type Source } from '../source/source.js';
import { fixDiff, fixSources, writeFileAtomic } from './fix.js';
import { UsageError } from '../source/errors.js';
import { RULES } from '../../rules/index.js';
import { closest } from '../source/suggest.js';
import { displayPath } from '../engine/files.js';
import {
  applyBaseline,
  DEFAULT_BASELINE,
  summarize,
  entryPath,
  mergeBaseline,
  readBaseline,
  writeBaseline,
  type Baseline,
} from './baseline.js';
import type { CodeBudget, Input, LintOptions, Result, RuleSetting } from '../types.js';
import { ConfigResolver } from './config/resolve.js';
import { projectRoot, refusal, refusedError } from '../source/containment.js';
import { redactEnvironment } from './env-redact.js';

export interface WorkflowFlags {
  /** `--config <file>`, or false for `--no-config`. */
  config?: string | false;
  requireReason?: boolean;
  /** `--baseline <file>`, or false for `--no-baseline`. */
  baseline?: string | false;
  baselineWrite?: boolean;
  baselinePrune?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  /** `--read-env` (true), never (false: the Action without its input, the language server), or each configuration's `readEnv` (undefined). */
  readEnv?: boolean;
  /** `--root <dir>`: the project root (default: the nearest `.git` folder above the inputs, else the working directory). */
  root?: string;
}

export interface WorkflowIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface WorkflowResult extends Result {
  /** Files left out by a configuration's `ignore`. */
  ignored: string[];
}

function cliRules(options: LintOptions, flags: WorkflowFlags): Record<string, RuleSetting> {
  const rules = { ...(options.rules ?? {}) };
  if (flags.requireReason && !rules['disable-reason']) rules['disable-reason'] = 'error';
  return rules;
}

/** The options of a run with configuration files: per-file settings, `ignore`, and the files it left out. */
export interface WorkflowSetup {
  options: RunOptions;
  configs: ConfigResolver;
  /** Display paths that a configuration's `ignore` left out (filled in as files are read). */
  ignored: string[];
}

/** Resolve configuration the way the CLI does; the language server shares it (src/lsp/). */
export function setupWorkflow(
  base: RunOptions,
  flags: WorkflowFlags,
  io: Pick<WorkflowIo, 'cwd' | 'env'>,
): WorkflowSetup {
  const cwd = io.cwd;
  const rules = cliRules(base, flags);
  const configs = new ConfigResolver(
    cwd,
    { config: flags.config, rules, requireReason: flags.requireReason, readEnv: flags.readEnv, root: base.root },
    io.env,
  );
  const abs = (p: string) => resolve(cwd, p);
  const ignored: string[] = [];
  const options: RunOptions = {
    ...base,
    cwd,
    rules,
    // the process environment only on opt-in (docs/security.md); a file with a configuration gets its env from it
    env: flags.readEnv ? io.env : {},
    ...(flags.readEnv ? { readEnv: true } : {}),
    forFile: (p) => configs.settings(abs(p)),
    ignore: (p) => {
      if (!configs.resolve(abs(p)).ignored) return false;
      ignored.push(p);
      return true;
    },
  };
  return { options, configs, ignored };
}

/**
 * A raised quota is an account fact: take the highest any configuration of the run's files grants.
 * The code budget is a setting of the run too: each of its parts is the highest the run's files'
 * configurations set, and the command line (`base.codeBudget`) wins over them.
 */
export function raiseLimits(setup: WorkflowSetup, sources: Source[], base: LintOptions): void {
  const cwd = setup.options.cwd ?? process.cwd();
  const limits: Record<string, number> = { ...(base.limits ?? {}) };
  const budget: CodeBudget = {};
  for (const s of sources) {
    const e = setup.configs.resolve(resolve(cwd, s.path));
    for (const [v, n] of Object.entries(e.limits)) limits[v] = Math.max(limits[v] ?? 0, n);
    for (const [k, n] of Object.entries(e.codeBudget) as [keyof CodeBudget, number][])
      budget[k] = Math.max(budget[k] ?? 0, n);
  }
  setup.options.limits = limits;
  const codeBudget = { ...budget, ...base.codeBudget };
  if (Object.keys(codeBudget).length) setup.options.codeBudget = codeBudget;
}

export async function runWorkflow(
  inputs: (string | Input)[],
  base: RunOptions,
  flags: WorkflowFlags,
  io: WorkflowIo,
): Promise<WorkflowResult> {
  const cwd = io.cwd;
  const abs = (p: string) => resolve(cwd, p);
  const root = projectRoot(
    inputs.map((i) => (typeof i === 'string' ? i : i.path)),
    cwd,
    flags.root ?? base.root,
  );
  // --fix never applies an edit read from a cache: fixing runs compute every finding afresh
  const setup = setupWorkflow(
    { ...base, root, ...(flags.fix || flags.fixDryRun ? { cache: undefined } : {}) },
    flags,
    io,
  );
  const { options, ignored } = setup;
  const { sources, named } = readInputs(inputs, options);
  // values read from the environment (opt-in) are shown as their references, never as their text
  const readsEnv = () => !!flags.readEnv || setup.configs.used().some((c) => c.readEnv && flags.readEnv !== false);
  const shown = (r: Result): Result =>
    readsEnv()
      ? redactEnvironment(
          r,
          io.env,
          sources.map((s) => s.text),
        )
      : r;
  if (ignored.length && sources.length === 0)
    io.stderr(`trigger-lint: every file is ignored by the configuration (${ignored.join(', ')})\n`);
  raiseLimits(setup, sources, base);
  const inline = new Set(inputs.filter((i): i is Input => typeof i !== 'string').map((i) => displayPath(cwd, i.path)));

  let result: Result;
  if (flags.fix || flags.fixDryRun) {
    // the first pass loads the handler-code parser when needed; later passes reuse it
    const first = shown(await lintSourcesAsync(sources, options, named));
    // a file is fixed only inside the project root: never through a symlink that leads outside it
    const outcome = fixSources(
      sources,
      (s) => shown(lintSources(s, options, named)),
      (p) => !inline.has(p) && refusal(root, abs(p)) === undefined && writable(abs(p)),
      first,
    );
    const unwritten = new Set<string>();
    for (const c of outcome.changed) {
      if (flags.fixDryRun) io.stdout(await fixDiff(c.path, c.before, c.after));
      else if (!writeFixed(abs(c.path), c.path, c.before, c.after, io)) unwritten.add(c.path);
    }
    const written = outcome.changed.length - unwritten.size;
    if (!flags.fixDryRun && written) io.stderr(`trigger-lint: fixed ${written} file${written === 1 ? '' : 's'}\n`);
    // a file left as it was keeps the findings of what is on disk (the first pass), not of the fix
    result = unwritten.size ? keepFindings(outcome.result, first, unwritten) : outcome.result;
  } else {
    result = shown(await lintSourcesAsync(sources, options, named));
  }
  return { ...applyBaselineFlags(result, flags, { ...io, root }), ignored };
}

/** A file may be fixed when it is valid UTF-8 on disk (a lossy decode must never be written back). */
function writable(path: string): boolean {
  try {
    return !decode(readFileSync(path)).error;
  } catch {
    return false;
  }
}

/**
 * Write a fixed file; false (with a note on stderr) when it is left as it was: it changed while
 * the run was linting it, it is read-only, or it has other hard links (an atomic rename would
 * give this name a new file and leave the other names with the old bytes).
 */
function writeFixed(path: string, display: string, before: string, after: string, io: WorkflowIo): boolean {
  const bytes = readFileSync(path);
  const { text, error } = decode(bytes);
  if (error || text !== before) {
    io.stderr(`trigger-lint: ${display} changed while it was being linted; not fixed\n`);
    return false;
  }
  const st = statSync(path);
  if ((st.mode & 0o222) === 0) {
    io.stderr(
      `trigger-lint: ${display} is read-only; not fixed (make it writable, or apply the diff of --fix-dry-run)\n`,
    );
    return false;
  }
  if (st.nlink > 1) {
    io.stderr(
      `trigger-lint: ${display} has ${st.nlink} hard links; not fixed, so that they keep one content (apply the diff of --fix-dry-run)\n`,
    );
    return false;
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // the decoded text has no BOM (or, if decode() kept offsets by turning it into a space, a space): put it back
    const spaced = bom && before.startsWith(' ') && bytes[3] !== 0x20;
    writeFileAtomic(path, bom ? `\ufeff${spaced ? after.slice(1) : after}` : after);
  } catch (e) {
    throw new UsageError(
      `${display}: cannot write the fixed file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  return true;
}

/** `fixed` with the files in `paths` taking their findings from `original` (they were not written). */
function keepFindings(fixed: Result, original: Result, paths: Set<string>): Result {
  const before = new Map(original.files.map((f) => [f.path, f]));
  const files = fixed.files.map((f) => (paths.has(f.path) ? (before.get(f.path) ?? f) : f));
  const texts = new Map(fixed.texts);
  for (const p of paths) if (original.texts.has(p)) texts.set(p, original.texts.get(p)!);
  return { ...fixed, files, texts, summary: summarize(files) };
}

/** The baseline as the CLI applies it (`trigger-lint-baseline.json` in the working directory when it exists). */
export function applyBaselineFlags(
  result: Result,
  flags: WorkflowFlags,
  io: Pick<WorkflowIo, 'cwd' | 'stderr'> & { root?: string },
): Result {
  if (flags.baseline === false) {
    if (flags.baselineWrite || flags.baselinePrune)
      throw new UsageError('--no-baseline cannot be combined with --baseline-write or --baseline-prune');
    return result;
  }
  const file = flags.baseline ?? DEFAULT_BASELINE;
  const path = resolve(io.cwd, file);
  const exists = existsSync(path);
  if (!exists && !flags.baselineWrite) {
    if (flags.baseline !== undefined)
      throw new UsageError(`${file}: no such baseline file (create it with --baseline-write)`);
    if (flags.baselinePrune) throw new UsageError(`${file}: no baseline to prune`);
    return result;
  }
  const toEntry = (p: string) => entryPath(io.cwd, file, p);
  const why = exists ? refusal(io.root ?? projectRoot([], io.cwd), path) : undefined;
  if (why) throw refusedError(file, why, 'baseline file');
  let baseline: Baseline | undefined = exists ? readBaseline(path, file) : undefined;
  if (flags.baselineWrite) {
    baseline = mergeBaseline(baseline, result, toEntry);
    writeBaseline(path, baseline);
    const n = baseline.entries.reduce((a, e) => a + e.count, 0);
    io.stderr(`trigger-lint: wrote ${file} (${n} finding${n === 1 ? '' : 's'}); later runs report only new ones\n`);
  }
  const applied = applyBaseline(result, baseline!, toEntry);
  if (applied.stale.length) {
    const n = applied.stale.reduce((a, e) => a + e.count, 0);
    if (flags.baselinePrune) {
      writeBaseline(path, applied.pruned);
      io.stderr(`trigger-lint: removed ${n} stale entr${n === 1 ? 'y' : 'ies'} from ${file}\n`);
    } else {
      io.stderr(
        `trigger-lint: ${n} finding${n === 1 ? '' : 's'} recorded in ${file} no longer occur${n === 1 ? 's' : ''}; run with --baseline-prune to remove ${n === 1 ? 'it' : 'them'}\n`,
      );
      for (const e of applied.stale)
        io.stderr(`  ${e.path}: ${e.ruleId} ${e.key}${e.count > 1 ? ` (×${e.count})` : ''}\n`);
    }
  }
  return { ...applied.result, summary: { ...applied.result.summary, baselined: applied.hidden } };
}

/** --print-config <file>: the effective configuration for one file, as YAML (or JSON). */
export function printConfig(
  file: string,
  base: LintOptions,
  flags: WorkflowFlags,
  io: WorkflowIo,
  json = false,
): number {
  const configs = new ConfigResolver(
    io.cwd,
    { config: flags.config, rules: cliRules(base, flags), requireReason: flags.requireReason },
    io.env,
  );
  const e = configs.resolve(resolve(io.cwd, file));
  const out = {
    file: displayPath(io.cwd, resolve(io.cwd, file)),
    config: e.file ? displayPath(io.cwd, e.file) : null,
    extends: e.extends,
    ignored: e.ignored,
    requireReason: e.requireReason,
    code: e.code,
    ...(Object.keys(e.codeBudget).length ? { codeBudget: e.codeBudget } : {}),
    rules: e.rules,
    vars: e.vars,
    env: e.env,
    limits: Object.fromEntries(Object.entries(e.limits).map(([k, v]) => [k, Number.isFinite(v) ? v : null])),
  };
  io.stdout(json ? `${JSON.stringify(out, null, 2)}\n` : stringify(out));
  return 0;
}

/** One `--rule <id>=<severity>` flag (the lint and graph commands). */
/** Severities a --rule flag may set ('warn' is read as 'warning'). */
const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;

/** One --rule <id>=<severity> flag, with did-you-mean for a misspelt id or severity. */
export function parseRule(spec: string): [string, RuleSetting] {
  const eq = spec.indexOf('=');
  if (eq < 0) throw new UsageError(`invalid --rule "${spec}"; expected <rule-id>=off|info|warning|error`);
  const id = spec.slice(0, eq).trim();
  const value = spec.slice(eq + 1).trim();
  const severity = value === 'warn' ? 'warning' : value;
  if (!(SEVERITIES as readonly string[]).includes(severity)) {
    const guess = closest(value, SEVERITIES);
    throw new UsageError(
      `invalid --rule "${spec}": unknown severity "${value}"; ${guess ? `did you mean "${id}=${guess}"?` : `use one of ${SEVERITIES.join(', ')}`}`,
    );
  }
  if (!RULES.some((r) => r.id === id)) {
    const guess = closest(
      id,
      RULES.map((r) => r.id),
    );
    throw new UsageError(
      `unknown rule "${id}" in --rule "${spec}"; ${guess ? `did you mean "${guess}"?` : 'run trigger-lint --list-rules to see them'}`,
    );
  }
  return [id, severity as RuleSetting];
}

/** The workflow flags from commander's parsed options. */
export function flagsFromCli(opts: Record<string, unknown>): WorkflowFlags {
  return {
    ...(opts.config !== undefined ? { config: opts.config as string | false } : {}),
    ...(opts.baseline !== undefined ? { baseline: opts.baseline as string | false } : {}),
    requireReason: !!opts.requireReason,
    baselineWrite: !!opts.baselineWrite,
    baselinePrune: !!opts.baselinePrune,
    fix: !!opts.fix,
    fixDryRun: !!opts.fixDryRun,
    ...(opts.readEnv ? { readEnv: true } : {}),
    ...(typeof opts.root === 'string' ? { root: opts.root } : {}),
  };
}
