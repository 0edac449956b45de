// "s.yaml:14": the place a message names when it refers to another location (the other trigger
// of an overlap, the first use of a name, where the function's region is set).
import type { Location } from '../types.js';
import type { Source } from './source.js';

const cache = new WeakMap<readonly Source[], Map<string, Source>>();

/** `path:line` of a location in one of the run's sources (just the path when it is not one of them). */
export function where(sources: readonly Source[], at: Location): string {
  let byPath = cache.get(sources);
  if (!byPath) cache.set(sources, (byPath = new Map(sources.map((s) => [s.path, s]))));
  const src = byPath.get(at.file);
  return src ? `${at.file}:${src.lineCounter.linePos(at.start).line}` : at.file;
}
