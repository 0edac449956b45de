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
  // Read and agreed with: complete-props.yaml is devsapp/fc3's "every field" test file and fills
  // several fields with the type name "string" — not a GPU type, a log rule or a runtime, so
  // that file could not deploy as written; its oss trigger uses oss:ObjectCreated:* (multipart
  // fan-out). Its <region>/<account-id> ARN placeholders are unknown values, never findings.
  // The e2e files (EventBridge, HTTP on two qualifiers) and start-fc's template are clean.
  const PINNED: Record<string, string[]> = {
    'devsapp__fc3____tests____complete-props.yaml': [
      '60:18 schema error',
      '75:23 schema error',
      '97:16 schema error',
      '145:17 multipart-fanout info',
    ],
    'devsapp__fc3____tests____e2e__trigger__eb__s.yaml': [],
    'devsapp__fc3____tests____e2e__trigger__http__s.yaml': [],
    'devsapp__start-fc__fc-node__oss-event__src__s.yaml': [],
  };
  for (const name of readdirSync(DIR).sort()) {
    it(`${name}: no internal error, and exactly the findings read and agreed with`, () => {
      expect(findings(name)).toEqual(PINNED[name]);
    });
  }
});

export { findings, DIR };
