import type { Result } from '../types.js';

export interface ReporterContext {
  /** Colour output (TTY and no NO_COLOR). */
  color: boolean;
  cwd: string;
  /** A note for the person running the tool (stderr), e.g. that a SARIF run was capped. */
  warn?: (message: string) => void;
  /** Warnings fail this run (`--max-warnings` exceeded): reports that mark failures count them too. */
  warningsFail?: boolean;
}

export type Reporter = (result: Result, ctx: ReporterContext) => string;
