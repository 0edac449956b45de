// The GitHub Action: lint the `paths` input, annotate every finding, write outputs, the job
// summary and (optionally) a SARIF file, and fail the step according to `fail-on`. The outcome is
// computed from the findings, never from what GitHub chooses to display.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { lint } from '../workflow/lint.js';
import type { Model } from '../model/model.js';
import { UsageError } from '../engine/errors.js';
import { TRIGGER_FILE_NAMES } from '../formats/index.js';
import type { Result } from '../types.js';
import stylish from '../reporters/stylish.js';
import { annotations, escapeData } from '../reporters/github.js';
import { omittedNote, toSarif } from '../reporters/sarif.js';
import { appendSummary, getInput, setOutput, type Env } from './runner.js';
import { summaryGraph, summaryMarkdown } from './summary.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionIo {
  env: Env;
  stdout: (s: string) => void;
  cwd: string;
}

export function shouldFail(result: Result, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'warning') return result.summary.errors + result.summary.warnings > 0;
  return result.summary.errors > 0;
}

/** Runs the Action; returns the process exit code (0 pass, 1 findings per fail-on, 2 could not lint). */
export async function runAction(io: ActionIo): Promise<number> {
  const { env, stdout } = io;
  try {
    return await run(io);
  } catch (e) {
    const message = e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}`;
    stdout(`::error title=trigger-lint::${escapeData(message)}\n`);
    setOutput(env, 'errors', '0', stdout);
    setOutput(env, 'warnings', '0', stdout);
    return 2;
  }
}

async function run({ env, stdout, cwd }: ActionIo): Promise<number> {
  const workspace = env.GITHUB_WORKSPACE || cwd;
  const paths = (getInput(env, 'paths') || '.').split(/\s+/).filter(Boolean);
  const failOn = (getInput(env, 'fail-on') || 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}"`);
  const sarifInput = getInput(env, 'sarif');

  let model: Model | undefined;
  const result = await lint(paths, { cwd: workspace, env, onModel: (m) => { model = m; } });
  if (result.unrecognized.length) throw new UsageError(`${result.unrecognized[0]}: not a trigger file trigger-lint knows`);
  if (result.files.length === 0) throw new UsageError(`no trigger file found in ${paths.join(', ')} (looked for ${TRIGGER_FILE_NAMES.join(', ')})`);

  // The log holds everything: the stylish report, then one annotation per finding.
  stdout(stylish(result, { color: false, cwd: workspace }));
  const notes = annotations(result);
  if (notes.length) stdout(notes.join('\n') + '\n');

  let sarifFile = '';
  if (sarifInput) {
    sarifFile = isAbsolute(sarifInput) ? sarifInput : resolve(workspace, sarifInput);
    mkdirSync(dirname(sarifFile), { recursive: true });
    const log = toSarif(result, workspace);
    writeFileSync(sarifFile, JSON.stringify(log, null, 2) + '\n');
    const note = omittedNote(log);
    if (note) stdout(`::warning title=trigger-lint SARIF::${escapeData(note)}\n`);
  }

  const failed = shouldFail(result, failOn);
  appendSummary(env, summaryMarkdown({ result, failOn, failed, sarifFile: sarifInput || undefined, graph: model && summaryGraph(model, result) }));
  setOutput(env, 'errors', String(result.summary.errors), stdout);
  setOutput(env, 'warnings', String(result.summary.warnings), stdout);
  setOutput(env, 'sarif-file', sarifFile, stdout);
  if (failed) stdout(`trigger-lint: failing the step (fail-on: ${failOn})\n`);
  return failed ? 1 : 0;
}
