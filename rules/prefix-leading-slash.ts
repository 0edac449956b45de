import type { Rule } from '../src/engine/rule.js';
import { isKnown } from '../src/model/model.js';
import { q, storageName } from '../src/model/filters.js';
import { typeSafeEdit } from '../src/source/scalar-edit.js';

export default {
  id: 'prefix-leading-slash',
  description: 'Disallow object prefixes that start with "/": object keys never do, so the trigger never fires',
  severity: 'error',
  scope: 'file',
  fixable: true,
  check({ model, sources, report }) {
    const texts = new Map(sources.map((s) => [s.path, s.text]));
    const parsed = new Map(sources.map((s) => [s.path, s.parsedText]));
    for (const t of model.storageTriggers) {
      if (!isKnown(t.prefix) || !t.prefix.value.startsWith('/')) continue;
      const fixed = t.prefix.value.replace(/^\/+/, '');
      const at = t.prefix.at;
      const text = texts.get(at.file) ?? '';
      const raw = text.slice(at.start, at.end);
      const open = raw[0] === '"' || raw[0] === "'" ? 1 : 0;
      const body = raw.slice(open);
      // Fix only a literal written in place (not a value that came from a variable).
      const slashes = /^\/+/.exec(body)?.[0].length ?? 0;
      const fixable = !t.prefix.origin && slashes > 0 && body.startsWith(t.prefix.value.slice(0, slashes));
      // the edit is checked on the edited document: where plain style would change the value's
      // type (`/123` → 123, `/#x` → a comment), the scalar is written quoted instead
      const fix = fixable ? typeSafeEdit(parsed.get(at.file) ?? text, at, fixed, { start: at.start + open, end: at.start + open + slashes, text: '' }) : undefined;
      report({
        at,
        message: `prefix ${q(t.prefix.value)} starts with "/": ${storageName(t)} object keys never do, so this trigger never fires; use ${q(fixed)}`,
        ...(fix ? { fix } : {}),
        key: `${t.function.name.value}/${t.name.value}`,
      });
    }
  },
} satisfies Rule;
