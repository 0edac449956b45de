// Key-filter semantics shared by every vendor: plain startsWith / endsWith, '' matches all.
import { isKnown, type Located, type StorageTrigger, type Vendor } from './model.js';
import { VENDORS } from './vendors.js';

export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

export function suffixesOverlap(a: string, b: string): boolean {
  return a.endsWith(b) || b.endsWith(a);
}

/** Bucket identity across files: (vendor, bucket name). */
export function bucketId(vendor: Vendor, bucket: string): string {
  return `${vendor}\u0000${bucket}`;
}

/** A trigger's bucket identity; undefined when the bucket is unknown. */
export function bucketKey(t: StorageTrigger): string | undefined {
  return isKnown(t.bucket) ? bucketId(t.function.vendor, t.bucket.value) : undefined;
}

/** Group triggers by bucket (never a pairwise loop over all triggers). */
export function byBucket(
  triggers: StorageTrigger[],
  filter: (t: StorageTrigger) => boolean = () => true,
): Map<string, StorageTrigger[]> {
  const groups = new Map<string, StorageTrigger[]>();
  for (const t of triggers) {
    if (!filter(t)) continue;
    const k = bucketKey(t);
    if (k === undefined) continue;
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return groups;
}

export function storageName(t: StorageTrigger): string {
  return VENDORS[t.function.vendor].storage;
}

export function q(s: string): string {
  return JSON.stringify(s);
}

/** A bucket as messages name it: `bucket "photos"`, or its display (`bucket SrcBucket (defined in template.yaml)`). */
export function bucketText(l: Located<string>): string {
  return `bucket ${bucketShort(l)}`;
}

/** The bucket's name alone, as in a cycle path (`photos`, `SrcBucket (defined in template.yaml)`). */
export function bucketShort(l: Located<string>): string {
  return l.display ?? (isKnown(l) ? q(l.value) : 'whose name is not known');
}

export function triggerLabel(t: { name: { value: unknown } }): string {
  return typeof t.name.value === 'string' && t.name.value ? `trigger ${q(t.name.value)}` : 'this trigger';
}

export function functionLabel(t: { function: { name: { value: unknown } } }): string {
  return typeof t.function.name.value === 'string' ? `function ${q(t.function.name.value)}` : 'the function';
}

export function filterText(prefix: string, suffix: string): string {
  if (!prefix && !suffix) return 'every key';
  if (prefix && suffix) return `keys with prefix ${q(prefix)} and suffix ${q(suffix)}`;
  return prefix ? `keys with prefix ${q(prefix)}` : `keys with suffix ${q(suffix)}`;
}

/**
 * A trigger that can never fire: its prefix starts with "/" and object keys never do
 * (`prefix-leading-slash` reports it; no rule also warns that it may loop).
 */
export function neverFires(t: StorageTrigger): boolean {
  return isKnown(t.prefix) && t.prefix.value.startsWith('/');
}
