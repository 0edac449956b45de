// The engine bound to the registered rules (rules/index.ts). The engine takes the rules it runs as
// a parameter and imports none; this is the one place above both that hands it the list.
import { RULES } from '../../rules/index.js';
import * as engine from '../engine/lint.js';
import type { Input, Result } from '../types.js';
import type { Source } from '../source/source.js';
import type { Prebuilt, RunOptions } from '../engine/lint.js';

export type { RunOptions };

/** Lint paths and inline inputs with every registered rule. */
export function lint(inputs: (string | Input)[], options: RunOptions = {}): Promise<Result> {
  return engine.lint(RULES, inputs, options);
}

/** Lint parsed sources with every registered rule (handler code only if its parser is loaded). */
export function lintSources(
  sources: Source[],
  options: RunOptions = {},
  named = new Set<string>(),
  prebuilt?: Prebuilt,
): Result {
  return engine.lintSources(RULES, sources, options, named, prebuilt);
}

/** `lintSources`, loading the handler-code parser first when the run has code to read. */
export function lintSourcesAsync(
  sources: Source[],
  options: RunOptions = {},
  named = new Set<string>(),
  prebuilt?: Prebuilt,
): Promise<Result> {
  return engine.lintSourcesAsync(RULES, sources, options, named, prebuilt);
}
