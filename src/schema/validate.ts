// Checking one SchemaTarget: run the compiled validator on the resolved JSON, drop what unknown
// values caused, collapse anyOf/oneOf/if noise, rewrite into house-style messages at exact
// spans, and attach rename fixes. Format-agnostic: every adapter's schemaTargets go through here.
import type { ValidateFunction } from 'ajv';
import type { SchemaTarget } from '../formats/types.js';
import type { AjvError, SchemaIssue } from './types.js';
import { causedByUnknown } from './unknown.js';
import { collapse, type Tagged } from './collapse.js';
import { rewrite, type Draft } from './messages.js';
import { locate } from './locate.js';
import { renameFix } from './fixes.js';
import { andList, fieldPath } from './paths.js';

export function checkWith(validate: ValidateFunction, target: SchemaTarget, text?: string): SchemaIssue[] {
  const { view } = target;
  if (validate(view.value)) return [];
  const raw = (validate.errors ?? []) as AjvError[];
  const tagged: Tagged[] = raw.map((error) => ({ error, unknown: causedByUnknown(error, view.unknown) }));
  const kept = collapse(tagged).filter((t) => !t.unknown);
  const drafts = kept.map((t) => ({
    draft: rewrite(t, { label: target.label, foreignKeys: target.foreignKeys, quote: target.quote }),
    error: t.error,
  }));
  const merged = mergeRequired(
    drafts.map((d) => d.draft),
    target.label,
  );

  const clashes = renameClashes(merged, view.value);
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const d of merged) {
    const at = locate(view, d.pointer, d.place, d.key, text);
    if (!at) continue;
    const id = `${at.start}:${at.end}:${d.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const clash = d.key !== undefined ? clashes.get(d) : undefined;
    const message = clash ? `${d.message}; not fixed automatically: ${clash}` : d.message;
    const issue: SchemaIssue = { at, message, pointer: d.pointer, keyword: d.keyword };
    if (d.keyword === 'additionalProperties' && d.key !== undefined && d.rename && !clash) {
      const src = drafts.find((x) => x.draft === d)?.error.parentSchema;
      const edits = renameFix(view, text, d.pointer, d.key, d.rename, src?.properties?.[d.rename]);
      if (edits) issue.fix = edits;
    }
    issues.push(issue);
  }
  return issues.sort((a, b) => a.at.start - b.at.start || a.at.end - b.at.end || a.message.localeCompare(b.message));
}

/**
 * Renames that would leave a map with a duplicate key (`sufix:` and `Suffix:` both becoming
 * `suffix`, or `sufix:` next to an existing `suffix:`): their fixes are dropped, and the note
 * says why.
 */
function renameClashes(drafts: Draft[], root: unknown): Map<Draft, string> {
  const out = new Map<Draft, string>();
  const byTarget = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.keyword !== 'additionalProperties' || d.key === undefined || !d.rename) continue;
    const id = `${d.pointer}\u0000${d.rename}`;
    byTarget.set(id, [...(byTarget.get(id) ?? []), d]);
  }
  for (const list of byTarget.values()) {
    const to = list[0].rename!;
    const parent = valueAt(root, list[0].pointer);
    if (parent && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, to)) {
      for (const d of list) out.set(d, `${JSON.stringify(to)} is already set in this map; merge the two by hand`);
    } else if (list.length > 1) {
      for (const d of list) {
        const others = list.filter((x) => x !== d).map((x) => x.key!);
        out.set(d, `${andList(others)} would also become ${JSON.stringify(to)}; keep one of them`);
      }
    }
  }
  return out;
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const s of pointer
    .split('/')
    .slice(1)
    .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

/**
 * One finding per object for its missing keys, without the keys that an unknown key next to
 * them evidently stands for (`sufix` for `suffix`, `Key` for `key`): those are reported once, as
 * the unknown key.
 */
function mergeRequired(drafts: Draft[], label: string): Draft[] {
  const replaced = new Map<string, Set<string>>();
  for (const d of drafts) {
    if (d.keyword === 'additionalProperties' && d.replaces) {
      if (!replaced.has(d.pointer)) replaced.set(d.pointer, new Set());
      replaced.get(d.pointer)!.add(d.replaces);
    }
  }
  const out: Draft[] = [];
  const byPointer = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.keyword !== 'required') {
      out.push(d);
      continue;
    }
    if (replaced.get(d.pointer)?.has(d.missing!)) continue;
    const list = byPointer.get(d.pointer) ?? [];
    if (!list.some((x) => x.missing === d.missing)) list.push(d);
    byPointer.set(d.pointer, list);
  }
  for (const [pointer, list] of byPointer) {
    const keys = list.map((d) => d.missing!);
    const hints = list.map((d) => d.hint).filter((h): h is string => !!h);
    const head =
      keys.length === 1
        ? `missing required key ${JSON.stringify(keys[0])} in ${fieldPath(pointer, label)}`
        : `missing required keys ${andList(keys)} in ${fieldPath(pointer, label)}`;
    out.push({
      pointer,
      place: 'parentKey',
      keyword: 'required',
      message: hints.length ? `${head}; ${hints.join('; ')}` : head,
    });
  }
  return out;
}
