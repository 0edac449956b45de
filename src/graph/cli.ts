// `trigger-lint graph [paths...] --format mermaid|dot|json|svg`: lint the paths like the main
// command (configuration files apply; the baseline does not: a baselined loop is still a loop),
// then print the graph of every file of the run. Exit 0 when the graph is written (findings are
// drawn, not counted), 1 when a file does not parse (its syntax findings go to stderr and no graph
// is drawn), 2 when the tool could not do its job.
import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { writeReport } from '../source/containment.js';
import { UsageError } from '../source/errors.js';
import { FORMATS, TRIGGER_FILE_NAMES } from '../formats/index.js';
import type { Model } from '../model/model.js';
import type { Input, RuleSetting } from '../types.js';
import { parseRule, runWorkflow } from '../workflow/run.js';
import { buildGraph } from './build.js';
import { GRAPH_FORMATS, renderGraph, type GraphFormat } from './index.js';

/** What the command needs of its surroundings (the CLI's Io has it). */
export interface GraphIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
}

function collect(value: string, prev: string[] | undefined): string[] {
  return [...(prev ?? []), value];
}

function program(): Command {
  return new Command()
    .name('trigger-lint graph')
    .description(
      'Print the trigger graph of the files: buckets, triggers, functions and the writes between them, loops and overlaps marked',
    )
    .usage('[options] [paths...]')
    .argument('[paths...]', 'files, directories (searched for trigger files) or - for stdin')
    .addOption(new Option('-f, --format <name>', 'graph format').choices([...GRAPH_FORMATS]).default('mermaid'))
    .option('-o, --output <file>', 'write the graph to a file')
    .addOption(
      new Option('--rule <id=severity>', 'set a rule to off, warning or error (repeatable)').argParser(collect),
    )
    .option('--stdin-filename <name>', 'name used for - input', 'stdin.yaml')
    .addOption(new Option('--input-format <id>', 'force the input format').choices(FORMATS.map((f) => f.id)))
    .option('-c, --config <file>', 'use this configuration file instead of the nearest .trigger-lint.yaml')
    .option('--no-config', 'use no configuration file')
    .helpOption('-h, --help')
    .exitOverride();
}

export async function runGraphCli(argv: string[], io: GraphIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    io.stderr(`trigger-lint graph: ${e instanceof UsageError ? '' : 'internal error: '}${(e as Error).message}\n`);
    return 2;
  }
}

async function run(argv: string[], io: GraphIo): Promise<number> {
  const cmd = program();
  cmd.configureOutput({ writeOut: (s) => io.stdout(s), writeErr: () => {} });
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help') return 0;
      io.stderr(`trigger-lint graph: ${e.message.replace(/^error: /, '')} (see --help)\n`);
      return 2;
    }
    throw e;
  }
  const opts = cmd.opts();
  const rules: Record<string, RuleSetting> = {};
  for (const spec of (opts.rule ?? []) as string[]) {
    const [id, sev] = parseRule(spec);
    rules[id] = sev;
  }
  const paths = cmd.args.length ? cmd.args : ['.'];
  const inputs: (string | Input)[] = [];
  for (const p of paths) inputs.push(p === '-' ? { path: opts.stdinFilename, text: await io.readStdin() } : p);
  let model: Model | undefined;
  const result = await runWorkflow(
    inputs,
    {
      rules,
      cwd: io.cwd,
      env: io.env,
      inputFormat: opts.inputFormat,
      onModel: (m) => {
        model = m;
      },
    },
    // the graph prints resolved values: it never reads the process environment (docs/security.md)
    {
      ...(opts.config !== undefined ? { config: opts.config as string | false } : {}),
      baseline: false,
      readEnv: false,
    },
    io,
  );
  if (result.unrecognized.length) {
    throw new UsageError(
      `${result.unrecognized[0]}: not a trigger file trigger-lint knows (use --input-format to force one of: ${FORMATS.map((f) => f.id).join(', ')})`,
    );
  }
  if (!model || (result.files.length === 0 && !result.ignored.length))
    throw new UsageError(`no trigger file found in ${paths.join(', ')} (looked for ${TRIGGER_FILE_NAMES.join(', ')})`);
  // a file that does not parse has no graph to draw: say why on stderr, draw nothing, exit 1
  const broken = result.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'syntax' && x.severity === 'error'));
  if (broken.length) {
    const { formatFinding } = await import('../reporters/stylish.js');
    for (const f of broken) io.stderr(`${formatFinding(f, result.texts.get(f.path), false, result.texts)}\n\n`);
    const files = new Set(broken.map((f) => f.path)).size;
    io.stderr(
      `trigger-lint graph: ${files === 1 ? 'a file does' : `${files} files do`} not parse; fix the syntax errors above to draw the graph\n`,
    );
    return 1;
  }
  const text = await renderGraph(buildGraph(model, result), opts.format as GraphFormat);
  if (opts.output) writeReport(resolve(io.cwd, opts.output), text, opts.output);
  else io.stdout(text);
  return 0;
}
