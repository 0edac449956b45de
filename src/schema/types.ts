// Types of the schema checker: ajv's error objects (compiled with `verbose`, so each carries the
// failing schema, its parent schema and the data) and the house-style issues made from them.
import type { ErrorObject } from 'ajv';
import type { Fix, Location } from '../types.js';

/** An ajv error as produced by the standalone validators (`verbose: true`). */
export type AjvError = ErrorObject<string, Record<string, any>, unknown> & {
  parentSchema?: SchemaNode;
  data?: unknown;
};

/**
 * A JSON Schema object as read back from an error. Besides standard keywords, trigger-lint's
 * schemas may carry these annotations (ajv ignores them; the messages use them):
 * - `x-name`: what the value is called in messages ("OSS event", "triggerType");
 * - `x-hint`: the remedy appended to enum/pattern/type/range messages;
 * - `x-required-hints`: key → remedy for a missing required key;
 * - `x-foreign-keys`: key → what to say when that key appears here (it belongs to another
 *   trigger type or format); `{ message, replaces }` also names the required key it stands for;
 * - `x-form`: how an anyOf/oneOf branch is named when the value matches no branch
 *   (`"auto" (or "auto|key=value")` for a pattern that a bare type would call "a string").
 */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  $ref?: string;
  'x-name'?: string;
  'x-hint'?: string;
  'x-form'?: string;
  'x-required-hints'?: Record<string, string>;
  'x-foreign-keys'?: Record<string, ForeignKey>;
  [k: string]: unknown;
}

export type ForeignKey = string | { message: string; replaces?: string };

/** One rewritten schema error. */
export interface SchemaIssue {
  at: Location;
  message: string;
  /** Edits that go in together (a key rename, and the renames of keys under it). */
  fix?: Fix[];
  /** The JSON pointer (relative to the target) the issue is about. */
  pointer: string;
  /** The ajv keyword behind it (for tests and debugging). */
  keyword: string;
}
