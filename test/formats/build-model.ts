// Shared by the format specs: build the Model of one in-memory file and slice located values.
import { buildModel } from '../../src/engine/lint.js';
import { parseSource } from '../../src/source/source.js';
import { isStorage, type Located, type StorageTrigger } from '../../src/model/model.js';

export function model(path: string, text: string, env: Record<string, string> = {}) {
  const src = parseSource(path, text);
  const loaded = buildModel([src], { env }, new Set([path]));
  return { ...loaded, text, storage: loaded.model.triggers.filter(isStorage) as StorageTrigger[] };
}

/** The source text a located value points at. */
export function at(
  text: string,
  l: Located<unknown> | { at: { start: number; end: number } } | { start: number; end: number } | undefined,
): string {
  if (!l) return '<none>';
  const loc = 'at' in l ? l.at : l;
  return text.slice(loc.start, loc.end);
}
