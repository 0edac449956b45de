// The real files in ../shared/corpus/configs/huawei-fgs/ (Huawei FunctionGraph (xinwuyun/fg) files; read-only): each lints without an
// internal error, and the findings on each are pinned (rule id, line, message).
// Read and agreed: both files have one APIG trigger and no OBS trigger: nothing to report.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTexts, CORPUS } from '../helpers.js';

const DIR = join(CORPUS, 'configs', 'huawei-fgs');

const EXPECTED: Record<string, string[]> = {
    "wang-zerui__start-fg__fg-http-nodejs10__src__s.yaml": [],
    "wang-zerui__start-fg__fg-http-python3.6__src__s.yaml": [],
};

function lintFile(name: string) {
  return lintTexts({ [name]: readFileSync(join(DIR, name), 'utf8') });
}

describe('corpus: huawei-fgs', () => {
  it('has the files this test pins', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const name of Object.keys(EXPECTED)) {
    it(`${name} is read as a trigger file without an internal error`, () => {
      const result = lintFile(name);
      expect(result.unrecognized).toEqual([]);
      expect(result.files.map((f) => f.format)).not.toContain(null);
    });
    it(`${name} has exactly the findings read and agreed`, () => {
      const got = lintFile(name).files.flatMap((f) => f.findings.map((x) => `${x.line} ${x.ruleId}: ${x.message}`));
      expect(got).toEqual(EXPECTED[name]);
    });
  }
});
