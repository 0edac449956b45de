// The registry of format adapters, in detection order (most specific first).
import type { FormatAdapter } from './types.js';
import fc3 from './fc3.js';
import serverlessDevsFc from './serverless-devs-fc.js';
import huaweiFgs from './huawei-fgs.js';
import funcraft from './funcraft.js';
import ros from './ros.js';
import serverlessAliyun from './serverless-aliyun.js';
import tencentScf from './tencent-scf.js';
import tencentScfPlugin from './tencent-scf-plugin.js';
import tencentTcsam from './tencent-tcsam.js';
import huaweiServerless from './huawei-serverless.js';
import awsSam from './aws-sam.js';
import serverlessAws from './serverless-aws.js';
import awsCloudformation from './aws-cloudformation.js';

export const FORMATS: FormatAdapter[] = [
  fc3,
  serverlessDevsFc,
  huaweiFgs,
  funcraft,
  ros,
  serverlessAliyun,
  tencentScf,
  tencentScfPlugin,
  tencentTcsam,
  huaweiServerless,
  awsSam,
  serverlessAws,
  awsCloudformation,
];

/**
 * Formats read by their own reader instead of a YAML adapter: Terraform modules
 * (src/formats/terraform/, built by the engine's Terraform step). Listed for docs and the API.
 */
export const OTHER_FORMATS: Pick<FormatAdapter, 'id' | 'vendor' | 'description' | 'fileNames'>[] = [
  {
    id: 'terraform',
    vendor: 'aws',
    description:
      'Terraform modules (*.tf, terraform.tfvars, *.auto.tfvars): AWS, Alibaba Cloud, Tencent Cloud and Huawei Cloud trigger resources',
    fileNames: ['*.tf', 'terraform.tfvars', '*.auto.tfvars'],
  },
];

/** File names a directory scan looks for. */
export const TRIGGER_FILE_NAMES = [...new Set(FORMATS.flatMap((f) => f.fileNames))].sort();

export function formatById(id: string): FormatAdapter | undefined {
  return FORMATS.find((f) => f.id === id);
}
