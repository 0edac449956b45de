// The command line: a thin layer over lint() (docs/architecture.md, "The command line"). Exit codes: 0 no errors,
// 1 at least one error finding (or too many warnings), 2 the tool could not do its job.
import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../rules/index.js';
import { REPORTERS, reporterNames } from './reporters/index.js';
import { UsageError } from './source/errors.js';
import { writeReport } from './source/containment.js';
import { framedForRunner, showControls } from './reporters/escape.js';
import type { CodeBudget, Input, LintOptions, RuleSetting } from './types.js';
import { VERSION } from './engine/version.js';
import { performanceOptions } from './engine/workers.js';
import { FORMATS } from './formats/index.js';
import { flagsFromCli, parseRule, printConfig, runWorkflow } from './workflow/run.js';
import { defaultIo, type Io } from './cli/io.js';
import { COLOR_MODES, normalizeColorArgs, useColor, type ColorMode } from './cli/color.js';
import { helpText } from './cli/help.js';
import { commanderMessage, unknownValue } from './cli/usage.js';
import { closest } from './source/suggest.js';

export type { Io };

const COMMANDS = ['event', 'graph', 'lsp', 'rule'];

function collect(value: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), value];
}

export function buildProgram(): Command {
  return new Command()
    .name('trigger-lint')
    .description('Lint serverless trigger definitions before deploy')
    .usage('[options] [paths...]')
    .argument('[paths...]', 'files, directories (searched for trigger files) or - for stdin')
    .addOption(
      new Option(
        '-f, --format <name[=file]>',
        `report format: ${reporterNames().join(', ')} (default: stylish; repeatable; name=file writes that report to a file)`,
      ).argParser(collect),
    )
    .option('-o, --output <file>', 'write the report to a file (with one --format)')
    .addOption(
      new Option('--rule <id=severity>', 'set a rule to off, warning or error (repeatable)').argParser(collect),
    )
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when warnings exceed n')
    .option('--list-rules', 'list rules with their default severity and description')
    .option('--stdin-filename <name>', 'name used for - input', 'stdin.yaml')
    .option('--ignore-unknown', 'skip named files that are not trigger files instead of exit 2 (for pre-commit)')
    .option('--input-format <id>', 'force the input format')
    .option('-c, --config <file>', 'use this configuration file instead of the nearest .trigger-lint.yaml')
    .option('--no-config', 'use no configuration file')
    .option('--print-config <file>', 'print the effective configuration for a file and exit')
    .option('--require-reason', 'require " -- reason" on every trigger-lint-disable comment')
    .option('--baseline <file>', 'baseline file (default: trigger-lint-baseline.json, used when it exists)')
    .option('--no-baseline', 'ignore the baseline file')
    .option('--baseline-write', 'record the current findings in the baseline file')
    .option('--baseline-prune', 'remove baseline entries that no longer occur')
    .option('--fix', 'apply every certain fix to the files (comments and formatting are kept)')
    .option('--fix-dry-run', 'print the fixes as a unified diff instead of writing them')
    .option('--no-code', "do not read the functions' handler code (recursive-trigger then sees the config only)")
    .option('--code-budget-ms <ms>', "stop reading one function's handler code after ms (default 2000)")
    .option('--code-budget-run-ms <ms>', 'stop reading handler code after ms for the whole run (default 20000)')
    .option(
      '--read-env',
      "resolve ${env('X')} / ${env:X} from the process environment (off by default: the written default, else unknown)",
    )
    .option(
      '--root <dir>',
      'project root: no file outside it is read (default: the nearest folder with .git, else the working directory)',
    )
    .option('--cache', 'skip unchanged files: reuse their Model and per-file findings from the cache file')
    .option('--cache-location <file>', 'cache file (default: .trigger-lint-cache; implies --cache)')
    .option(
      '--concurrency <auto|N|off>',
      'parse files on worker threads: auto (when there are many), a thread count, or off',
      'auto',
    )
    .option('--color [mode]', 'colour the report: always, never or auto')
    .option('--no-color', 'never colour the report')
    .version(VERSION, '-v, --version')
    .helpOption('-h, --help')
    .showHelpAfterError(false)
    .configureHelp({ formatHelp: () => helpText() })
    .exitOverride();
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  if (argv[0] === 'event') {
    const { runEventCli } = await import('./events/cli.js');
    return runEventCli(argv.slice(1), io);
  }
  if (argv[0] === 'graph') {
    const { runGraphCli } = await import('./graph/cli.js');
    return runGraphCli(argv.slice(1), io);
  }
  if (argv[0] === 'rule') {
    const { runRuleCli } = await import('./cli/rule.js');
    return runRuleCli(argv.slice(1), io);
  }
  if (argv[0] === 'lsp') {
    const { runLsp } = await import('./lsp/index.js');
    return runLsp(argv.slice(1), io);
  }
  const program = buildProgram();
  program.configureOutput({ writeOut: (s) => io.stdout(s), writeErr: () => {} });
  try {
    program.parse(normalizeColorArgs(argv), { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      io.stderr(`trigger-lint: ${commanderMessage(e)} (see --help)\n`);
      return 2;
    }
    throw e;
  }
  const opts = program.opts();
  try {
    const command = notAPath(program.args, io.cwd);
    if (command === 'help') {
      io.stdout(helpText());
      return 0;
    }
    if (command)
      throw new UsageError(
        `unknown command "${program.args[0]}" (and no file or folder has that name); did you mean "trigger-lint ${command}"?`,
      );
    return await run(program.args, opts, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`trigger-lint: ${showControls(e.message)}\n`);
      return 2;
    }
    io.stderr(`trigger-lint: internal error: ${showControls((e as Error).message)}\n`);
    return 2;
  }
}

/**
 * A first argument that names no file but looks like a command: "help", or a misspelt "event"
 * (`trigger-lint evnt list`). Any path that exists is linted as a path.
 */
function notAPath(args: string[], cwd: string): string | undefined {
  const first = args[0];
  if (first === undefined || first === '-' || existsSync(resolve(cwd, first))) return undefined;
  if (first === 'help') return 'help';
  return /^[a-z]+$/.test(first) ? closest(first, COMMANDS) : undefined;
}

/** --color / --color=<mode> / --no-color as a mode; undefined when none was given. */
function colorMode(value: unknown): ColorMode | undefined {
  if (value === undefined) return undefined;
  if (value === true) return 'always';
  if (value === false) return 'never';
  if ((COLOR_MODES as readonly unknown[]).includes(value)) return value as ColorMode;
  throw unknownValue('--color mode', String(value), COLOR_MODES);
}

/**
 * The reports of one run (docs/integrations.md): `--format name` (repeatable) prints to stdout,
 * `--format name=file` writes a file, `-o file` takes the one report without a file. No
 * `--format` means stylish, plus GitHub annotations when GITHUB_ACTIONS=true (like yamllint's auto).
 */
export function planReports(
  specs: string[],
  output: string | undefined,
  env: Record<string, string | undefined>,
): { name: string; file?: string }[] {
  if (specs.length === 0) {
    return env.GITHUB_ACTIONS === 'true'
      ? [{ name: 'stylish', file: output }, { name: 'github' }]
      : [{ name: 'stylish', file: output }];
  }
  const reports = specs.map((spec) => {
    const eq = spec.indexOf('=');
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const file = eq < 0 ? undefined : spec.slice(eq + 1);
    if (!REPORTERS[name]) throw unknownValue('format', name, reporterNames());
    if (file === '') throw new UsageError(`--format ${name}= needs a file name after "="`);
    return { name, file };
  });
  if (output !== undefined) {
    const open = reports.filter((r) => r.file === undefined);
    if (open.length > 1)
      throw new UsageError(
        `--output takes one report but ${open.length} formats have no file; write the others with --format <name>=<file>`,
      );
    for (const r of open) r.file = output;
  }
  const files = reports.map((r) => r.file).filter((f): f is string => f !== undefined);
  const dup = files.find((f, i) => files.indexOf(f) !== i);
  if (dup !== undefined) throw new UsageError(`two reports would write ${dup}; give each report its own file`);
  return reports;
}

async function run(paths: string[], opts: Record<string, any>, io: Io): Promise<number> {
  if (opts.listRules) {
    const w = Math.max(...RULES.map((r) => r.id.length));
    for (const r of RULES)
      io.stdout(
        `${r.id.padEnd(w)}  ${(r.defaultOff ? 'off' : r.severity).padEnd(7)}  ${r.fixable ? 'fixable ' : '        '}${r.description}\n`,
      );
    return 0;
  }
  const reports = planReports((opts.format ?? []) as string[], opts.output, io.env);
  const color = colorMode(opts.color);
  if (opts.inputFormat !== undefined && !FORMATS.some((f) => f.id === opts.inputFormat)) {
    throw unknownValue(
      '--input-format',
      opts.inputFormat,
      FORMATS.map((f) => f.id),
    );
  }
  let maxWarnings: number | undefined;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError(`--max-warnings expects a non-negative integer, got "${opts.maxWarnings}"`);
  }
  const rules: Record<string, RuleSetting> = {};
  for (const spec of (opts.rule ?? []) as string[]) {
    const [id, sev] = parseRule(spec);
    rules[id] = sev;
  }
  if (opts.printConfig !== undefined)
    return printConfig(
      opts.printConfig,
      { rules },
      flagsFromCli(opts),
      io,
      ((opts.format ?? []) as string[]).some((f) => f.startsWith('json')),
    );
  if (paths.length === 0) paths = ['.'];
  const inputs: (string | Input)[] = [];
  for (const p of paths) {
    if (p === '-') inputs.push({ path: opts.stdinFilename, text: await io.readStdin() });
    else inputs.push(p);
  }
  const options: LintOptions = {
    rules,
    cwd: io.cwd,
    env: io.env,
    quiet: !!opts.quiet,
    inputFormat: opts.inputFormat,
    ...(opts.code === false ? { code: false } : {}),
    ...codeBudgetOptions(opts),
    ...performanceOptions(opts),
  };
  const result = await runWorkflow(inputs, options, flagsFromCli(opts), io);
  if (result.unrecognized.length && !opts.ignoreUnknown) {
    throw new UsageError(
      `${result.unrecognized[0]}: not a trigger file trigger-lint knows (use --input-format to force one of: ${FORMATS.map((f) => f.id).join(', ')})`,
    );
  }
  if (result.files.length === 0 && !(opts.ignoreUnknown && result.unrecognized.length) && !result.ignored.length) {
    throw new UsageError(
      `no trigger file found in ${paths.join(', ')} (looked for ${(await import('./formats/index.js')).TRIGGER_FILE_NAMES.join(', ')})`,
    );
  }
  for (const { name, file } of reports) {
    const reporter = await REPORTERS[name]();
    const text = reporter(result, {
      color: !file && useColor(color, io.env, io.isTTY),
      cwd: io.cwd,
      warn: (m) => io.stderr(`trigger-lint: ${m}\n`),
      warningsFail: maxWarnings !== undefined && result.summary.warnings > maxWarnings,
    });
    if (file) {
      writeReport(resolve(io.cwd, file), text, file);
    } else if (name === 'stylish' && io.env.GITHUB_ACTIONS === 'true') {
      io.stdout(framedForRunner(text)); // user text in a runner's log starts no workflow command
    } else io.stdout(text);
  }
  if (result.internalErrors?.length) {
    // the findings above stand; a crash still fails the run
    for (const c of result.internalErrors)
      io.stderr(
        `trigger-lint: internal error in ${c.in} at ${c.path}:${c.line}:${c.column}: ${c.message} (a bug in trigger-lint: please report it)\n`,
      );
    return 2;
  }
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}

/** `--code-budget-ms` and `--code-budget-run-ms`: whole milliseconds, at least 1. */
function codeBudgetOptions(opts: Record<string, unknown>): Pick<LintOptions, 'codeBudget'> {
  const budget: CodeBudget = {};
  for (const [flag, key, value] of [
    ['--code-budget-ms', 'functionMs', opts.codeBudgetMs],
    ['--code-budget-run-ms', 'runMs', opts.codeBudgetRunMs],
  ] as const) {
    if (value === undefined) continue;
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(String(value)) || !Number.isSafeInteger(n) || n < 1)
      throw new UsageError(
        `${flag} expects a whole number of milliseconds of at least 1, got "${String(value)}"; for example ${flag} 5000`,
      );
    budget[key] = n;
  }
  return Object.keys(budget).length ? { codeBudget: budget } : {};
}
