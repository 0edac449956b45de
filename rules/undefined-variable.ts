import type { Rule } from '../src/engine/rule.js';

export default {
  id: 'undefined-variable',
  description: 'Disallow variable references (${vars.x}, ${this.props.x}, ${resources.r…}) that name nothing',
  severity: 'error',
  scope: 'file',
  check({ model, report }) {
    for (const f of model.files) {
      for (const ref of f.undefinedRefs) report({ at: ref.at, message: ref.message, related: ref.related });
    }
  },
} satisfies Rule;
