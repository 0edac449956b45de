// The format-adapter contract: one adapter per file format, holding every vendor quirk.
import type { Document } from 'yaml';
import type { FileModel, Vendor } from '../model/model.js';
import type { Source } from '../source/source.js';
import type { SchemaTarget } from '../model/schema-target.js';
import type { LintOptions } from '../types.js';

/** One value to check against a JSON Schema compiled into src/generated/config.js (defined in src/model/schema-target.ts). */
export type { SchemaTarget };

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
