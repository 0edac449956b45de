// Write targets from environment variables (docs/architecture.md, "Recursion"): a variable whose name
// has an output word says where the function writes. With BUCKET in the name the value is the
// output bucket; ending in DIR/PATH/PREFIX/FOLDER/KEY the value is the output prefix. A prefix
// with no output bucket means the triggering bucket (bucket left undefined).
import type { Located, WriteTarget } from './model.js';

const OUTPUT_WORDS = new Set(['DST', 'DEST', 'DESTINATION', 'OUTPUT', 'OUT', 'TARGET', 'PROCESSED', 'RESULT']);
const PREFIX_WORDS = new Set(['DIR', 'PATH', 'PREFIX', 'FOLDER', 'KEY']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[_\-.]+/)
    .filter(Boolean);
}

export type OutputRole = 'bucket' | 'prefix';

/** Whether an env var name declares an output bucket or output prefix. */
export function outputRole(name: string): OutputRole | undefined {
  const w = words(name);
  if (!w.some((x) => OUTPUT_WORDS.has(x))) return undefined;
  if (w.includes('BUCKET')) return 'bucket';
  if (PREFIX_WORDS.has(w[w.length - 1])) return 'prefix';
  return undefined;
}

function stem(name: string): string {
  return words(name)
    .filter((x) => x !== 'BUCKET' && !PREFIX_WORDS.has(x) && x !== 'NAME')
    .join('_');
}

function stripSlash(l: Located<string>): Located<string> {
  return typeof l.value === 'string' && l.value.startsWith('/') ? { ...l, value: l.value.replace(/^\/+/, '') } : l;
}

/** Parse `oss://bucket/prefix` (or cos://, obs://, s3://). */
function parseUrl(l: Located<string>): { bucket: Located<string>; prefix: Located<string> } | undefined {
  if (typeof l.value !== 'string') return undefined;
  const m = /^(?:oss|cos|obs|s3):\/\/([^/]+)\/?(.*)$/.exec(l.value);
  if (!m) return undefined;
  return { bucket: { ...l, value: m[1] }, prefix: { ...l, value: m[2] } };
}

export function writesFromEnv(
  env: Map<string, Located<string>>,
  at: (name: string) => WriteTarget['at'],
): WriteTarget[] {
  const buckets: { name: string; value: Located<string> }[] = [];
  const prefixes: { name: string; value: Located<string> }[] = [];
  const out: WriteTarget[] = [];
  for (const [name, value] of env) {
    const url = parseUrl(value);
    const role = outputRole(name);
    if (url && role) {
      out.push({ bucket: url.bucket, prefix: url.prefix, via: 'env', label: name, at: at(name) });
      continue;
    }
    if (role === 'bucket') buckets.push({ name, value });
    else if (role === 'prefix') prefixes.push({ name, value: stripSlash(value) });
  }
  const usedPrefixes = new Set<string>();
  for (const b of buckets) {
    const mine = prefixes.filter((p) => stem(p.name) === stem(b.name));
    const pick = mine.length ? mine : buckets.length === 1 ? prefixes : [];
    if (pick.length === 0) out.push({ bucket: b.value, via: 'env', label: b.name, at: at(b.name) });
    for (const p of pick) {
      usedPrefixes.add(p.name);
      out.push({ bucket: b.value, prefix: p.value, via: 'env', label: `${b.name} + ${p.name}`, at: at(p.name) });
    }
  }
  for (const p of prefixes) {
    if (usedPrefixes.has(p.name)) continue;
    out.push({ bucket: undefined, prefix: p.value, via: 'env', label: p.name, at: at(p.name) });
  }
  return out;
}
