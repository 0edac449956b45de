import type { Rule } from '../src/engine/rule.js';
import { q } from '../src/model/filters.js';
import { suggestRuleId } from '../src/engine/rule-ids.js';
import { didYouMean } from '../src/source/suggest.js';
import { ALL_RULES, DIRECTIVE_KINDS, scopeText } from '../src/engine/suppress.js';

// Judged after suppression (see `postProcess` in src/types.ts): a directive is unused when it
// suppressed nothing. A directive naming a rule that is off for its file is not judged (a
// configuration change must not turn existing comments into warnings). Not fixable: --fix
// never deletes a comment.
export default {
  id: 'unused-disable',
  description: 'Report trigger-lint-disable comments that suppress nothing, name unknown rules or are misspelled',
  severity: 'warning',
  postProcess({ directives, misspelledDirectives, ruleIds, settingFor, report }) {
    for (const m of misspelledDirectives) {
      const guess = didYouMean(
        m.word,
        DIRECTIVE_KINDS.map((k) => `trigger-lint-${k}`),
      );
      report({
        at: m.at,
        message: `unknown directive ${q(m.word)}, so it suppresses nothing; ${guess ? `did you mean ${q(guess)}?` : `use one of ${DIRECTIVE_KINDS.map((k) => `trigger-lint-${k}`).join(', ')}`}`,
      });
    }
    for (const d of directives) {
      const name = `trigger-lint-${d.kind}`;
      for (const r of d.rules) {
        if (ruleIds.has(r.id)) continue;
        const guess = suggestRuleId(r.id, ruleIds);
        report({
          at: r.at,
          message: `unknown rule ${q(r.id)} in ${name}; ${guess ? `did you mean ${q(guess)}?` : 'run trigger-lint --list-rules to see them'}`,
          key: `unknown-rule:${r.id}`,
        });
      }
      if (d.kind === 'enable') continue;
      if (d.rules.length === 0) {
        if (d.used.has(ALL_RULES)) continue;
        report({
          at: d.at,
          message: `${name} suppresses nothing: there is no finding ${scopeText(d.kind)}; remove the comment`,
          key: `${d.kind}:${ALL_RULES}`,
        });
        continue;
      }
      const seen = new Set<string>();
      for (const r of d.rules) {
        if (seen.has(r.id) || !ruleIds.has(r.id)) continue;
        seen.add(r.id);
        if (d.used.has(r.id) || settingFor(r.id, d.path) === 'off') continue;
        report({
          at: r.at,
          message: `${name} ${q(r.id)} suppresses nothing: there is no ${r.id} finding ${scopeText(d.kind)}; remove ${q(r.id)} from the comment`,
          key: `${d.kind}:${r.id}`,
        });
      }
    }
  },
} satisfies Rule;
