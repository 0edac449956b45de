import { where } from '../src/source/where.js';
import type { Rule } from '../src/engine/rule.js';
import { isHttp, isKnown, type HttpTrigger } from '../src/model/model.js';
import { TRIGGER_FACTS } from '../src/model/trigger-facts.js';
import { VENDORS } from '../src/model/vendors.js';
import { didYouMean } from '../src/source/suggest.js';
import { functionLabel, q, triggerLabel } from '../src/model/filters.js';

export default {
  id: 'http-trigger',
  description:
    'Disallow unknown or empty HTTP methods, unknown auth types, and more HTTP triggers on a function than the vendor allows',
  severity: 'error',
  check({ model, sources, report }) {
    const firstOn = new Map<string, HttpTrigger>();
    for (const t of model.triggers) {
      if (!isHttp(t)) continue;
      // A function's own HTTP trigger and an API-gateway trigger have different facts.
      const vf = TRIGGER_FACTS[t.function.vendor];
      const facts = t.gateway ? vf.gateway : vf.http;
      if (!facts) continue;
      const names = VENDORS[t.function.vendor];
      const vendor = t.gateway ? names.gateway : names.functions;
      const key = `${t.function.name.value}/${t.name.value}`;
      if (isKnown(t.methods) && t.methods.value.length === 0) {
        report({
          at: t.methods.at,
          message: `the methods list of ${triggerLabel(t)} is empty, so no request can invoke the function; list the methods it serves, e.g. [GET, POST]`,
          key,
        });
      }
      for (const m of t.methodItems) {
        if (!isKnown(m) || facts.methods.includes(m.value.toUpperCase())) continue;
        const hint = didYouMean(m.value, facts.methods);
        report({
          at: m.at,
          message: `unknown HTTP method ${q(m.value)}: ${vendor} takes ${facts.methods.join(', ')}${hint ? `; did you mean ${q(hint)}?` : ''}`,
          key,
        });
      }
      const anyCase = 'authAnyCase' in facts && facts.authAnyCase;
      const authOk = (a: string) =>
        facts.authTypes!.some((x) => (anyCase ? x.toUpperCase() === a.toUpperCase() : x === a));
      if (facts.authTypes && isKnown(t.authType) && !authOk(t.authType.value)) {
        const hint = didYouMean(t.authType.value, facts.authTypes);
        report({
          at: t.authType.at,
          message: `unknown ${t.gateway ? 'auth mode' : 'authType'} ${q(t.authType.value)}: ${vendor} has ${facts.authTypes.map(q).join(', ')}${hint ? `; did you mean ${q(hint)}?` : ''}`,
          key,
        });
      }
      if ('perFunction' in facts && facts.perFunction === 1 && (t.qualifier === undefined || isKnown(t.qualifier))) {
        // One per function version or alias: triggers on different qualifiers do not clash.
        const qualifier = t.qualifier?.value ?? 'LATEST';
        const k = `${t.function.id}\u0000${qualifier}`;
        const first = firstOn.get(k);
        if (!first) {
          firstOn.set(k, t);
          continue;
        }
        report({
          at: t.name.at,
          message: `${functionLabel(t)} already has an HTTP trigger on ${q(String(qualifier))} (${triggerLabel(first)} at ${where(sources, first.name.at)}): ${vendor} allows one per function version or alias; merge the methods into that trigger`,
          related: [{ at: first.name.at, message: 'the first HTTP trigger' }],
          key,
        });
      }
    }
  },
} satisfies Rule;
