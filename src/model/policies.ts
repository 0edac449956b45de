// Write targets from RAM policy statements (docs/architecture.md, "Recursion"): a statement that
// allows `oss:PutObject` (or a wildcard covering it: `oss:*`, `oss:Put*`, `*`) on
// `acs:oss:<region>:<account>:<bucket>/<path>` lets the function write into <bucket>.
// `<bucket>/*` says nothing about where (prefix left unknown); `<bucket>/out/*` gives prefix
// `out/`. A resource that names no bucket (`*`, `acs:oss:*:*:*`) is not a write target: it
// would make every trigger suspicious. Shared by legacy fc, Funcraft, ROS and the Serverless
// Framework plugin, whose statements have the same shape ({Effect, Action, Resource}).
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import { isKnown, type Located, type WriteTarget } from './model.js';
import type { Location } from '../types.js';

/** What this module needs from a resolver (the generic Resolver and the ROS one both fit). */
export interface PolicyReader {
  map(node: Node | null | undefined): YAMLMap | undefined;
  seq(node: Node | null | undefined): YAMLSeq | undefined;
  get(map: YAMLMap | undefined, ...keys: string[]): Node | undefined;
  str(node: Node | null | undefined): Located<string> | undefined;
  loc(node: Node | null | undefined): Location;
}

const WRITE_ACTION = 'oss:PutObject';
const MAX_DEPTH = 8;

/** Whether an IAM / RAM action pattern (`oss:*`, `s3:Put*`, `*`) covers an action (`oss:PutObject`). */
export function coversAction(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .trim()
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(action);
}

/** Whether an IAM action pattern (`oss:*`, `oss:Put*`, `*`) covers oss:PutObject. */
export function grantsPut(action: string): boolean {
  return coversAction(action, WRITE_ACTION);
}

/** Parse `acs:oss:<region>:<account>:<bucket>/<path>`: the bucket and the object path. */
export function parseOssResource(resource: string): { bucket: string; path: string } | undefined {
  const m = /^acs:oss:[^:]*:[^:]*:([^/]+)\/(.*)$/.exec(resource);
  if (!m || /[*?]/.test(m[1])) return undefined;
  return { bucket: m[1], path: m[2] };
}

/** Every statement map under a policy node: a list, a document `{Statement}`, `{PolicyDocument}`, `{statement}`… */
export function statements(r: PolicyReader, node: Node | null | undefined, depth = 0): YAMLMap[] {
  if (node === null || node === undefined || depth > MAX_DEPTH) return [];
  const seq = r.seq(node);
  if (seq) return seq.items.flatMap((it) => statements(r, it as Node, depth + 1));
  const map = r.map(node);
  if (!map) return []; // a managed policy name: its content is not in the file
  const inner = r.get(map, 'Statement', 'statement', 'PolicyDocument', 'policyDocument');
  if (inner !== undefined) return statements(r, inner, depth + 1);
  return r.get(map, 'Effect', 'effect') !== undefined ? [map] : [];
}

function items(r: PolicyReader, node: Node | undefined): Located<string>[] {
  if (node === undefined || node === null) return [];
  const seq = r.seq(node);
  const nodes = seq ? (seq.items as Node[]) : [node];
  return nodes.map((n) => r.str(n)).filter((x): x is Located<string> => x !== undefined);
}

/** Locate `part` inside a located resource string when it was written verbatim. */
function sub(l: Located<string>, from: number, to: number, text: string | undefined): Location {
  const verbatim = text !== undefined && !l.origin && text.slice(l.at.start, l.at.end) === l.value;
  if (verbatim) return { file: l.at.file, start: l.at.start + from, end: l.at.start + to };
  const quoted =
    text !== undefined &&
    !l.origin &&
    /^["']/.test(text.slice(l.at.start, l.at.start + 1)) &&
    text.slice(l.at.start + 1, l.at.end - 1) === l.value;
  if (quoted) return { file: l.at.file, start: l.at.start + 1 + from, end: l.at.start + 1 + to };
  return l.at;
}

/**
 * Write targets of every Allow statement under `node` that grants oss:PutObject on a named
 * bucket. `text` is the file's text, used to point at the bucket inside the resource string.
 */
export function policyWrites(r: PolicyReader, node: Node | null | undefined, text?: string): WriteTarget[] {
  const out: WriteTarget[] = [];
  for (const st of statements(r, node)) {
    const effect = r.str(r.get(st, 'Effect', 'effect'));
    if (!isKnown(effect) || effect.value.toLowerCase() !== 'allow') continue;
    if (!items(r, r.get(st, 'Action', 'action')).some((a) => isKnown(a) && grantsPut(a.value))) continue;
    for (const res of items(r, r.get(st, 'Resource', 'resource'))) {
      if (!isKnown(res)) continue;
      const parsed = parseOssResource(res.value);
      if (!parsed) continue;
      const bStart = res.value.length - parsed.path.length - 1 - parsed.bucket.length;
      const bucketAt = sub(res, bStart, bStart + parsed.bucket.length, text);
      const star = parsed.path.search(/[*?]/);
      const prefix = star < 0 ? parsed.path : parsed.path.slice(0, star);
      const pathStart = bStart + parsed.bucket.length + 1;
      const w: WriteTarget = {
        bucket: { value: parsed.bucket, at: bucketAt },
        via: 'policy',
        label: JSON.stringify(res.value),
        at: res.at,
      };
      if (prefix !== '') w.prefix = { value: prefix, at: sub(res, pathStart, pathStart + prefix.length, text) };
      out.push(w);
    }
  }
  return out;
}
