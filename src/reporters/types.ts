import type { Result } from '../types.js';

export interface ReporterContext {
  /** Colour output (TTY and no NO_COLOR). */
  color: boolean;
  cwd: string;
}

export type Reporter = (result: Result, ctx: ReporterContext) => string;
