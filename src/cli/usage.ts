// Usage errors a person can act on: one line each, naming the closest valid value
// ("did you mean") for flags, formats, rule ids, severities, input formats and commands.
import { CommanderError } from 'commander';
import { closest } from '../source/suggest.js';
import { UsageError } from '../source/errors.js';

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
