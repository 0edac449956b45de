// Suggesting a rule id for a misspelled one: edit distance first (src/source/suggest.ts), then a
// shortened id whose words all appear, in order, in exactly one rule id ("prefix-slash" →
// "prefix-leading-slash").
import { didYouMean } from '../source/suggest.js';

export function suggestRuleId(input: string, ids: Iterable<string>): string | undefined {
  const list = [...ids];
  const close = didYouMean(input, list);
  if (close) return close;
  const words = input
    .toLowerCase()
    .split(/[-_\s]+/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const hits = list.filter((id) => {
    const parts = id.split('-');
    let i = 0;
    for (const p of parts) if (i < words.length && p === words[i]) i++;
    return i === words.length;
  });
  return hits.length === 1 ? hits[0] : undefined;
}
