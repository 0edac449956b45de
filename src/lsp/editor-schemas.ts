// The JSON Schema an editor attaches to each format's whole file (schemas/catalog.json lists
// the same ones for SchemaStore). Formats whose linter schema covers one part of the file (fc3
// props, a Funcraft event…) have a file schema in schemas/files/ that places it.
import filesFc3 from '../../schemas/files/fc3.json' with { type: 'json' };
import filesFc from '../../schemas/files/serverless-devs-fc.json' with { type: 'json' };
import filesFgs from '../../schemas/files/huawei-fgs.json' with { type: 'json' };
import filesFuncraft from '../../schemas/files/funcraft.json' with { type: 'json' };
import filesRos from '../../schemas/files/ros.json' with { type: 'json' };
import filesAliyun from '../../schemas/files/serverless-aliyun.json' with { type: 'json' };
import fc3 from '../../schemas/config/fc3.json' with { type: 'json' };
import fc from '../../schemas/config/serverless-devs-fc.json' with { type: 'json' };
import fgs from '../../schemas/config/huawei-fgs.json' with { type: 'json' };
import funcraft from '../../schemas/config/funcraft.json' with { type: 'json' };
import ros from '../../schemas/config/ros.json' with { type: 'json' };
import rosFc3 from '../../schemas/config/ros-fc3.json' with { type: 'json' };
import aliyun from '../../schemas/config/serverless-aliyun.json' with { type: 'json' };
import aliyunTriggerConfig from '../../schemas/config/aliyun-trigger-config.json' with { type: 'json' };
import scf from '../../schemas/config/tencent-scf.json' with { type: 'json' };
import scfPlugin from '../../schemas/config/tencent-scf-plugin.json' with { type: 'json' };
import tcsam from '../../schemas/config/tencent-tcsam.json' with { type: 'json' };
import huaweiServerless from '../../schemas/config/huawei-serverless.json' with { type: 'json' };
import sam from '../../schemas/config/aws-sam.json' with { type: 'json' };
import aws from '../../schemas/config/serverless-aws.json' with { type: 'json' };
import type { SchemaNode } from './schema-walk.js';

/** Schema keys (paths under schemas/ without ".json") → schema. */
export const SCHEMAS: Record<string, SchemaNode> = {
  'files/fc3': filesFc3,
  'files/serverless-devs-fc': filesFc,
  'files/huawei-fgs': filesFgs,
  'files/funcraft': filesFuncraft,
  'files/ros': filesRos,
  'files/serverless-aliyun': filesAliyun,
  'config/fc3': fc3,
  'config/serverless-devs-fc': fc,
  'config/huawei-fgs': fgs,
  'config/funcraft': funcraft,
  'config/ros': ros,
  'config/ros-fc3': rosFc3,
  'config/serverless-aliyun': aliyun,
  'config/aliyun-trigger-config': aliyunTriggerConfig,
  'config/tencent-scf': scf,
  'config/tencent-scf-plugin': scfPlugin,
  'config/tencent-tcsam': tcsam,
  'config/huawei-serverless': huaweiServerless,
  'config/aws-sam': sam,
  'config/serverless-aws': aws,
};

/** Format id → the schema key of its whole-file schema. */
export const EDITOR_SCHEMA: Record<string, string> = {
  'serverless-devs-fc3': 'files/fc3',
  'serverless-devs-fc': 'files/serverless-devs-fc',
  'huawei-fgs': 'files/huawei-fgs',
  funcraft: 'files/funcraft',
  ros: 'files/ros',
  'serverless-aliyun': 'files/serverless-aliyun',
  'tencent-scf': 'config/tencent-scf',
  'tencent-scf-plugin': 'config/tencent-scf-plugin',
  'tencent-tcsam': 'config/tencent-tcsam',
  'huawei-serverless': 'config/huawei-serverless',
  'aws-sam': 'config/aws-sam',
  // a CloudFormation template (CDK output too): the SAM schema describes the resources both share
  // and leaves every other resource alone
  'aws-cloudformation': 'config/aws-sam',
  'serverless-aws': 'config/serverless-aws',
};
