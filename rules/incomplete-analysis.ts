import type { Rule } from '../src/engine/rule.js';

export default {
  id: 'incomplete-analysis',
  description: 'Say where trigger-lint stopped reading because a budget was spent (reference expansion, handler code)',
  severity: 'info',
  check({ model, report }) {
    for (const f of model.files) {
      for (const l of f.limits ?? []) report({ at: l.at, message: l.message });
    }
    for (const fn of model.functions) {
      if (fn.codeLimit) report({ at: fn.codeLimit.at, message: fn.codeLimit.message });
    }
  },
} satisfies Rule;
