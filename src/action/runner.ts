// The GitHub Actions runner's side of the contract, without @actions/core: inputs from
// INPUT_<NAME> variables, outputs and the job summary through the files the runner names in
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY (docs: "Workflow commands for GitHub Actions").
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

export type Env = Record<string, string | undefined>;

/** An input as the runner passes it: INPUT_ + name upper-cased, spaces as "_" (hyphens kept). */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** `name<<delimiter` … `delimiter`: the multi-line-safe form of a step output. */
export function outputRecord(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`output delimiter "${delimiter}" occurs in the output`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export function setOutput(env: Env, name: string, value: string, stdout: (s: string) => void): void {
  const file = env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, outputRecord(name, value));
  else stdout(`${name}=${value}\n`); // not on a runner: show it in the log
}

export function appendSummary(env: Env, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown);
  return true;
}
