// `trigger-lint event …`: validate, sample and list vendor event payloads.
// Exit codes: 0 valid (or output printed), 1 invalid event, 2 usage error.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EVENT_TYPES, VENDOR_ALIASES, findEventType, typesOf, VENDORS } from './catalog.js';
import { parseEvent, displayPath, pointerOf } from './parse.js';
import { detectEvent, type DetectResult } from './detect.js';
import { validateEvent, toDiagnostic, type EventDiagnostic } from './validate.js';
import { sampleEvent, SampleError, type SampleOptions } from './sample.js';
import { sampleFromTrigger } from './from.js';
import { didYouMean } from '../source/suggest.js';
import { commanderMessage } from '../cli/usage.js';

export interface EventIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

class UsageError extends Error {}

/** Resolve --vendor/--type (or positional vendor/type) to a catalog id, with did-you-mean. */
function resolvePair(vendor: string, type: string | undefined): string | undefined {
  const v = VENDOR_ALIASES[vendor.toLowerCase()];
  if (!v) {
    const s = didYouMean(vendor, VENDORS);
    throw new UsageError(
      `unknown vendor "${vendor}"${s ? `; did you mean "${s}"?` : `; known: ${VENDORS.join(', ')}`}`,
    );
  }
  if (type === undefined) return undefined;
  const t = type.toLowerCase();
  if (findEventType(v, t)) return `${v}/${t}`;
  const s = didYouMean(t, typesOf(v));
  throw new UsageError(
    `unknown ${v} event type "${type}"${s ? `; did you mean "${s}"?` : `; known: ${typesOf(v).join(', ')}`}`,
  );
}

// ---- validate ------------------------------------------------------------------------------------

interface ValidateOptions {
  vendor?: string;
  type?: string;
  format: 'text' | 'json';
}

interface Report {
  path: string;
  syntax: string;
  id?: string;
  detected: boolean;
  because: string[];
  closest?: { id: string; because: string[] };
  known?: string;
  diagnostics: EventDiagnostic[];
  text: string;
}

function detectWithin(value: unknown, vendor: string | undefined): DetectResult {
  const r = detectEvent(value);
  if (!vendor) return r;
  if (r.detected && r.detected.id.startsWith(`${vendor}/`)) return r;
  // The shape says another vendor (or nothing): report it as the closest, not as detected.
  const other = r.detected ?? r.closest;
  return { ...(other ? { closest: other } : {}), ...(r.known ? { known: r.known } : {}) };
}

async function validateCommand(file: string, opts: ValidateOptions, io: EventIo): Promise<number> {
  if (opts.type && !opts.vendor) throw new UsageError('--type needs --vendor');
  const forced = opts.vendor ? resolvePair(opts.vendor, opts.type) : undefined;
  const vendor = opts.vendor ? VENDOR_ALIASES[opts.vendor.toLowerCase()] : undefined;
  let text: string;
  const display = file === '-' ? 'stdin' : file;
  try {
    text = file === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const parsed = parseEvent(text, file === '-' ? undefined : file);
  const report: Report = { path: display, syntax: parsed.format, detected: false, because: [], diagnostics: [], text };
  if (!parsed.ok) {
    report.diagnostics = parsed.errors.map((e) =>
      toDiagnostic(text, { severity: 'error', message: e.message, path: [], range: { start: e.start, end: e.end } }),
    );
    return output(report, opts, io);
  }
  report.syntax = parsed.format;
  if (forced) {
    report.id = forced;
  } else {
    const d = detectWithin(parsed.value, vendor);
    if (d.detected) {
      report.id = d.detected.id;
      report.detected = true;
      report.because = d.detected.because;
    } else {
      if (d.closest) report.closest = d.closest;
      if (d.known) report.known = d.known;
      const why = d.known
        ? `not a trigger event: this looks like ${d.known}`
        : `not an event trigger-lint knows${vendor ? ` for ${vendor}` : ''}; ${d.closest ? `closest shape: ${d.closest.id} (has ${d.closest.because.join(', ')}); check it with --vendor ${d.closest.id.split('/')[0]} --type ${d.closest.id.split('/')[1]}` : 'see "trigger-lint event list" for the known shapes'}`;
      report.diagnostics.push(
        toDiagnostic(text, {
          severity: 'error',
          message: why,
          path: [],
          range: { start: firstNonSpace(text), end: firstNonSpace(text) + 1 },
        }),
      );
      return output(report, opts, io);
    }
  }
  report.diagnostics = validateEvent(parsed, report.id);
  if (parsed.format === 'jsonc') {
    report.diagnostics.unshift(
      toDiagnostic(text, {
        severity: 'warning',
        message:
          'the event has comments or trailing commas: accepted here, but JSON.parse and most invoke tools reject them; remove them before "s invoke --event-file"',
        path: [],
        range: { start: firstNonSpace(text), end: firstNonSpace(text) + 1 },
      }),
    );
  }
  return output(report, opts, io);
}

const firstNonSpace = (text: string) => Math.max(0, text.search(/\S/));

/** Source lines longer than this are not quoted (one-line events): the message and position say enough. */
const MAX_SNIPPET_LINE = 400;
/** Errors and warnings printed per file; the rest are counted ("and N more"). */
export const MAX_DIAGNOSTICS = 50;

function snippet(lines: string[], d: EventDiagnostic): string {
  const line = lines[d.line - 1] ?? '';
  if (line.length > MAX_SNIPPET_LINE) return '';
  const width = String(d.line).length;
  const endCol = d.endLine === d.line ? Math.max(d.endColumn, d.column + 1) : line.length + 1;
  const len = Math.max(1, Math.min(endCol, line.length + 1) - d.column);
  const pad = ' '.repeat(width);
  const shown = line.replace(/\t/g, ' ');
  return `${pad} |\n${d.line} | ${shown}\n${pad} | ${' '.repeat(Math.max(0, d.column - 1))}^${'~'.repeat(Math.max(0, len - 1))}\n`;
}

function output(r: Report, opts: ValidateOptions, io: EventIo): number {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.length - errors;
  if (opts.format === 'json') {
    const [vendor, type] = r.id ? r.id.split('/') : [null, null];
    io.stdout(
      JSON.stringify(
        {
          version: 1,
          path: r.path,
          syntax: r.syntax,
          vendor,
          type,
          detected: r.detected,
          because: r.because,
          closest: r.closest ?? null,
          known: r.known ?? null,
          valid: errors === 0,
          summary: { errors, warnings },
          diagnostics: r.diagnostics.map((d) => ({
            severity: d.severity,
            message: d.message,
            path: displayPath(d.path),
            pointer: pointerOf(d.path),
            line: d.line,
            column: d.column,
            endLine: d.endLine,
            endColumn: d.endColumn,
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return errors ? 1 : 0;
  }
  let out = '';
  if (r.id && r.detected) out += `${r.path}: detected ${r.id} (has ${r.because.join(', ')})\n`;
  const lines = r.text.split(/\r?\n/);
  for (const d of r.diagnostics.slice(0, MAX_DIAGNOSTICS)) {
    out += `${r.path}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`;
    out += snippet(lines, d);
  }
  if (r.diagnostics.length > MAX_DIAGNOSTICS)
    out += `${r.path}: and ${r.diagnostics.length - MAX_DIAGNOSTICS} more (the first ${MAX_DIAGNOSTICS} are shown; fix them first, or use --format json for all)\n`;
  if (errors === 0)
    out += `${r.path}: valid ${r.id} event${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}\n`;
  else
    out += `${r.path}: ${errors} error${errors > 1 ? 's' : ''}${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}${r.id ? ` — not a valid ${r.id} event` : ''}\n`;
  io.stdout(out);
  return errors ? 1 : 0;
}

// ---- sample --------------------------------------------------------------------------------------

interface SampleCliOptions extends SampleOptions {
  from?: string;
  trigger?: string;
}

async function sampleCommand(
  vendor: string | undefined,
  type: string | undefined,
  opts: SampleCliOptions,
  io: EventIo,
): Promise<number> {
  let id: string;
  let event: unknown;
  let notes: string[];
  if (opts.from !== undefined || opts.trigger !== undefined) {
    if (!opts.from || !opts.trigger)
      throw new UsageError('--from and --trigger go together: --from s.yaml --trigger <name>');
    if (vendor) throw new UsageError('give either <vendor> <type> or --from/--trigger, not both');
    let text: string;
    try {
      text = readFileSync(opts.from, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read "${opts.from}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      ({ id, event, notes } = await sampleFromTrigger(opts.from, text, opts.trigger, {
        bucket: opts.bucket,
        key: opts.key,
        region: opts.region,
        event: opts.event,
      }));
    } catch (e) {
      if (e instanceof SampleError) throw new UsageError(e.message);
      throw e;
    }
  } else {
    if (!vendor || !type)
      throw new UsageError(
        'sample needs <vendor> <type> (see "trigger-lint event list") or --from s.yaml --trigger <name>',
      );
    id = resolvePair(vendor, type)!;
    try {
      ({ event, notes } = sampleEvent(id, opts));
    } catch (e) {
      if (e instanceof SampleError) throw new UsageError(e.message);
      throw e;
    }
  }
  // Self-check: a sample must pass `validate`.
  const text = JSON.stringify(event, null, 2) + '\n';
  const parsed = parseEvent(text, 'sample.json');
  const problems = parsed.ok ? validateEvent(parsed, id).filter((d) => d.severity === 'error') : [];
  if (problems.length) {
    // Only reachable with options that make the event invalid (e.g. an empty --bucket).
    throw new UsageError(`the ${id} sample with these options is not a valid event: ${problems[0].message}`);
  }
  for (const n of notes) io.stderr(`trigger-lint: note: ${n}\n`);
  io.stdout(text);
  return 0;
}

// ---- list ----------------------------------------------------------------------------------------

function listCommand(opts: { format: 'text' | 'json' }, io: EventIo): number {
  if (opts.format === 'json') {
    io.stdout(
      JSON.stringify(
        EVENT_TYPES.map((e) => ({
          vendor: e.vendor,
          type: e.type,
          description: e.description,
          schema: `schemas/events/${e.id}.json`,
        })),
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const w = Math.max(...EVENT_TYPES.map((e) => e.id.length));
  io.stdout(EVENT_TYPES.map((e) => `${e.id.padEnd(w)}  ${e.description}\n`).join(''));
  return 0;
}

// ---- entry point -----------------------------------------------------------------------------------

function formatOption() {
  return new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
}

export async function runEventCli(argv: string[], io: EventIo): Promise<number> {
  let code = 0;
  const program = new Command('trigger-lint event')
    .description('validate, generate and list vendor trigger event payloads')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: () => {} })
    .showHelpAfterError(false);

  program
    .command('validate')
    .description('check a test event (JSON, JSON with comments, or YAML; - for stdin) against its vendor schema')
    .argument('<file>', 'event file, or - for stdin')
    .option('--vendor <vendor>', 'vendor (aliyun, tencent, huawei, jdcloud, aws); detected when omitted')
    .option('--type <type>', 'trigger type, e.g. oss, cos, timer; detected when omitted')
    .addOption(formatOption())
    .action(async (file: string, o: ValidateOptions) => {
      code = await validateCommand(file, o, io);
    });

  program
    .command('sample')
    .description('print a realistic, valid event for a vendor/type, or for a trigger of an s.yaml')
    .argument('[vendor]', 'vendor')
    .argument('[type]', 'trigger type')
    .option('--bucket <bucket>', 'bucket name (storage events)')
    .option('--key <key>', 'object key (storage events)')
    .option('--region <region>', 'region')
    .option('--event <event>', 'event name, e.g. oss:ObjectCreated:PutObject (storage events)')
    .option('--from <file>', 'trigger file (s.yaml) to take the trigger from')
    .option('--trigger <name>', 'name of the trigger in --from')
    .action(async (vendor: string | undefined, type: string | undefined, o: SampleCliOptions) => {
      code = await sampleCommand(vendor, type, o, io);
    });

  program
    .command('list')
    .description('every vendor/type pair with a one-line description')
    .addOption(formatOption())
    .action((o: { format: 'text' | 'json' }) => {
      code = listCommand(o, io);
    });

  if (argv.length === 0) {
    io.stderr(`trigger-lint event: a command is required: validate, sample or list (see trigger-lint event --help)\n`);
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version')
        return 0;
      io.stderr(`trigger-lint event: ${commanderMessage(e)} (see trigger-lint event --help)\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`trigger-lint event: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}
