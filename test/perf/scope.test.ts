import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../rules/index.js';
import { ROOT } from '../helpers.js';

// A run-scoped rule runs on the merged Model, where cached files have no parsed documents and no
// schemaTargets closure: a rule that needs either must be computed with its file.
describe('rule scope', () => {
  const needsFile = RULES.filter((r) =>
    /schemaTargets|\.docs\b/.test(readFileSync(join(ROOT, 'rules', `${r.id}.ts`), 'utf8')),
  );

  it('finds the rules that read parsed documents or schema targets (schema does)', () => {
    expect(needsFile.map((r) => r.id)).toContain('schema');
  });

  for (const rule of needsFile) {
    it(`${rule.id} is file-scoped, so it runs with its file (worker or cache)`, () => {
      expect(rule.scope).toBe('file');
    });
  }
});
