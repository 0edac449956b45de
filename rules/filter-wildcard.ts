import type { Rule } from '../src/engine/rule.js';
import { isKnown } from '../src/model/model.js';
import { q, storageName } from '../src/model/filters.js';
import { VENDORS } from '../src/model/vendors.js';

const WILD = /[*?[]/;
/** Characters object storage URL-encodes in event keys: a space, "+", "%", anything outside ASCII. */
const ENCODED = /[ +%]|[^\x00-\x7F]/u;
/** An unpaired UTF-16 surrogate (a "\uD800" escape in YAML or JSON): not a character, so no UTF-8 key holds it. */
const UNPAIRED = /\p{Cs}/u;

/** What the user most likely meant: the literal text before the wildcard, and an extension after it. */
function suggestion(kind: 'prefix' | 'suffix', value: string): string {
  const i = value.search(WILD);
  if (kind === 'suffix') {
    const tail = value.slice(value.lastIndexOf('*') + 1).replace(/[?[\]]/g, '');
    return tail ? `use suffix ${q(tail)}` : 'use an empty suffix';
  }
  const head = value.slice(0, i);
  const ext = /\.[A-Za-z0-9]+$/.exec(value.slice(i))?.[0];
  return ext ? `use prefix ${q(head)} with suffix ${q(ext)}` : `use prefix ${q(head)}`;
}

export default {
  id: 'filter-wildcard',
  description:
    'Warn about "*", "?" or "[" in a prefix or suffix (filters are literal text, not globs or regexes) and about characters event keys carry URL-encoded',
  severity: 'warning',
  scope: 'file',
  check({ model, report }) {
    for (const t of model.storageTriggers) {
      for (const kind of ['prefix', 'suffix'] as const) {
        const l = t[kind];
        if (!isKnown(l)) continue;
        const unpaired = UNPAIRED.exec(l.value);
        if (unpaired) {
          report({
            at: l.at,
            message: `${kind} ${q(l.value)} contains ${q(unpaired[0])}, half of a UTF-16 surrogate pair and not a character: object keys are UTF-8 text and can never contain it, so this ${kind} never matches; remove the escape, or write the character it was meant to be`,
            key: `${t.function.name.value}/${t.name.value}`,
          });
          continue;
        }
        const enc = ENCODED.exec(l.value);
        if (enc) {
          const how = VENDORS[t.function.vendor].encodedFilterValues
            ? `${storageName(t)} requires such characters in a filter value to be entered URL-encoded (percent-encoded), so the literal text may never match; write it URL-encoded (e.g. ${q(encodeURIComponent(l.value).replace(/%2F/g, '/'))})`
            : `${storageName(t)} sends event keys URL-encoded, so a filter with it may match differently than it reads; check it with a real upload, or keep such characters out of the ${kind}`;
          report({
            at: l.at,
            message: `${kind} ${q(l.value)} contains ${enc[0] === ' ' ? 'a space' : q(enc[0])}: ${how}`,
            key: `${t.function.name.value}/${t.name.value}`,
          });
        }
        const m = WILD.exec(l.value);
        if (!m) continue;
        report({
          at: l.at,
          message: `${kind} ${q(l.value)} contains ${q(m[0])}: ${storageName(t)} trigger filters are literal text, not globs or regular expressions, so it only matches keys with a literal ${q(m[0])}; ${suggestion(kind, l.value)}`,
          key: `${t.function.name.value}/${t.name.value}`,
        });
      }
    }
  },
} satisfies Rule;
