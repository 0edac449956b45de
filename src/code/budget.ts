// What reading handler code may cost (DESIGN.md §6: no handler-code folder costs more than 2 s).
// Per function and per run, in evaluation steps and in milliseconds; LintOptions.codeBudget
// overrides each. A function that reaches one is still checked with the writes found so far and
// gets an `incomplete-analysis` info finding ("handler code not fully read: …").
import type { CodeBudget } from '../types.js';
import { MAX_STEPS } from './context.js';

export const DEFAULT_CODE_BUDGET: Required<CodeBudget> = {
  functionMs: 2_000,
  runMs: 20_000,
  functionSteps: MAX_STEPS,
  runSteps: 20 * MAX_STEPS,
};

/** Local modules being loaded inside each other, at most (an import chain deeper than this is not followed). */
export const MAX_IMPORT_DEPTH = 32;

/** The run's budget, with what is left of it. */
export class RunBudget {
  readonly b: Required<CodeBudget>;
  private readonly end: number;
  private stepsLeft: number;

  constructor(
    budget: CodeBudget = {},
    readonly now = () => performance.now(),
  ) {
    this.b = {
      ...DEFAULT_CODE_BUDGET,
      ...Object.fromEntries(Object.entries(budget).filter(([, v]) => typeof v === 'number' && v >= 0)),
    };
    this.end = now() + this.b.runMs;
    this.stepsLeft = this.b.runSteps;
  }

  /** The limits of the next function: its own budget, within what is left of the run's. */
  forFunction(): { steps: number; deadline: number; run: boolean } {
    const steps = Math.min(this.b.functionSteps, this.stepsLeft);
    const deadline = Math.min(this.now() + this.b.functionMs, this.end);
    return { steps, deadline, run: steps < this.b.functionSteps || deadline === this.end };
  }

  spend(steps: number): void {
    this.stepsLeft = Math.max(0, this.stepsLeft - steps);
  }

  spent(): boolean {
    return this.stepsLeft <= 0 || this.now() >= this.end;
  }
}
