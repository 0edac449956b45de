import type { Rule } from '../src/engine/rule.js';
import { isKnown } from '../src/model/model.js';
import { q, storageName } from '../src/model/filters.js';
import { VENDORS } from '../src/model/vendors.js';
import { typeSafeEdit } from '../src/source/scalar-edit.js';

export default {
  id: 'prefix-leading-slash',
  description:
    'Disallow object prefixes that start with "/": where the storage service forbids such keys the trigger never fires; elsewhere it matches only keys written with a leading "/"',
  severity: 'error',
  scope: 'file',
  fixable: true,
  check({ model, sources, report }) {
    const texts = new Map(sources.map((s) => [s.path, s.text]));
    const parsed = new Map(sources.map((s) => [s.path, s.parsedText]));
    // files read as YAML (Terraform is read by its own format: no YAML documents)
    const yaml = new Set(sources.filter((s) => s.docs.length > 0).map((s) => s.path));
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
      // a plain scalar's edit is checked on the edited document: where plain style would change the
      // value's type (`/123` → 123, `/#x` → a comment), the scalar is written quoted instead; inside
      // quotes (YAML, JSON) or in an HCL string (Terraform, JSON embedded in one) dropping a slash keeps a string
      const edit = { start: at.start + open, end: at.start + open + slashes, text: '' };
      const fix = !fixable
        ? undefined
        : open || !yaml.has(at.file)
          ? edit
          : typeSafeEdit(parsed.get(at.file) ?? text, at, fixed, edit);
      report({
        at,
        message: `prefix ${q(t.prefix.value)} starts with "/": ${storageName(t)} object keys never do, so this trigger never fires; use ${q(fixed)}`,
        ...(fix ? { fix } : {}),
        key,
      });
    }
  },
} satisfies Rule;
