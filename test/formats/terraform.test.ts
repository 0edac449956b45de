// The Terraform format (src/formats/terraform/): modules, values, locations inside JSON strings,
// module calls, syntax errors, and the HCL parser loaded only for runs with a .tf file.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTerraform } from '../../src/formats/terraform/index.js';
import { loadTerraform } from '../../src/engine/terraform.js';
import { isStorage, isTimer } from '../../src/model/model.js';
import { applyFixes } from '../../src/workflow/fix.js';
import { lintTexts, only } from '../helpers.js';
import { at } from './build-model.js';

beforeAll(loadTerraform);

function build(files: Record<string, string>) {
  const { models, syntax } = buildTerraform(Object.entries(files).map(([path, text]) => ({ path, text })));
  const fms = [...models.values()].flat();
  return {
    fms,
    syntax,
    storage: fms.flatMap((f) => f.triggers).filter(isStorage),
    triggers: fms.flatMap((f) => f.triggers),
    functions: fms.flatMap((f) => f.functions),
  };
}

const FC = (config: string) => `resource "alicloud_fc_function" "f" {
  service = "svc"
  name    = "f"
  runtime = "python3.10"
  handler = "index.handler"
}
resource "alicloud_fc_trigger" "t" {
  service    = "svc"
  function   = alicloud_fc_function.f.name
  name       = "t"
  type       = "oss"
  source_arn = "acs:oss:cn-hangzhou:123:media"
  config     = ${config}
}
`;

describe('terraform: JSON inside HCL is located at its own characters', () => {
  it('a heredoc: the prefix points inside it and --fix edits it there', () => {
    const text = FC(`<<EOF
{
  "events": ["oss:ObjectCreated:PutObject"],
  "filter": { "key": { "prefix": "/src/", "suffix": ".png" } }
}
EOF`);
    const { storage } = build({ 'main.tf': text });
    expect(storage).toHaveLength(1);
    expect(storage[0].prefix.value).toBe('/src/');
    expect(at(text, storage[0].prefix)).toBe('/src/');
    expect(at(text, storage[0].suffix)).toBe('.png');
    expect(at(text, storage[0].eventItems[0])).toBe('oss:ObjectCreated:PutObject');
    const r = lintTexts({ 'main.tf': text }, only('prefix-leading-slash'));
    const f = r.files[0].findings;
    expect(f.map((x) => `${x.line}:${x.column}-${x.endColumn}`)).toEqual(['16:35-40']);
    expect(applyFixes(text, f).text).toBe(text.replace('"/src/"', '"src/"'));
  });

  it('an indented heredoc (<<-EOT) keeps every offset', () => {
    const text = FC(`<<-EOT
    {"events": ["oss:ObjectCreated:*"], "filter": {"key": {"prefix": "in/", "suffix": ".zip"}}}
  EOT`);
    const { storage } = build({ 'main.tf': text });
    expect(at(text, storage[0].prefix)).toBe('in/');
    expect(at(text, storage[0].suffix)).toBe('.zip');
  });

  it('an escaped literal: values with escapes are located, a partly unknown document stays unknown', () => {
    const text = FC(
      `"{\\"events\\":[\\"oss:ObjectCreated:*\\"],\\"filter\\":{\\"key\\":{\\"prefix\\":\\"a\\\\u002fb/\\"}}}"`,
    );
    const { storage } = build({ 'main.tf': text });
    expect(storage[0].prefix.value).toBe('a/b/');
    expect(at(text, storage[0].prefix)).toBe('a\\\\u002fb/');
    const unknown = build({
      'main.tf': FC(
        `"{\\"events\\":[\\"oss:ObjectCreated:*\\"],\\"filter\\":{\\"key\\":{\\"prefix\\":\\"\${var.nope}\\"}}}"`,
      ),
    }).storage[0];
    expect(typeof unknown.prefix.value).not.toBe('string');
    expect(unknown.events.value).toEqual(['ObjectCreated:*']);
  });

  it('a config that is not JSON is a schema finding on the attribute', () => {
    const text = FC('"{events: [oss:ObjectCreated:*]"');
    const r = lintTexts({ 'main.tf': text }, only('schema'));
    expect(r.files[0].findings.map((x) => `${x.line} ${x.message.split(':')[0]}`)).toEqual([
      '13 config is not a JSON document (Flow map must end with a })',
    ]);
  });
});

describe('terraform: a folder is one module', () => {
  it('terraform.tfvars overrides a default; *.auto.tfvars after it', () => {
    const main = `variable "bucket" { default = "from-default" }
variable "prefix" { default = "p0/" }
resource "aws_lambda_function" "f" { function_name = "f" }
resource "aws_s3_bucket_notification" "n" {
  bucket = var.bucket
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = "\${var.prefix}in/"
  }
}
`;
    const { storage } = build({
      'infra/main.tf': main,
      'infra/terraform.tfvars': 'bucket = "from-tfvars"\nprefix = "p1/"\n',
      'infra/z.auto.tfvars': 'prefix = "p2/"\n',
    });
    expect(storage.map((t) => [t.bucket.value, t.prefix.value, t.function.name.value])).toEqual([
      ['from-tfvars', 'p2/in/', 'f'],
    ]);
  });

  it('locals, references between files, format() and join()', () => {
    const { storage, functions } = build({
      'm/locals.tf': 'locals {\n  env = "prod"\n  bucket = format("%s-%s", "media", local.env)\n}\n',
      'm/main.tf': `resource "alicloud_oss_bucket" "b" { bucket = local.bucket }
resource "alicloud_fcv3_function" "f" {
  function_name = join("-", ["thumbs", local.env])
  environment_variables = { OUTPUT_PREFIX = "out/" }
}
resource "alicloud_fcv3_trigger" "t" {
  function_name  = alicloud_fcv3_function.f.function_name
  trigger_name   = "t"
  trigger_type   = "oss"
  source_arn     = "acs:oss:cn-hangzhou:\${data.alicloud_account.this.id}:\${alicloud_oss_bucket.b.id}"
  trigger_config = jsonencode({ events = ["oss:ObjectCreated:*"], filter = { key = { prefix = "in/" } } })
}
`,
    });
    expect(functions.map((f) => f.name.value)).toEqual(['thumbs-prod']);
    expect(storage.map((t) => [t.bucket.value, t.bucketRegion?.value, t.function.name.value])).toEqual([
      ['media-prod', 'cn-hangzhou', 'thumbs-prod'],
    ]);
    expect(functions[0].writes.map((w) => w.prefix?.value)).toEqual(['out/']);
  });

  it("a local module is followed with the call's arguments, once per call, and not linted on its own", () => {
    const child = `variable "bucket" {}
variable "prefix" { default = "" }
resource "aws_lambda_function" "f" { function_name = "f-\${var.bucket}" }
resource "aws_s3_bucket_notification" "n" {
  bucket = var.bucket
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = var.prefix
  }
}
`;
    const root =
      'module "a" {\n  source = "./modules/notify"\n  bucket = "shared"\n  prefix = "a/"\n}\nmodule "b" {\n  source = "./modules/notify"\n  bucket = "shared"\n  prefix = "a/b/"\n}\n';
    const { storage } = build({ 'main.tf': root, 'modules/notify/main.tf': child });
    expect(storage.map((t) => [t.bucket.value, t.prefix.value, t.configuration?.value])).toEqual([
      ['shared', 'a/', 'module.a.aws_s3_bucket_notification.n'],
      ['shared', 'a/b/', 'module.b.aws_s3_bucket_notification.n'],
    ]);
    const r = lintTexts(
      { 'main.tf': root, 'modules/notify/main.tf': child },
      only('notification-overwrite', 'trigger-overlap'),
    );
    expect(r.files.flatMap((f) => f.findings.map((x) => `${x.path}:${x.line} ${x.ruleId}`))).toEqual([
      'modules/notify/main.tf:4 notification-overwrite',
      'modules/notify/main.tf:9 trigger-overlap',
    ]);
  });

  it('an unknown value never becomes a finding', () => {
    const text = `resource "aws_lambda_function" "f" { function_name = "f" }
resource "aws_s3_bucket_notification" "n" {
  bucket = var.undeclared
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = each.value
  }
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = module.x.prefix
  }
}
`;
    const r = lintTexts({ 'main.tf': text }, only('trigger-overlap', 'prefix-leading-slash', 'notification-overwrite'));
    expect(r.files[0].findings).toEqual([]);
  });
});

describe('terraform: every vendor maps into the Model', () => {
  it('schedules, Tencent and Huawei triggers', () => {
    const { triggers } = build({
      'main.tf': `resource "aws_lambda_function" "f" { function_name = "f" }
resource "aws_cloudwatch_event_rule" "r" { schedule_expression = "rate(5 minutes)" }
resource "aws_cloudwatch_event_target" "t" {
  rule = aws_cloudwatch_event_rule.r.name
  arn  = aws_lambda_function.f.arn
}
resource "tencentcloud_scf_function" "s" {
  name = "s"
  triggers {
    name         = "b-1250000000.cos.ap-guangzhou.myqcloud.com"
    type         = "cos"
    trigger_desc = "{\\"event\\":\\"cos:ObjectCreated:*\\",\\"filter\\":{\\"Prefix\\":\\"in/\\",\\"Suffix\\":\\"\\"}}"
  }
}
resource "huaweicloud_fgs_function" "h" {
  name      = "h"
  user_data = jsonencode({ OUTPUT_BUCKET = "obs-out" })
}
resource "huaweicloud_fgs_trigger" "o" {
  function_urn = huaweicloud_fgs_function.h.urn
  type         = "OBS"
  obs {
    bucket_name             = "obs-in"
    event_notification_name = "n"
    events                  = ["ObjectCreated"]
  }
}
`,
    });
    expect(
      triggers.map(
        (t) =>
          `${t.function.vendor} ${t.kind} ${isTimer(t) ? t.schedule.value : isStorage(t) ? `${String(t.bucket.value)} ${String(t.bucketRegion?.value ?? '')} ${(t.events.value as string[]).join()}` : ''}`,
      ),
    ).toEqual([
      'aws timer rate(5 minutes)',
      'tencent storage b-1250000000 ap-guangzhou ObjectCreated:*',
      'huawei storage obs-in  ObjectCreated',
    ]);
  });
});

describe('terraform: syntax', () => {
  it('HCL that does not parse is a syntax finding, and the rest of the file is still read', () => {
    const text = 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n';
    const r = lintTexts({ 'main.tf': text }, only('syntax'));
    expect(r.files[0].findings.length).toBeGreaterThan(0);
    expect(r.files[0].findings[0].message).toMatch(/^HCL syntax error/);
  });
});
