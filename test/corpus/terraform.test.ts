// The real Terraform modules in test/corpus/configs/terraform/ (read-only; one folder per module,
// as Terraform reads them): each lints without an internal error, and the findings on each are
// pinned after reading the module (verdicts written before the first run, in the comments).
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, lintTexts } from '../helpers.js';
import { loadTerraform } from '../../src/engine/terraform.js';

const DIR = join(CORPUS, 'configs', 'terraform');
const HOWTO = 'alibabacloud-howto__lambda-to-function-compute-migration__samples__';

beforeAll(loadTerraform);

function findings(folder: string): string[] {
  const path = `${folder}/main.tf`;
  const r = lintTexts({ [path]: readFileSync(join(DIR, path), 'utf8') });
  expect(r.files.map((f) => f.format)).toEqual(['terraform']);
  return r.files.flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.severity}`));
}

const EXPECTED: Record<string, string[]> = {
  // S3 → Lambda with no filter on ObjectCreated:*, a bucket named by bucket_prefix: the unfiltered-trigger warning
  [`${HOWTO}trigger_object_storage__aws`]: ['107:15 recursive-trigger warning'],
  // the same on Alibaba (heredoc config without a filter), plus ObjectCreated:* covering multipart parts
  [`${HOWTO}trigger_object_storage__alibabacloud`]: ['142:16 recursive-trigger warning', '147:21 multipart-fanout info'],
  // rate(5 minutes) and @every 5m are valid schedules
  [`${HOWTO}trigger_timer__aws`]: [],
  [`${HOWTO}trigger_timer__alibabacloud`]: [],
  // images/ → thumbnailer, whose role policy may put anywhere in the bucket (arn/*): the function may write
  // under images/ (its code writes thumbnails/, which the config alone cannot show): a warning, not an error
  [`${HOWTO}thumbnailer__version_2__infra-aws`]: ['123:21 recursive-trigger warning'],
  // images/ → thumbnailer, whose service role gets a RAM policy (alicloud_ram_role_policy_attachment →
  // alicloud_ram_policy, old `statement = [{…}]` spelling) allowing oss:PutObject on <bucket>/*: the function
  // may write under images/, the same warning as the AWS twin (terraform.VERDICTS.md); plus the multipart info
  [`${HOWTO}thumbnailer__version_2__infra-alibabacloud`]: [
    '169:21 multipart-fanout info',
    '172:28 recursive-trigger warning',
  ],
};

describe('corpus: terraform', () => {
  it('has the modules this test pins', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [folder, want] of Object.entries(EXPECTED)) {
    it(folder.replace(HOWTO, ''), () => {
      expect(findings(folder)).toEqual(want);
    });
  }
});
