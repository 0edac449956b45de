// Run the bundled GitHub Action as the runner starts it: `node action/index.js` with GITHUB_* and
// INPUT_* variables (every input of action.yml, with its default unless given).
import { expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ACTION, ROOT, node, type Run } from './helpers.js';

export interface ActionRun extends Run {
  outputs: Record<string, string>;
  summary: string;
  annotations: string[];
}

/** Parse GITHUB_OUTPUT written with the `name<<delimiter` syntax. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (!m) {
      expect(lines[i], `unexpected GITHUB_OUTPUT line ${i + 1}`).toBe('');
      continue;
    }
    const end = lines.indexOf(m[2], i + 1);
    expect(end, `no closing delimiter for ${m[1]}`).toBeGreaterThan(i);
    out[m[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

/**
 * The workflow commands the runner executes from a log, as the runner reads it: a line ends at
 * "\n" or "\r"; between `::stop-commands::<token>` and `::<token>::` nothing is a command.
 */
export function executedCommands(log: string): string[] {
  const out: string[] = [];
  let stopped: string | undefined;
  for (const line of log.split(/\r\n|\n|\r/)) {
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stopped = stop[1];
      continue;
    }
    if (line.startsWith('::')) out.push(line);
  }
  return out;
}

export function runAction(workspace: string, inputs: Record<string, string> = {}): ActionRun {
  const outFile = join(workspace, '..', `${workspace.split('/').pop()}-output`);
  const summaryFile = join(workspace, '..', `${workspace.split('/').pop()}-summary`);
  writeFileSync(outFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  // as the runner does: every input declared in action.yml, with its default unless given
  const meta = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  for (const [name, spec] of Object.entries<any>(meta.inputs))
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? String(spec.default ?? '');
  const r = node(ACTION, [], { cwd: workspace, env });
  return {
    ...r,
    outputs: parseOutputs(readFileSync(outFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations: executedCommands(r.stdout),
  };
}
