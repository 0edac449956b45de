import type { Rule } from '../src/engine/rule.js';

export default {
  id: 'syntax',
  description: 'Report YAML that does not parse, duplicate keys and files that are not UTF-8 text',
  severity: 'error',
  scope: 'file',
  check({ sources, report }) {
    for (const s of sources) {
      for (const d of s.syntax) report({ at: { file: s.path, start: d.start, end: d.end }, message: d.message });
    }
  },
} satisfies Rule;
