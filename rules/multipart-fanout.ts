import type { Rule } from '../src/engine/rule.js';
import { isKnown } from '../src/model/model.js';
import { expandEvent, normaliseEvent } from '../src/model/vendors.js';
import { functionLabel, q } from '../src/model/filters.js';

/** Events a multipart upload emits before the object exists (names as the vendor families spell them). */
const PART_EVENTS = [
  'ObjectCreated:InitiateMultipartUpload',
  'ObjectCreated:UploadPart',
  'ObjectCreated:UploadPartCopy',
];
const WHOLE = ['PutObject', 'PostObject', 'CompleteMultipartUpload'];

export default {
  id: 'multipart-fanout',
  description: 'Point out creation events that fire once per part of a multipart upload (ObjectCreated:*, UploadPart…)',
  severity: 'info',
  check({ model, report }) {
    for (const t of model.storageTriggers) {
      const vendor = t.function.vendor;
      for (const item of t.eventItems) {
        if (!isKnown(item)) continue;
        const name = normaliseEvent(vendor, item.value);
        const parts = expandEvent(vendor, name).filter((e) => PART_EVENTS.includes(e));
        if (!parts.length) continue;
        const prefix = item.value.slice(0, item.value.length - name.length);
        const ops = parts.map((p) => p.split(':')[1]);
        const narrower = WHOLE.map((w) => q(`${prefix}ObjectCreated:${w}`)).join(', ');
        const message = name.endsWith(':*')
          ? `event ${q(item.value)} includes ${ops.join(', ')}: a multipart upload invokes ${functionLabel(t)} once per part, before the object is complete; for finished objects list ${narrower} instead`
          : name.endsWith('InitiateMultipartUpload')
            ? `event ${q(item.value)} fires when a multipart upload starts, before any part is written; for finished objects use ${narrower}`
            : `event ${q(item.value)} fires for every part of a multipart upload, before the object is complete; for finished objects use ${narrower}`;
        report({ at: item.at, message, key: `${t.function.name.value}/${t.name.value}/${item.value}` });
      }
    }
  },
} satisfies Rule;
