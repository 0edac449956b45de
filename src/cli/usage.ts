// Usage errors a person can act on: one line each, naming the closest valid value
// ("did you mean") for flags, formats, rule ids, severities, input formats and commands.
import { CommanderError } from 'commander';
import { didYouMean } from '../source/suggest.js';
import { UsageError } from '../engine/errors.js';

/** The closest candidate by edit distance, else the one candidate that contains the input ("fc3"). */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const near = didYouMean(input, candidates);
  if (near) return near;
  if (input.length < 2) return undefined;
  const lower = input.toLowerCase();
  const containing = candidates.filter((c) => c.toLowerCase().includes(lower));
  return containing.length === 1 ? containing[0] : undefined;
}

/** `unknown <what> "x"; did you mean "y"?` or `…; use one of a, b, c`. */
export function unknownValue(what: string, input: string, candidates: readonly string[], listAll = true): UsageError {
  const guess = closest(input, candidates);
  const tail = guess ? `did you mean "${guess}"?` : listAll ? `use one of ${candidates.join(', ')}` : '';
  return new UsageError(`unknown ${what} "${input}"${tail ? `; ${tail}` : ''}`);
}

/** commander's message as one line: "unknown option '--quite'; did you mean --quiet?". */
export function commanderMessage(e: CommanderError): string {
  return e.message
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean (.*)\?\)$/s, '; did you mean $1?')
    .replace(/\s*\n\s*/g, ' ');
}
