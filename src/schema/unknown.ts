// Unknown values never cause a finding (docs/architecture.md, "The pipeline"). An error is caused by an unknown value
// when it sits at or under an unknown pointer, when it judges a whole container that holds one
// (uniqueItems, contains, enum/const of an object, oneOf, not), or when it comes from an
// `else`/`not` branch next to one (an unknown value fails every positive condition, so it
// would select the `else` branch for the wrong reason: write schemas with positive `if`s).
import type { AjvError } from './types.js';
import { isAtOrUnder, parent } from './paths.js';

const WHOLE_CONTAINER = new Set([
  'uniqueItems',
  'contains',
  'enum',
  'const',
  'oneOf',
  'not',
  'minContains',
  'maxContains',
  'dependencies',
  'dependentRequired',
  'propertyNames',
]);

export function causedByUnknown(e: AjvError, unknown: ReadonlySet<string>): boolean {
  if (!unknown.size) return false;
  const p = e.instancePath;
  for (let a = p; ; a = parent(a)) {
    if (unknown.has(a)) return true;
    if (a === '') break;
  }
  if (WHOLE_CONTAINER.has(e.keyword)) for (const u of unknown) if (isAtOrUnder(u, p)) return true;
  if (/\/(else|not)(\/|$)/.test(e.schemaPath)) {
    const scope = e.keyword === 'required' ? p : parent(p);
    for (const u of unknown) if (isAtOrUnder(u, scope)) return true;
  }
  return false;
}
