// A "unit": the per-file work's result (Models, syntax diagnostics, file-scoped reports) as plain
// JSON data, as worker threads send it and the cache file stores it.
import type { SyntaxDiagnostic } from '../source/source.js';
import type { Report } from '../types.js';
import type { Crash } from './crash.js';

/** What the per-file work produces, as plain JSON data (cache entries and worker messages). */
export interface EncodedUnit {
  format: string | null;
  syntax: SyntaxDiagnostic[];
  placeholders: { start: number; end: number }[];
  files: unknown[];
  /** Reports of the file-scoped rules, by rule id. */
  reports: Record<string, Report[]>;
  /** Environment variables read while resolving `${env…}` references (null: unset), or '*' when all were enumerated. */
  env: Record<string, string | null> | '*';
  /** Exceptions caught in an adapter or a file-scoped rule (src/engine/crash.ts); absent when none. */
  crashes?: Crash[];
}
