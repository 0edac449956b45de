// Helpers shared by the Alibaba Cloud formats (fc3, legacy fc, Funcraft, ROS, serverless-aliyun):
// the OSS key filter in either casing, trigger-type kinds, and writable OSS mounts.
import type { Node, YAMLMap } from 'yaml';
import { Unknown, type Located, type WriteTarget } from '../model.js';
import type { Location } from '../types.js';
import type { Resolver } from '../resolve.js';
import { filterValue } from './common.js';

/** `filter.Key.Prefix/Suffix` in either casing; an unresolved filter gives unknown values. */
export function readKeyFilter(r: Resolver, filterNode: Node | null | undefined, fallback: Location) {
  const none = { value: { value: '', at: fallback } as Located<string>, declared: false };
  if (filterNode === undefined || filterNode === null) return { prefix: none, suffix: none };
  const unknown = (reason: string, at: Location) => {
    const u = { value: { value: new Unknown(reason), at } as Located<string>, declared: true };
    return { prefix: u, suffix: u };
  };
  const filterAt = r.loc(filterNode);
  const fd = r.deref(filterNode);
  if (fd instanceof Unknown) return unknown(fd.reason, filterAt);
  const filter = r.map(filterNode);
  if (!filter) return { prefix: none, suffix: none }; // `Filter: null` or a non-map: no filter (the schema reports a wrong type)
  const keyNode = r.get(filter, 'Key', 'key');
  if (keyNode === undefined || keyNode === null) return { prefix: { ...none, value: { value: '', at: filterAt } }, suffix: { ...none, value: { value: '', at: filterAt } } };
  const kd = r.deref(keyNode);
  if (kd instanceof Unknown) return unknown(kd.reason, r.loc(keyNode));
  const key = r.map(keyNode);
  const keyAt = r.loc(keyNode);
  return {
    prefix: filterValue(r, key, ['Prefix', 'prefix'], keyAt),
    suffix: filterValue(r, key, ['Suffix', 'suffix'], keyAt),
  };
}

/** Kinds of the non-storage trigger types legacy fc (and Funcraft, lower-cased) knows. */
export function kindOf(type: string): string {
  switch (type.toLowerCase()) {
    case 'timer': return 'timer';
    case 'http': case 'https': case 'api': return 'http';
    case 'log': return 'log';
    case 'mns_topic': case 'mnstopic': case 'datahub': return 'queue';
    case 'eventbridge': return 'eventbridge';
    default: return 'other';
  }
}

/** Writable OSS mounts: anything written under mountDir lands under bucketPath. */
export function mountWrites(r: Resolver, props: YAMLMap | undefined): WriteTarget[] {
  const out: WriteTarget[] = [];
  const points = r.seq(r.get(r.map(r.get(props, 'ossMountConfig')), 'mountPoints'));
  for (const item of points?.items ?? []) {
    const mp = r.map(item as Node);
    if (!mp) continue;
    const ro = r.str(r.get(mp, 'readOnly'));
    if (ro && (ro.value instanceof Unknown || ro.value === 'true')) continue;
    const bucket = r.str(r.get(mp, 'bucketName'));
    if (!bucket) continue;
    const pathNode = r.get(mp, 'bucketPath');
    const path = pathNode !== undefined ? r.str(pathNode) : undefined;
    const prefix: Located<string> = path
      ? (typeof path.value === 'string' ? { ...path, value: path.value.replace(/^\/+/, '') } : path)
      : { value: '', at: r.loc(mp) };
    const dir = r.str(r.get(mp, 'mountDir'));
    out.push({ bucket, prefix, via: 'mount', label: typeof dir?.value === 'string' ? `mount ${dir.value}` : 'mount', at: r.loc(mp) });
  }
  return out;
}
