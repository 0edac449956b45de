import type { Rule } from '../src/engine/rule.js';
import { isKnown } from '../src/model/model.js';
import { q, storageName } from '../src/model/filters.js';
import { VENDORS } from '../src/model/vendors.js';

export default {
  id: 'prefix-leading-slash',
  description: 'Disallow object prefixes that start with "/": where the storage service forbids such keys the trigger never fires; elsewhere it matches only keys written with a leading "/"',
  severity: 'error',
  scope: 'file',
  fixable: true,
  check({ model, sources, report }) {
    const texts = new Map(sources.map((s) => [s.path, s.text]));
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
      const key = `${t.function.name.value}/${t.name.value}`;
      // where keys may start with "/" (S3 and the S3-compatible stores), the prefix is legal but
      // matches only keys written that way: a warning, and no automatic rewrite of what it matches
      if (VENDORS[t.function.vendor].leadingSlashKeys.keys === 'allowed') {
        report({
          at,
          severity: 'warning',
          message: `prefix ${q(t.prefix.value)} starts with "/": it matches only ${storageName(t)} keys that start with "/", which ${storageName(t)} clients rarely write; if the keys look like ${q(`${fixed}…`)}, use ${q(fixed)}`,
          key,
        });
        continue;
      }
      report({
        at,
        message: `prefix ${q(t.prefix.value)} starts with "/": ${storageName(t)} object keys never do, so this trigger never fires; use ${q(fixed)}`,
        ...(fixable ? { fix: { start: at.start + open, end: at.start + open + slashes, text: '' } } : {}),
        key,
      });
    }
  },
} satisfies Rule;
