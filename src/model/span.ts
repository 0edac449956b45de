// Spans inside a located string value: the offsets of a part of the value in the file, when the
// value is written in place (plain or quoted without escapes); otherwise the whole value.
import { isKnown, type Located } from './model.js';
import type { Location } from '../types.js';

export function innerSpan(texts: Map<string, string>, l: Located<string>, start: number, end: number): Location {
  if (!isKnown(l) || l.origin) return l.at;
  const raw = (texts.get(l.at.file) ?? '').slice(l.at.start, l.at.end);
  const quote = raw[0] === '"' || raw[0] === "'" ? 1 : 0;
  if (raw.slice(quote, quote + l.value.length) !== l.value || raw.length - l.value.length > 2 * quote) return l.at;
  const s = Math.max(0, Math.min(start, l.value.length));
  const e = Math.max(s, Math.min(end, l.value.length));
  return {
    file: l.at.file,
    start: l.at.start + quote + s,
    end: l.at.start + quote + (e > s ? e : Math.min(s + 1, l.value.length)),
  };
}

export function textsOf(sources: { path: string; text: string }[]): Map<string, string> {
  return new Map(sources.map((s) => [s.path, s.text]));
}
