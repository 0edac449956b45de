import type { Rule } from '../src/engine/rule.js';

// Off by default; `requireReason: true` in .trigger-lint.yaml, `--require-reason` or
// `extends: strict` turn it on. Judged after suppression (see `postProcess` in src/types.ts).
export default {
  id: 'disable-reason',
  description: 'Require a reason ("-- why") on every trigger-lint-disable comment',
  severity: 'error',
  defaultOff: true,
  postProcess({ directives, report }) {
    for (const d of directives) {
      if (d.kind === 'enable' || d.reason) continue;
      const what = d.rules.length ? d.rules.map((r) => r.id).join(', ') : 'every rule';
      report({
        at: d.at,
        message: `trigger-lint-${d.kind} (${what}) gives no reason: this project requires one for every suppression; append " -- <why this finding is safe to ignore>"`,
        key: `${d.kind}:${what}`,
      });
    }
  },
} satisfies Rule;
