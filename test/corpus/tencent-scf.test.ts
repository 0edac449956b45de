// The real Tencent files in test/corpus/configs/tencent-scf/ (read-only): each lints without
// an internal error, and the findings on each are pinned after reading the file.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers.js';
import { lintCorpusFile } from './pin.js';

const DIR = join(CORPUS, 'configs', 'tencent-scf');

function lintOne(name: string) {
  return lintCorpusFile('tencent-scf', name);
}
function findings(name: string) {
  return lintOne(name).files.flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.severity}: ${x.message}`));
}

const DOC = 'serverless-components__tencent-scf__doc__serverless.yaml@3a24686e';
const DEV = 'serverless-components__tencent-scf__example__serverless.yml@1771e39e';
const EVENT = 'serverless-components__tencent-scf__example__event__serverless.yml';
const IMAGE = 'serverless-components__tencent-scf__example__image-event__serverless.yml';
const TEMPLATE = 'serverless-components__tencent-examples__transcode-app__serverless.template.yml';
const ROOT = 'serverless-components__tencent-examples__transcode-app__src__serverless.yml';
const TCSAM = 'tencentyun__scfcli__tcfcli__cmds__init__templates__tcf-demo-python___cookiecutter.project_name___template.yaml';

describe('corpus: tencent-scf', () => {
  it('has the files this test pins', () => {
    expect(readdirSync(DIR).sort()).toEqual([DOC, EVENT, IMAGE, DEV, TEMPLATE, ROOT, TCSAM].sort());
  });
  for (const name of readdirSync(DIR).sort()) {
    it(`${name} lints without an internal error`, () => {
      expect(() => lintOne(name)).not.toThrow();
    });
  }
  it('doc (2020-04): the COS bucket is in ap-beijing, the function in ap-guangzhou', () => {
    expect(findings(DOC)).toEqual([
      '99:33 region-mismatch error: bucket "cli-appid" is in region "ap-beijing" but function "myFunction1" is in "ap-guangzhou" (set at serverless-components__tencent-scf__doc__serverless.yaml@3a24686e:22): COS triggers only work within one region; use a bucket in "ap-guangzhou" or deploy the function to "ap-beijing"',
    ]);
  });
  it('scf@dev flat triggers, the event and image-event examples: nothing to report', () => {
    expect(lintOne(DEV).files.map((f) => f.format)).toEqual(['tencent-scf']);
    expect(findings(DEV)).toEqual([]);
    expect(findings(EVENT)).toEqual([]);
    expect(findings(IMAGE)).toEqual([]);
  });
  it('the transcode-app registry template and project root file are not trigger files', () => {
    expect(lintOne(TEMPLATE).unrecognized).toEqual([TEMPLATE]);
    expect(lintOne(ROOT).unrecognized).toEqual([ROOT]);
  });
  it('the scfcli cookiecutter template is Jinja, not YAML: only syntax findings', () => {
    const f = findings(TCSAM);
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => / syntax error: /.test(x))).toBe(true);
    expect(f.map((x) => x.split(' ')[0].split(':')[0])).toContain('17');
  });
});
