// The format-adapter contract: one adapter per file format, holding every vendor quirk.
import type { Document } from 'yaml';
import type { FileModel, Vendor } from '../model/model.js';
import type { Source } from '../source/source.js';
import type { JsonView } from './resolve.js';
import type { LintOptions } from '../types.js';

/** One value to check against a JSON Schema compiled into src/generated/config.js. */
export interface SchemaTarget {
  /** Key of the compiled validator, e.g. 'config/fc3'. */
  schema: string;
  view: JsonView;
  /** Where the validated object sits, for `required` errors at the root. */
  label: string;
  /** Keys of other formats and what to say about them (e.g. fc3 `bucketName` is legacy fc). */
  foreignKeys?: Record<string, string>;
}

export interface BuildResult extends Omit<FileModel, 'path' | 'format' | 'vendor'> {
  /** Computed only when the `schema` rule runs. */
  schemaTargets?: () => SchemaTarget[];
}

export interface FormatAdapter {
  id: string;
  vendor: Vendor;
  /** One-line description for docs and `--list-formats`. */
  description: string;
  /** File names a directory scan offers this adapter. */
  fileNames: string[];
  detect(doc: Document.Parsed, source: Source): boolean;
  build(doc: Document.Parsed, source: Source, options: LintOptions): BuildResult;
}
