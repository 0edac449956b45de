// `trigger-lint rule [id]`: a rule's documentation page (docs/rules/<id>.md: what it reports,
// why, examples, options, sources) in the terminal, as `ruff rule` does; without an id, the list
// of rules. The pages ship in the npm package (docs/), next to dist/; they are read from disk,
// not bundled, so the CLI's start-up does not parse 100 KB of Markdown it rarely prints.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../rules/index.js';
import { UsageError } from '../source/errors.js';
import { helpUri } from '../reporters/links.js';
import type { Io } from './io.js';
import { unknownValue } from './usage.js';

const USAGE = `Usage: trigger-lint rule [id]

Print a rule's documentation page (what it reports, why, examples, options, sources); without an
id, list the rules with their default severity.
`;

/** docs/rules/ of this package: beside dist/ (the bundle) or two folders up (src/cli/, in tests). */
function pagesDir(): string | undefined {
  for (const rel of ['../docs/rules/', '../../docs/rules/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  return undefined;
}

/** The rule's page as Markdown; undefined when the docs are not installed next to the CLI. */
export function rulePage(id: string): string | undefined {
  const dir = pagesDir();
  const file = dir && `${dir}${id}.md`;
  return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function ruleList(): string {
  const w = Math.max(...RULES.map((r) => r.id.length));
  const lines = RULES.map(
    (r) =>
      `${r.id.padEnd(w)}  ${(r.defaultOff ? 'off' : r.severity).padEnd(7)}  ${r.fixable ? 'fixable ' : '        '}${r.description}`,
  );
  return `${lines.join('\n')}\n\ntrigger-lint rule <id> prints a rule's page\n`;
}

export function runRuleCli(args: string[], io: Io): number {
  try {
    if (args.includes('-h') || args.includes('--help')) {
      io.stdout(USAGE);
      return 0;
    }
    const flag = args.find((a) => a.startsWith('-'));
    if (flag) throw new UsageError(`unknown option "${flag}" for rule; the command takes a rule id only`);
    if (args.length > 1) throw new UsageError(`rule takes one rule id, got ${args.length}: ${args.join(' ')}`);
    if (args.length === 0) {
      io.stdout(ruleList());
      return 0;
    }
    const rule = RULES.find((r) => r.id === args[0]);
    if (!rule) {
      const e = unknownValue(
        'rule',
        args[0],
        RULES.map((r) => r.id),
        false,
      );
      throw new UsageError(`${e.message}${e.message.includes('did you mean') ? '' : '; trigger-lint rule lists them'}`);
    }
    const page = rulePage(rule.id);
    io.stdout(
      page ??
        `${rule.id}: ${rule.description}\n\nThe documentation pages are not installed next to this trigger-lint; read it at ${helpUri(rule.id)}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`trigger-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
