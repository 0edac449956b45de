// The values a Terraform expression evaluates to, each with the place it was written. A string
// keeps, per character, the offset (and one more entry: the end) of the text it came from (so a JSON document written inside a
// heredoc or an escaped string literal is located character by character); an expression
// trigger-lint does not evaluate is `unknown` — never a guess.
import type { Location } from '../../types.js';

/** A resource attribute the evaluator could not read (`aws_lambda_function.f.arn`): kept to link resources. */
export interface ResourceRef {
  type: string;
  name: string;
  attr: string;
}

export type TfValue =
  | { t: 'str'; v: string; at: Location; map?: number[]; origin?: Location; display?: string }
  | { t: 'num'; v: number; at: Location }
  | { t: 'bool'; v: boolean; at: Location }
  | { t: 'null'; at: Location }
  | { t: 'list'; items: TfValue[]; at: Location }
  | { t: 'obj'; fields: Map<string, { key: Location; val: TfValue }>; at: Location }
  | { t: 'unknown'; reason: string; at: Location; ref?: ResourceRef };

export const unknown = (reason: string, at: Location, ref?: ResourceRef): TfValue => ({
  t: 'unknown',
  reason,
  at,
  ...(ref ? { ref } : {}),
});

/** A string value's text, or undefined for anything else. */
export function str(v: TfValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.t === 'str') return v.v;
  if (v.t === 'num') return String(v.v);
  if (v.t === 'bool') return String(v.v);
  return undefined;
}

/** Field of an object value. */
export function field(v: TfValue | undefined, ...names: string[]): TfValue | undefined {
  if (!v || v.t !== 'obj') return undefined;
  for (const n of names) {
    const f = v.fields.get(n);
    if (f) return f.val;
  }
  return undefined;
}

/** The file location of characters [from, to) of a string value (the whole value when they were not written in place). */
export function spanOf(v: Extract<TfValue, { t: 'str' }>, from: number, to: number): Location {
  const m = v.map;
  if (!m) return v.at;
  const a = m[from];
  const b = m[to];
  if (a === undefined || b === undefined || a < 0 || b < a) return v.at;
  return { file: v.at.file, start: a, end: b };
}
