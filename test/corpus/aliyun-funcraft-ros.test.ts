// The real files in test/corpus/configs/aliyun-funcraft-ros/ (Funcraft and ROS templates; read-only): each lints without an
// internal error, and the findings on each are pinned (rule id, line, message).
// Read and agreed: the ROS transform template's OSS event has Filter: null, so it fires on every
// new object (warning); fun2s declares two HTTP triggers on one function; the funcraft OSS example
// uses oss:ObjectCreated:* (multipart fan-out info). The native ROS template resolves BucketName
// (parameter Default "storfiles") and the prefix Fn::Join (source/); its role grants oss:* on "*",
// which names no bucket, so it is not a write target: no finding.
import { pinFolder } from './pin.js';

const EXPECTED: Record<string, string[]> = {
    "alibaba__funcraft__examples__cdn-trigger__template.yml": [],
    "alibaba__funcraft__examples__mnsTopic-trigger__template.yml": [],
    "alibaba__funcraft__examples__oss-trigger__template.yml": [
      "21 multipart-fanout: event \"oss:ObjectCreated:*\" includes InitiateMultipartUpload, UploadPart, UploadPartCopy: a multipart upload invokes function \"oss-test-function\" once per part, before the object is complete; for finished objects list \"oss:ObjectCreated:PutObject\", \"oss:ObjectCreated:PostObject\", \"oss:ObjectCreated:CompleteMultipartUpload\" instead"
    ],
    "alibaba__funcraft__examples__tablestore-trigger__template.yml": [],
    "alibaba__funcraft__examples__timer__template.yml": [],
    "aliyun__ros-templates__solutions__serviceless-compute__fc-web-file-backend-service.yml": [],
    "aliyun__ros-templates__transform__serverless__triggers.yml": [
      "45 recursive-trigger: trigger \"OSSTrigger\" fires on every new object in bucket \"test-transform\" (no prefix or suffix), and trigger-lint cannot rule out that the function writes there (its handler code is not named in the config): if it does, it triggers itself forever; OSS recommends a filter — set a prefix such as \"src/\" and write results elsewhere"
    ],
    "devsapp__fc__examples__fun2s__template.yaml": [
      "105 http-trigger: function \"nodejs8\" already has an HTTP trigger on \"LATEST\" (trigger \"http-test\"): Function Compute allows one per function version or alias; merge the methods into that trigger"
    ],
};

pinFolder('aliyun-funcraft-ros', EXPECTED);
