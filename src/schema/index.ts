// The schema checker's entry point: a SchemaTarget (from any format adapter) in, issues out.
// Validators are compiled ahead of time from schemas/config/*.json by scripts/build.mjs.
import { validators } from '../generated/config.js';
import type { SchemaTarget } from '../formats/types.js';
import type { SchemaIssue } from './types.js';
import { checkWith } from './validate.js';

export type { SchemaIssue } from './types.js';
export { checkWith } from './validate.js';

/** Issues of one target; a target whose schema is not compiled in is skipped (returns undefined). */
export function checkTarget(target: SchemaTarget, text?: string): SchemaIssue[] | undefined {
  const validate = validators[target.schema];
  return validate ? checkWith(validate, target, text) : undefined;
}
