// The real files in test/corpus/configs/aliyun-fc-legacy/ (Legacy Serverless Devs fc files; read-only): each lints without an
// internal error, and the findings on each are pinned (rule id, line, message).
// Read and agreed: the golang-oss pair sets prefix '' and suffix '' on oss:ObjectCreated:* (the
// unfiltered-trigger warning; its bucket is the placeholder <buckctName>, so unknown), and s_en.yaml
// has the indentation error at line 38 the corpus notes mention; non-http-trigger declares
// mnsTrigger twice; every {{ }} template leaves its bucket/prefix unknown, so the PROCESSED_DIR and
// OUTPUT_DST write-backs of the unzip and ffmpeg templates cannot be judged (no finding); the
// fnf-video trigger watches fnf_video/inputs/ and OUTPUT_DST is not an output prefix name (no
// DIR/PATH/PREFIX word), so nothing there either.
import { pinFolder } from './pin.js';

const EXPECTED: Record<string, string[]> = {
    "awesome-fc__code-example__golang__golang-oss__s.yaml": [
      "61 recursive-trigger: trigger \"trigger-f900jdf2\" fires on every new object in its bucket (no prefix or suffix), and trigger-lint cannot rule out that the function writes there (its handler code was not found beside the config, or not read): if it does, it triggers itself forever; OSS recommends a filter — set a prefix such as \"src/\" and write results elsewhere",
      "69 multipart-fanout: event \"oss:ObjectCreated:*\" includes InitiateMultipartUpload, UploadPart, UploadPartCopy: a multipart upload invokes function \"fc-golang-oss\" once per part, before the object is complete; for finished objects list \"oss:ObjectCreated:PutObject\", \"oss:ObjectCreated:PostObject\", \"oss:ObjectCreated:CompleteMultipartUpload\" instead"
    ],
    "awesome-fc__code-example__golang__golang-oss__s_en.yaml": [
      "38 syntax: a \"key: value\" continues another value here (a: b: c, or a line indented deeper than its siblings); quote the value, or align the inner key with its siblings",
      "38 syntax: a key runs over more than one line: a line below it is indented deeper than its siblings and read as part of this one (or a \":\" or a closing quote is missing); align sibling keys, and keep each key and its \":\" on one line",
      "61 recursive-trigger: trigger \"oss\" fires on every new object in its bucket (no prefix or suffix), and trigger-lint cannot rule out that the function writes there (its handler code was not found beside the config, or not read): if it does, it triggers itself forever; OSS recommends a filter — set a prefix such as \"src/\" and write results elsewhere",
      "69 multipart-fanout: event \"oss:ObjectCreated:*\" includes InitiateMultipartUpload, UploadPart, UploadPartCopy: a multipart upload invokes function \"fc-golang-oss\" once per part, before the object is complete; for finished objects list \"oss:ObjectCreated:PutObject\", \"oss:ObjectCreated:PostObject\", \"oss:ObjectCreated:CompleteMultipartUpload\" instead"
    ],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-golang__cdn-trigger-golang__src__s.yaml": [],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-golang__kafka-trigger-golang__src__s.yaml": [],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-golang__mns-topic-trigger-golang__src__s.yaml": [],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-golang__oss-trigger-golang__src__s.yaml": [],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-golang__ots-trigger-golang__src__s.yaml": [],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-golang__sls-trigger-golang__src__s.yaml": [],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-java__oss-trigger-java__src__s.yaml": [],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-nodejs__oss-trigger-nodejs__src__s.yaml": [],
    "awesome-fc__code-example__quick-start-sample-codes__quick-start-sample-codes-python__oss-trigger-python__src__s.yaml": [],
    "awesome-fc__fc-fnf-video-processing__s.yaml": [],
    "devsapp__fc__examples__non-http-trigger__s.yaml": [
      "42 multipart-fanout: event \"oss:ObjectCreated:*\" includes InitiateMultipartUpload, UploadPart, UploadPartCopy: a multipart upload invokes function \"non-http-trigger-function\" once per part, before the object is complete; for finished objects list \"oss:ObjectCreated:PutObject\", \"oss:ObjectCreated:PostObject\", \"oss:ObjectCreated:CompleteMultipartUpload\" instead",
      "70 duplicate-trigger-name: trigger name \"mnsTrigger\" is used twice on function \"non-http-trigger-function\": deploy looks triggers up by name, so one silently overwrites the other; rename one of them"
    ],
    "devsapp__start-ffmpeg__video-process-flow__src__s.yaml": [],
    // unrendered templates (issue #12): the output directory {{ processedDir }} is unknown, and
    // without a prefix chosen yet the function may unzip into the folder it watches — a warning
    "devsapp__start-unzip-oss__src__s.yaml@e679f115": [
      "68 recursive-trigger: the function writes into the bucket that triggers it (environment variable PROCESSED_DIR; its value is an unrendered template placeholder, so the key prefix it writes under is not known), and trigger \"unzip-oss-trigger\" watches keys with a prefix trigger-lint cannot resolve and suffix \".zip\" there: if the function's output matches, it triggers itself again; make sure its output keys fall outside the filter — write to a prefix the trigger does not watch (e.g. trigger on \"src/\", write to \"dst/\") or to another bucket",
    ],
    "zhaohang88__unzip-oss-nas__src__s.yml": [
      "45 recursive-trigger: the function writes into the bucket that triggers it (environment variable PROCESSED_DIR; its value is an unrendered template placeholder, so the key prefix it writes under is not known), and trigger \"unzip-oss-trigger\" watches keys with a prefix trigger-lint cannot resolve and suffix \".zip\" there: if the function's output matches, it triggers itself again; make sure its output keys fall outside the filter — write to a prefix the trigger does not watch (e.g. trigger on \"src/\", write to \"dst/\") or to another bucket",
    ],
};

pinFolder('aliyun-fc-legacy', EXPECTED);
