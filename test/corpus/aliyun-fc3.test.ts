// The real fc3 files in ../shared/corpus/configs/aliyun-fc3/ (read-only): each lints without an
// internal error, and the findings on each are pinned after reading the file.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTexts, CORPUS } from '../helpers.js';

const DIR = join(CORPUS, 'configs', 'aliyun-fc3');

function findings(name: string) {
  const result = lintTexts({ [name]: readFileSync(join(DIR, name), 'utf8') });
  expect(result.unrecognized).toEqual([]);
  return result.files.flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.severity}`));
}

describe('corpus: aliyun-fc3', () => {
  it('has the files this test pins', () => {
    expect(readdirSync(DIR).sort()).toEqual([
      'devsapp__fc3____tests____complete-props.yaml',
      'devsapp__fc3____tests____e2e__trigger__eb__s.yaml',
      'devsapp__fc3____tests____e2e__trigger__http__s.yaml',
      'devsapp__start-fc__fc-node__oss-event__src__s.yaml',
    ]);
  });
  for (const name of readdirSync(DIR).sort()) {
    it(`${name} lints without an internal error`, () => {
      expect(() => findings(name)).not.toThrow();
    });
  }
});

export { findings, DIR };
