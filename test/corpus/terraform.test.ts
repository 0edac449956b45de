// The real Terraform modules in test/corpus/configs/terraform/ (read-only; one folder per module,
// as Terraform reads them, its .tf files and terraform.tfvars together; verdicts in
// terraform.VERDICTS.md): each lints without an internal error, and the findings on each are
// pinned after reading the module (verdicts written before the first run, in the comments).
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, lintTexts } from '../helpers.js';
import { loadTerraform } from '../../src/engine/terraform.js';

const DIR = join(CORPUS, 'configs', 'terraform');
const HOWTO = 'alibabacloud-howto__lambda-to-function-compute-migration__samples__';

beforeAll(loadTerraform);

/** Every file of the module (its .tf files and terraform.tfvars), linted together as Terraform reads them. */
function findings(folder: string): string[] {
  const files = Object.fromEntries(
    readdirSync(join(DIR, folder))
      .sort()
      .map((f) => [`${folder}/${f}`, readFileSync(join(DIR, folder, f), 'utf8')]),
  );
  const r = lintTexts(files);
  expect(new Set(r.files.map((f) => f.format))).toEqual(new Set(['terraform']));
  return r.files.flatMap((f) =>
    f.findings.map((x) => {
      const file = f.path.slice(f.path.lastIndexOf('/') + 1);
      return `${file === 'main.tf' ? '' : `${file}:`}${x.line}:${x.column} ${x.ruleId} ${x.severity}`;
    }),
  );
}

const TENCENT = 'tencentcloudstack__terraform-provider-tencentcloud__examples__';
const HUAWEI = 'huaweicloud__terraform-provider-huaweicloud__examples__fgs__';

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
  // Tencent's SCF example: a valid 7-field timer and a COS trigger named by bucket id; the COS trigger has no
  // filter and the function's code is not in the config: the unfiltered-trigger advisory (verdict revised after
  // the run, terraform.VERDICTS.md), as on trigger_object_storage__aws
  [`${TENCENT}tencentcloud-scf`]: ['63:20 recursive-trigger warning'],
  // Huawei's timer example: schedule type Cron with "@every 3d" from terraform.tfvars; @every takes ns…h, not d
  [`${HUAWEI}triggers__timer`]: ['22:24 timer-schedule error'],
  // Huawei's former OBS-download example: a Rate "3d" timer, a function that only reads: no finding
  [`${HUAWEI}obs-download`]: [],
};

describe('corpus: terraform', () => {
  it('has the modules this test pins', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [folder, want] of Object.entries(EXPECTED)) {
    it(folder.replace(HOWTO, '').replace(TENCENT, '').replace(HUAWEI, 'huawei '), () => {
      expect(findings(folder)).toEqual(want);
    });
  }
  it('names the Huawei schedule, where terraform.tfvars sets it, and the remedy', () => {
    const folder = `${HUAWEI}triggers__timer`;
    const files = Object.fromEntries(
      readdirSync(join(DIR, folder)).map((f) => [`${folder}/${f}`, readFileSync(join(DIR, folder, f), 'utf8')]),
    );
    const [f] = lintTexts(files).files.flatMap((x) => x.findings);
    expect(f.message).toContain('schedule "@every 3d" (set at ');
    expect(f.message).toContain('/terraform.tfvars:5)');
    expect(f.message).toContain('write "@every 72h"');
    expect(f.related?.[0]).toMatchObject({ path: `${folder}/terraform.tfvars`, line: 5 });
  });
});
