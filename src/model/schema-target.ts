// What a format adapter hands the `schema` rule: a document's value as JSON (with the location of
// every key and value) and the key of the JSON Schema to check it against.
import type { Location } from '../types.js';

export interface JsonView {
  value: unknown;
  /** JSON pointer → key and value locations. */
  locations: Map<string, { key?: Location; value: Location }>;
  /** JSON pointers whose value is unknown (errors at or under them are dropped). */
  unknown: Set<string>;
}

/** One value to check against a JSON Schema compiled into src/generated/config.js. */
export interface SchemaTarget {
  /** Key of the compiled validator, e.g. 'config/fc3'. */
  schema: string;
  view: JsonView;
  /** Where the validated object sits, for `required` errors at the root. */
  label: string;
  /** Keys of other formats and what to say about them (e.g. fc3 `bucketName` is legacy fc). */
  foreignKeys?: Record<string, string>;
  /** How the file quotes a string, for "quote it" remedies: YAML `'` (default); Terraform `"`. */
  quote?: string;
}
