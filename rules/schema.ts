import type { Rule } from '../src/engine/rule.js';
import { checkTarget } from '../src/schema/index.js';

export default {
  id: 'schema',
  description:
    "Report trigger files that break their format's JSON Schema (unknown keys, wrong types, unknown event names, missing required keys), with did-you-mean",
  severity: 'error',
  scope: 'file',
  fixable: true,
  check({ model, sources, report }) {
    const texts = new Map(sources.map((s) => [s.path, s.text]));
    for (const file of model.files) {
      const text = texts.get(file.path);
      for (const target of file.schemaTargets?.() ?? []) {
        for (const issue of checkTarget(target, text) ?? []) {
          report({
            at: issue.at,
            message: issue.message,
            ...(issue.fix ? { fix: issue.fix } : {}),
            key: `${target.label}:${issue.pointer}:${issue.keyword}`,
          });
        }
      }
      for (const issue of file.formatIssues ?? []) {
        report({
          at: issue.at,
          message: issue.message,
          ...(issue.severity ? { severity: issue.severity } : {}),
          ...(issue.fix ? { fix: issue.fix } : {}),
          ...(issue.related ? { related: issue.related } : {}),
        });
      }
    }
  },
} satisfies Rule;
