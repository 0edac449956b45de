// Shared by the corpus specs: lint one real file of test/corpus/configs/<folder>/ (read-only)
// and pin its findings after a person has read the file and agreed with every one.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTexts, CORPUS } from '../helpers.js';
import type { Result } from '../../src/types.js';

export function corpusDir(folder: string): string {
  return join(CORPUS, 'configs', folder);
}

/**
 * The pins are about the configuration: handler code is not read (test/corpus/code.test.ts reads
 * it). Without `code: false` a relative `CodeUri: src/` would resolve against the working
 * directory, and whether it was read would depend on whether another test loaded the parser.
 */
export function lintCorpusFile(folder: string, name: string): Result {
  return lintTexts({ [name]: readFileSync(join(corpusDir(folder), name), 'utf8') }, { code: false });
}

/** `line ruleId: message` for every finding of a corpus file. */
export function pinnedFindings(folder: string, name: string): string[] {
  return lintCorpusFile(folder, name).files.flatMap((f) => f.findings.map((x) => `${x.line} ${x.ruleId}: ${x.message}`));
}

/**
 * Every file of the folder is a trigger file read without an internal error, and its findings
 * are exactly the expected ones (the folder's file list is pinned too).
 */
export function pinFolder(folder: string, expected: Record<string, string[]>): void {
  describe(`corpus: ${folder}`, () => {
    it('has the files this test pins', () => {
      expect(readdirSync(corpusDir(folder)).sort()).toEqual(Object.keys(expected).sort());
    });
    for (const name of Object.keys(expected)) {
      it(`${name} is read as a trigger file without an internal error`, () => {
        const result = lintCorpusFile(folder, name);
        expect(result.unrecognized).toEqual([]);
        expect(result.files.map((f) => f.format)).not.toContain(null);
      });
      it(`${name} has exactly the findings read and agreed`, () => {
        expect(pinnedFindings(folder, name)).toEqual(expected[name]);
      });
    }
  });
}
