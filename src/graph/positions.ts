// Offsets ↔ 1-based line:column over the texts of a run (Result.texts), so graph elements can be
// matched with findings (which carry line:column for related locations) and located in the output.
import { LineIndex } from '../source/line-index.js';
import type { Location } from '../types.js';
import type { GraphPosition } from './types.js';

export class Positions {
  private counters = new Map<string, LineIndex>();

  constructor(private readonly texts: Map<string, string>) {}

  private counter(path: string): LineIndex | undefined {
    let lc = this.counters.get(path);
    if (lc) return lc;
    const text = this.texts.get(path);
    if (text === undefined) return undefined;
    lc = new LineIndex(text);
    this.counters.set(path, lc);
    return lc;
  }

  position(at: Location): GraphPosition | undefined {
    const lc = this.counter(at.file);
    if (!lc) return undefined;
    const p = lc.linePos(at.start);
    return { path: at.file, line: p.line, column: p.col };
  }

  /** The offset of a 1-based line:column; undefined for a file the run did not read. */
  offset(path: string, line: number, column: number): number | undefined {
    const lc = this.counter(path);
    if (!lc) return undefined;
    return lc.offset(line, column);
  }
}

/** Whether `at` covers the offset (an empty span covers its start). */
export function covers(at: Location, path: string, offset: number): boolean {
  return at.file === path && at.start <= offset && offset < Math.max(at.end, at.start + 1);
}
