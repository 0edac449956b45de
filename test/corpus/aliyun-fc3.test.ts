// The real fc3 files in test/corpus/configs/aliyun-fc3/ (read-only): each lints without an
// internal error, and the findings on each are pinned after reading the file.
// Read and agreed: complete-props.yaml is devsapp/fc3's "every field" test file and fills several
// fields with the type name "string" — not a GPU type, a log rule or a runtime, so that file could
// not deploy as written; its oss trigger uses oss:ObjectCreated:* (multipart fan-out). Its
// <region>/<account-id> ARN placeholders are unknown values, never findings. The e2e files
// (EventBridge; HTTP triggers on two qualifiers) and start-fc's {{ }} template are clean.
import { pinFolder } from './pin.js';

const EXPECTED: Record<string, string[]> = {
  "devsapp__fc3____tests____complete-props.yaml": [
    "60 schema: invalid GPU type \"string\": GPU types are written like fc.gpu.tesla.1 or fc.gpu.ampere.1",
    "75 schema: unknown value \"string\" for logConfig.logBeginRule; expected \"DefaultRegex\" or \"None\"",
    "97 schema: unknown runtime \"string\"; write a Function Compute runtime such as nodejs18, nodejs20, python3.10, python3.12, java11, go1, custom.debian10 or custom-container",
    "145 multipart-fanout: event \"oss:ObjectCreated:*\" includes InitiateMultipartUpload, UploadPart, UploadPartCopy: a multipart upload invokes function \"string\" once per part, before the object is complete; for finished objects list \"oss:ObjectCreated:PutObject\", \"oss:ObjectCreated:PostObject\", \"oss:ObjectCreated:CompleteMultipartUpload\" instead"
  ],
  "devsapp__fc3____tests____e2e__trigger__eb__s.yaml": [],
  "devsapp__fc3____tests____e2e__trigger__http__s.yaml": [],
  "devsapp__start-fc__fc-node__oss-event__src__s.yaml": []
};

pinFolder('aliyun-fc3', EXPECTED);
