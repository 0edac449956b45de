// The fc3 schema on the real fc3 files (test/corpus/configs/aliyun-fc3/, read-only): it
// reports only real problems. complete-props.yaml is devsapp/fc3's own "every prop" fixture:
// it fills typed fields with the word "string", which is not a runtime, a GPU type or a log
// begin rule, so those three are reported; its `<region>`/`<account-id>` ARN placeholders are
// documentation placeholders (the adapter treats them as unknown) and are not.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, lintTexts, only } from '../helpers.js';

const DIR = join(CORPUS, 'configs', 'aliyun-fc3');

function schemaFindings(name: string): string[] {
  const result = lintTexts({ [name]: readFileSync(join(DIR, name), 'utf8') }, only('schema'));
  return result.files.flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.message}`));
}

describe('fc3 schema on the corpus', () => {
  it('reports the placeholder word "string" where complete-props.yaml needs a real value, and nothing else', () => {
    expect(schemaFindings('devsapp__fc3____tests____complete-props.yaml')).toEqual([
      '60:18 invalid GPU type "string": GPU types are written like fc.gpu.tesla.1 or fc.gpu.ampere.1',
      '75:23 unknown value "string" for logConfig.logBeginRule; expected "DefaultRegex" or "None"',
      '97:16 unknown runtime "string"; write a Function Compute runtime such as nodejs18, nodejs20, python3.10, python3.12, java11, go1, custom.debian10 or custom-container',
    ]);
  });

  for (const name of readdirSync(DIR).filter((n) => !n.includes('complete-props'))) {
    it(`finds nothing to report in ${name}`, () => {
      expect(schemaFindings(name)).toEqual([]);
    });
  }
});
