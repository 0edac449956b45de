// The registry of format adapters, in detection order (most specific first).
import type { FormatAdapter } from './types.js';
import fc3 from './fc3.js';

export const FORMATS: FormatAdapter[] = [fc3];

/** File names a directory scan looks for. */
export const TRIGGER_FILE_NAMES = [...new Set(FORMATS.flatMap((f) => f.fileNames))].sort();

export function formatById(id: string): FormatAdapter | undefined {
  return FORMATS.find((f) => f.id === id);
}
