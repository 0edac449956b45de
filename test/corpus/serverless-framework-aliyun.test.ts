// The real files in ../shared/corpus/configs/serverless-framework-aliyun/ (the serverless-aliyun-function-compute test project; read-only): each lints without an
// internal error, and the findings on each are pinned (rule id, line, message).
// Read and agreed: the oss event watches source/ on my-service-resource; ramRoleStatements grant
// oss:PutObject on "*" (no named bucket: not a write target), provider.region is not written (the
// plugin's default can be overridden by --region), so there is nothing to report.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTexts, CORPUS } from '../helpers.js';

const DIR = join(CORPUS, 'configs', 'serverless-framework-aliyun');

const EXPECTED: Record<string, string[]> = {
    "aliyun__serverless-aliyun-function-compute__test__project__serverless.yml": [],
};

function lintFile(name: string) {
  return lintTexts({ [name]: readFileSync(join(DIR, name), 'utf8') });
}

describe('corpus: serverless-framework-aliyun', () => {
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
