import { where } from '../src/source/where.js';
import type { Rule } from '../src/engine/rule.js';
import { isKnown } from '../src/model/model.js';
import { bucketText, functionLabel, q, storageName } from '../src/model/filters.js';

export default {
  id: 'region-mismatch',
  description: 'Disallow a storage trigger whose bucket is in another region than its function',
  severity: 'error',
  scope: 'file',
  check({ model, sources, report }) {
    for (const t of model.storageTriggers) {
      const fr = t.function.region;
      if (!isKnown(t.bucketRegion) || !isKnown(fr) || !t.bucketRegion.value || !fr.value) continue;
      if (t.bucketRegion.value === fr.value) continue;
      const bucket = isKnown(t.bucket) ? bucketText(t.bucket) : 'the bucket';
      report({
        at: t.bucketRegion.at,
        message: `${bucket} is in region ${q(t.bucketRegion.value)} but ${functionLabel(t)} is in ${q(fr.value)} (set at ${where(sources, fr.at)}): ${storageName(t)} triggers only work within one region; use a bucket in ${q(fr.value)} or deploy the function to ${q(t.bucketRegion.value)}`,
        related: [{ at: fr.at, message: `the function's region is set here` }],
        key: `${t.function.name.value}/${t.name.value}`,
      });
    }
  },
} satisfies Rule;
