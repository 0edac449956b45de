// The GitHub Action: lint the `paths` input, annotate every finding, write outputs, the job
// summary and (optionally) a SARIF file, and fail the step according to `fail-on`. The outcome is
// computed from the findings, never from what GitHub chooses to display.
import { isAbsolute, resolve } from 'node:path';
import { runWorkflow } from '../workflow/run.js';
import { writeReport } from '../source/containment.js';
import { envSecrets, redactDeep } from '../workflow/env-redact.js';
import type { Model } from '../model/model.js';
import { UsageError } from '../source/errors.js';
import { TRIGGER_FILE_NAMES } from '../formats/index.js';
import type { Result } from '../types.js';
import stylish from '../reporters/stylish.js';
import { annotation, annotations, escapeData } from '../reporters/github.js';
import { internalErrorFindings } from '../engine/crash.js';
import { framedForRunner, showControls } from '../reporters/escape.js';
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

/** The annotations of a run: one per finding, then one per internal error (rule or format, file, position). */
export function actionNotes(result: Result): string[] {
  return [...annotations(result), ...internalErrorFindings(result.internalErrors).map(annotation)];
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
    stdout(`::error title=trigger-lint::${escapeData(showControls(message))}\n`);
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
  const readEnv = getInput(env, 'read-env');
  if (readEnv && readEnv !== 'true' && readEnv !== 'false')
    throw new UsageError(`read-env must be true or false, got "${readEnv}"`);
  const config = getInput(env, 'config');

  // as the CLI does: the repository's .trigger-lint.yaml (or the `config` input) and baseline;
  // the environment is read only when the workflow's `read-env` input says so (never by the repository's readEnv key)
  let model: Model | undefined;
  const log: string[] = [];
  const result = await runWorkflow(
    paths,
    {
      cwd: workspace,
      onModel: (m) => {
        model = m;
      },
    },
    { ...(config ? { config } : {}), readEnv: readEnv === 'true', root: workspace },
    {
      cwd: workspace,
      env,
      stdout: (s) => {
        log.push(s);
      },
      stderr: (s) => {
        log.push(s);
      },
    },
  );
  if (result.unrecognized.length)
    throw new UsageError(`${result.unrecognized[0]}: not a trigger file trigger-lint knows`);
  if (result.files.length === 0)
    throw new UsageError(`no trigger file found in ${paths.join(', ')} (looked for ${TRIGGER_FILE_NAMES.join(', ')})`);

  // The log holds everything: the stylish report, then one annotation per finding. The report
  // (and the workflow's notes) carry user text: between ::stop-commands:: and a token nobody
  // could know in advance, the runner executes no workflow command from it.
  stdout(framedForRunner(log.join('') + stylish(result, { color: false, cwd: workspace })));
  const notes = actionNotes(result);
  if (notes.length) stdout(notes.join('\n') + '\n');

  let sarifFile = '';
  if (sarifInput) {
    sarifFile = isAbsolute(sarifInput) ? sarifInput : resolve(workspace, sarifInput);
    const sarif = toSarif(result, workspace);
    // never through a symlink the pull request committed, never outside the workspace
    writeReport(sarifFile, JSON.stringify(sarif, null, 2) + '\n', sarifInput, workspace, { mkdir: true });
    const note = omittedNote(sarif);
    if (note) stdout(`::warning title=trigger-lint SARIF::${escapeData(note)}\n`);
  }

  // a crash in a rule or an adapter fails the step whatever fail-on says (the CLI exits 2)
  const failed = shouldFail(result, failOn) || !!result.internalErrors?.length;
  appendSummary(
    env,
    summaryMarkdown({
      result,
      failOn,
      failed,
      sarifFile: sarifInput || undefined,
      graph:
        model &&
        summaryGraph(model, result, (g) =>
          readEnv === 'true' ? redactDeep(g, envSecrets(env, result.texts.values())) : g,
        ),
    }),
  );
  setOutput(env, 'errors', String(result.summary.errors), stdout);
  setOutput(env, 'warnings', String(result.summary.warnings), stdout);
  setOutput(env, 'sarif-file', sarifFile, stdout);
  if (failed) stdout(`trigger-lint: failing the step (fail-on: ${failOn})\n`);
  return failed ? 1 : 0;
}
