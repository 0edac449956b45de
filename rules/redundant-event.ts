import type { Fix } from '../src/types.js';
import type { Rule } from '../src/engine/rule.js';
import { isKnown, type Located } from '../src/model/model.js';
import { normaliseEvent } from '../src/model/vendors.js';
import { q } from '../src/model/filters.js';
import { textsOf } from '../src/model/span.js';

/** The edit that removes one sequence entry: its whole line in a block sequence, the item and a comma in a flow one. */
export function removeEntry(text: string, item: Located<string>): Fix | undefined {
  if (item.origin) return undefined;
  const { start, end } = item.at;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  if (/^\s*-\s*$/.test(text.slice(lineStart, start)) && /^[ \t]*(#.*)?\r?\n?$/.test(text.slice(end, lineEnd))) {
    return { start: lineStart, end: lineEnd, text: '' };
  }
  const before = /,\s*$/.exec(text.slice(Math.max(0, start - 200), start));
  if (before) return { start: start - before[0].length, end, text: '' };
  const after = /^\s*,\s*/.exec(text.slice(end, end + 200));
  if (after) return { start, end: end + after[0].length, text: '' };
  return undefined;
}

export default {
  id: 'redundant-event',
  description: 'Disallow event lists that name an event twice, or a wildcard and a member of its family',
  severity: 'warning',
  fixable: true,
  check({ model, sources, report }) {
    const texts = textsOf(sources);
    for (const t of model.storageTriggers) {
      const vendor = t.function.vendor;
      const seen = new Map<string, Located<string>>();
      const items = t.eventItems.filter((i): i is Located<string> & { value: string } => isKnown(i));
      const wildcards = new Map<string, Located<string>>();
      for (const i of items) {
        const n = normaliseEvent(vendor, i.value);
        if (n.endsWith(':*') && !wildcards.has(n)) wildcards.set(n, i);
      }
      for (const item of items) {
        const name = normaliseEvent(vendor, item.value);
        const family = name.split(':')[0];
        const wildcard = name.endsWith(':*') ? undefined : wildcards.get(`${family}:*`);
        const twin = seen.get(name);
        if (!twin) seen.set(name, item);
        const covering = twin ?? wildcard;
        if (!covering || !isKnown(covering)) continue;
        const huawei = vendor === 'huawei' && !twin ? ' (the FunctionGraph console refuses this combination)' : '';
        const message = twin
          ? `event ${q(item.value)} is listed twice in ${t.name.value ? `trigger ${q(String(t.name.value))}` : 'this trigger'}; remove the second`
          : `event ${q(item.value)} is already covered by ${q(covering.value)}${huawei}; remove it`;
        const fix = removeEntry(texts.get(item.at.file) ?? '', item);
        report({
          at: item.at,
          message,
          ...(fix ? { fix } : {}),
          related: [{ at: covering.at, message: twin ? 'first listed here' : `the wildcard ${q(covering.value)}` }],
          key: `${t.function.name.value}/${t.name.value}/${item.value}`,
        });
      }
    }
  },
} satisfies Rule;
