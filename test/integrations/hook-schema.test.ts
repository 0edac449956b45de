// .pre-commit-hooks.yaml: valid against the pre-commit hooks schema, and its `files` pattern
// matches exactly the trigger file names trigger-lint knows (TRIGGER_FILE_NAMES).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TRIGGER_FILE_NAMES } from '../../src/formats/index.js';
import { ROOT, schemaValidator } from './helpers.js';

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
const hook = hooks.find((h: { id: string }) => h.id === 'trigger-lint');

/** Every name the alternation `(^|/)(a\.ya?ml|b\.ya?ml)$` can match ("x?" expanded). */
function namesOf(pattern: string): string[] {
  const m = /^\(\^\|\/\)\((.*)\)\$$/.exec(pattern) ?? /^\(\^\|\/\)(.*)\$$/.exec(pattern);
  if (!m) throw new Error(`unexpected files pattern ${pattern}`);
  const expand = (alt: string): string[] => {
    const q = /(\\.|[^\\])\?/.exec(alt);
    if (!q) return [alt.replace(/\\(.)/g, '$1')];
    const before = alt.slice(0, q.index),
      atom = q[1],
      after = alt.slice(q.index + q[0].length);
    return [...expand(before + atom + after), ...expand(before + after)];
  };
  return m[1].split('|').flatMap(expand).sort();
}

describe('.pre-commit-hooks.yaml', () => {
  it('is valid against the pre-commit hooks schema', () => {
    const validate = schemaValidator('pre-commit-hooks.json');
    expect(validate(hooks), JSON.stringify(validate.errors)).toBe(true);
  });

  it('defines the trigger-lint hook as a script hook running the committed CLI (no npm install)', () => {
    expect(hook).toMatchObject({ id: 'trigger-lint', language: 'script', pass_filenames: true });
    expect(hook.entry.split(' ')[0]).toBe('action/trigger-lint.cjs');
    expect(existsSync(join(ROOT, 'action', 'trigger-lint.cjs'))).toBe(true);
    // files that are not trigger files (a CloudFormation template.yaml…) are skipped, not exit 2
    expect(hook.entry.split(' ')).toContain('--ignore-unknown');
  });

  it('defines trigger-lint-all: the same files, but the whole repository linted (no file names passed)', () => {
    const all = hooks.find((h: { id: string }) => h.id === 'trigger-lint-all');
    expect(all).toMatchObject({
      id: 'trigger-lint-all',
      language: 'script',
      pass_filenames: false,
      files: hook.files,
      types: hook.types,
      require_serial: true,
    });
    expect(all.entry).toBe('action/trigger-lint.cjs');
    expect(hooks.map((h: { id: string }) => h.id)).toEqual(['trigger-lint', 'trigger-lint-all']);
  });

  it('matches exactly the file names trigger-lint knows', () => {
    expect(namesOf(hook.files)).toEqual([...TRIGGER_FILE_NAMES].sort());
    const re = new RegExp(hook.files);
    for (const name of TRIGGER_FILE_NAMES) {
      expect(re.test(name), name).toBe(true);
      expect(re.test(`deep/dir/${name}`), `deep/dir/${name}`).toBe(true);
      expect(re.test(`x${name}`), `x${name}`).toBe(false);
      expect(re.test(`${name}.bak`), `${name}.bak`).toBe(false);
    }
  });

  it('reads the expansion of its own pattern correctly', () => {
    expect(namesOf('(^|/)(s\\.ya?ml|template\\.ya?ml)$')).toEqual(['s.yaml', 's.yml', 'template.yaml', 'template.yml']);
    expect(namesOf('(^|/)s\\.ya?ml$')).toEqual(['s.yaml', 's.yml']);
  });
});
