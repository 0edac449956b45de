// One example per supported format (Terraform's loads the HCL grammar on first use: engine.ts); each has deliberate, commented mistakes. The fc3 example is
// the repository's own examples/s.yaml (the README's). Bundled as text by esbuild.
import fc3 from '../../examples/s.yaml';
import fc from '../examples/serverless-devs-fc.yaml';
import funcraft from '../examples/funcraft.yml';
import ros from '../examples/ros.yml';
import aliyun from '../examples/serverless-aliyun.yml';
import scf from '../examples/tencent-scf.yaml';
import scfPlugin from '../examples/tencent-scf-plugin.yaml';
import tcsam from '../examples/tencent-tcsam.yaml';
import fgs from '../examples/huawei-fgs.yaml';
import huawei from '../examples/huawei-serverless.yml';
import sam from '../examples/aws-sam.yaml';
import aws from '../examples/serverless-aws.yml';
import terraform from '../examples/terraform.tf';

export interface Example {
  /** The format id the example is written in (test/playground checks the engine agrees). */
  format: string;
  title: string;
  /** The file name the example is linted under. */
  name: string;
  text: string;
}

export const EXAMPLES: Example[] = [
  { format: 'serverless-devs-fc3', title: 'Alibaba FC 3.0 — s.yaml', name: 's.yaml', text: fc3 },
  { format: 'serverless-devs-fc', title: 'Alibaba FC 2.0 — s.yaml', name: 's.yaml', text: fc },
  { format: 'funcraft', title: 'Alibaba Funcraft — template.yml', name: 'template.yml', text: funcraft },
  { format: 'ros', title: 'Alibaba ROS — template.yml', name: 'template.yml', text: ros },
  {
    format: 'serverless-aliyun',
    title: 'Alibaba Serverless Framework — serverless.yml',
    name: 'serverless.yml',
    text: aliyun,
  },
  { format: 'tencent-scf', title: 'Tencent SCF component — serverless.yml', name: 'serverless.yml', text: scf },
  {
    format: 'tencent-scf-plugin',
    title: 'Tencent Serverless Framework — serverless.yml',
    name: 'serverless.yml',
    text: scfPlugin,
  },
  { format: 'tencent-tcsam', title: 'Tencent TCSAM — template.yaml', name: 'template.yaml', text: tcsam },
  { format: 'huawei-fgs', title: 'Huawei FunctionGraph — s.yaml', name: 's.yaml', text: fgs },
  {
    format: 'huawei-serverless',
    title: 'Huawei Serverless Framework — serverless.yml',
    name: 'serverless.yml',
    text: huawei,
  },
  { format: 'aws-sam', title: 'AWS SAM — template.yaml', name: 'template.yaml', text: sam },
  { format: 'serverless-aws', title: 'AWS Serverless Framework — serverless.yml', name: 'serverless.yml', text: aws },
  { format: 'terraform', title: 'Terraform — main.tf', name: 'main.tf', text: terraform },
];
