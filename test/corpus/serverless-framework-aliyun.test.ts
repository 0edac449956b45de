// The real files in test/corpus/configs/serverless-framework-aliyun/ (the serverless-aliyun-function-compute test project; read-only): each lints without an
// internal error, and the findings on each are pinned (rule id, line, message).
// Read and agreed: the oss event watches source/ on my-service-resource; ramRoleStatements grant
// oss:PutObject on "*" (no named bucket: not a write target), provider.region is not written (the
// plugin's default can be overridden by --region), so there is nothing to report.
import { pinFolder } from './pin.js';

const EXPECTED: Record<string, string[]> = {
    "aliyun__serverless-aliyun-function-compute__test__project__serverless.yml": [],
};

pinFolder('serverless-framework-aliyun', EXPECTED);
