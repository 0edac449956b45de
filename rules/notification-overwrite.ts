// Two resources that each hold a bucket's whole notification configuration (Terraform
// `aws_s3_bucket_notification`) on one bucket: S3 keeps one configuration per bucket, so the one
// applied later replaces the other's triggers — silently, at every apply.
import type { Rule } from '../src/engine/rule.js';
import { isKnown, type StorageTrigger } from '../src/model/model.js';
import { bucketText, byBucket, q } from '../src/model/filters.js';

export default {
  id: 'notification-overwrite',
  description:
    'Disallow two resources that each set the whole notification configuration of one bucket: the later apply replaces the earlier',
  severity: 'error',
  check({ model, report }) {
    const groups = byBucket(model.storageTriggers, (t) => isKnown(t.configuration));
    for (const group of groups.values()) {
      // one entry per configuration resource, in path and offset order
      const seen = new Map<string, StorageTrigger>();
      for (const t of group) {
        const k = `${t.configuration!.at.file}\u0000${t.configuration!.value as string}`;
        if (!seen.has(k)) seen.set(k, t);
      }
      const firsts = [...seen.values()].sort((a, b) =>
        a.configuration!.at.file < b.configuration!.at.file
          ? -1
          : a.configuration!.at.file > b.configuration!.at.file
            ? 1
            : a.configuration!.at.start - b.configuration!.at.start,
      );
      if (firsts.length < 2) continue;
      const [first, ...later] = firsts;
      const firstName = first.configuration!.value as string;
      for (const t of later) {
        const name = t.configuration!.value as string;
        report({
          at: t.configuration!.at,
          message: `${q(name)} sets the whole notification configuration of ${bucketText(t.bucket)}, and so does ${q(firstName)}: S3 keeps one configuration per bucket, so whichever is applied last silently removes the other's triggers; put every lambda_function, queue and topic block for this bucket into one aws_s3_bucket_notification`,
          related: [
            {
              at: first.configuration!.at,
              message: `${q(firstName)} also sets the notification configuration of this bucket`,
            },
          ],
          key: `${name}/${firstName}`,
        });
      }
    }
  },
} satisfies Rule;
