// What trigger-lint must make of every sample event in test/corpus/events (verbatim copies).
// Every file there has an entry, so a new sample forces a decision. Reasons for exceptions quote
// the research notes on event payloads or SOURCES.md.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('../corpus/events/', import.meta.url));

export type Expectation =
  /** A payload of this vendor/type: detected as it and valid against its schema. */
  | { id: string }
  /** A payload of this vendor/type that the vendor published broken: rejected, with this error. */
  | { id: string; broken: string; error: RegExp }
  /** Not valid JSON even with comments and trailing commas allowed (as SOURCES.md says). */
  | { unparsable: string; error: RegExp }
  /** Not a trigger event trigger-lint has a schema for: nothing is detected. */
  | { none: string; closest?: string };

export const EXPECTED: Record<string, Expectation> = {
  // ---- Alibaba -------------------------------------------------------------------------------
  'alibaba/awesomefc-kafka-eventbridge.json': { id: 'aliyun/kafka' },
  'alibaba/awesomefc-mns-queue-single.json': { id: 'aliyun/mns-queue' },
  'alibaba/awesomefc-oss-PostObject-2022.json': { id: 'aliyun/oss' },
  'alibaba/awesomefc-rabbitmq-eventbridge.json': { id: 'aliyun/rabbitmq' },
  'alibaba/doc-apache-rocketmq.json': { id: 'aliyun/rocketmq' },
  'alibaba/doc-apigw-template.jsonc': {
    unparsable: 'the doc shows placeholders ({all headers,…}, "true|false") instead of values',
    error: /JSON strings need double quotes/,
  },
  'alibaba/doc-cdn-CachedObjectsRefreshed.json': { id: 'aliyun/cdn' },
  'alibaba/doc-cdn-CdnDomainAdded.json': { id: 'aliyun/cdn' },
  'alibaba/doc-cdn-CdnDomainStarted.json': { id: 'aliyun/cdn' },
  'alibaba/doc-cdn-LogFileCreated.json': { id: 'aliyun/cdn' },
  'alibaba/doc-dts-cloudevents.jsonc': {
    unparsable: 'masked id "321****" (and no DTS schema)',
    error: /masked number/,
  },
  'alibaba/doc-eventbridge-oss-PostObject-dataworks.json': { id: 'aliyun/oss-eventbridge' },
  'alibaba/doc-kafka-cloudevents.json': { id: 'aliyun/kafka' },
  'alibaba/doc-mns-queue-cloudevents.json': { id: 'aliyun/mns-queue' },
  'alibaba/doc-mns-topic-json-with-attrs.json': { id: 'aliyun/mns-topic' },
  'alibaba/doc-mns-topic-json-without-attrs.json': { id: 'aliyun/mns-topic' },
  'alibaba/doc-mqtt.json': { none: 'MQTT (Message Queue for IoT) has no schema' },
  'alibaba/doc-oss-objectmeta.json': { id: 'aliyun/oss' },
  'alibaba/doc-rabbitmq-cloudevents.json': { id: 'aliyun/rabbitmq' },
  'alibaba/doc-rocketmq-cloudevents.json': { id: 'aliyun/rocketmq' },
  'alibaba/doc-sls.json': { id: 'aliyun/sls' },
  'alibaba/doc-tablestore.json': { id: 'aliyun/tablestore' },
  'alibaba/doc-timer.json': { id: 'aliyun/timer' },
  'alibaba/fc-event-http-fc2-invoke-params.json': {
    none: 'FC 2.0 "s invoke" parameters for HTTP functions, not a trigger payload',
  },
  'alibaba/fc2-invoke-http-params-example.json': {
    none: 'FC 2.0 "s invoke" parameters for HTTP functions, not a trigger payload',
  },
  'alibaba/fc3-cdn-CachedObjectsRefreshed.json': { id: 'aliyun/cdn' },
  'alibaba/fc3-cdn-CdnDomainAdded.jsonc': { id: 'aliyun/cdn' },
  'alibaba/fc3-cdn-CdnDomainStarted.json': { id: 'aliyun/cdn' },
  'alibaba/fc3-cdn-LogFileCreated.jsonc': { id: 'aliyun/cdn' },
  'alibaba/fc3-http.json': { id: 'aliyun/http' },
  'alibaba/fc3-mns-stream.json': { id: 'aliyun/mns-topic' },
  'alibaba/fc3-mns-with-MessageAttributes.json': { id: 'aliyun/mns-topic' },
  'alibaba/fc3-mns-without-MessageAttributes.json': { id: 'aliyun/mns-topic' },
  'alibaba/fc3-oss.json': { id: 'aliyun/oss' },
  'alibaba/fc3-sls.json': { id: 'aliyun/sls' },
  'alibaba/fc3-tablestore.json': {
    id: 'aliyun/tablestore',
    broken: 'a *type* template: values are type names such as "int64" and "string" (research notes §1.7)',
    error: /Info\.Timestamp: expected an integer, got the string "int64"/,
  },
  'alibaba/gosdk-kafka-eventbridge-string-array.json': { id: 'aliyun/kafka' },
  'alibaba/gosdk-mns-topic-json.json': { id: 'aliyun/mns-topic' },
  'alibaba/gosdk-oss.json': { id: 'aliyun/oss' },
  'alibaba/gosdk-sls.json': { id: 'aliyun/sls' },
  'alibaba/gosdk-timer.json': { id: 'aliyun/timer' },
  'alibaba/oss-notification-GetObject-doc.json': {
    id: 'aliyun/oss',
    broken:
      'misplaced brace: region, requestParameters, responseElements, userIdentity and xVars end up inside "oss" (research notes §0)',
    error: /missing required key "region" in events\[0\]/,
  },
  // ---- Tencent -------------------------------------------------------------------------------
  'tencent/doc-2019-cos-legacy-size-string.jsonc': {
    unparsable: 'unterminated eventName string and a trailing comma (SOURCES.md)',
    error: /string is not closed/,
  },
  'tencent/doc-apigateway.json': { id: 'tencent/apigw' },
  'tencent/doc-ckafka.json': { id: 'tencent/ckafka' },
  'tencent/doc-clb.jsonc': {
    unparsable: 'non-breaking spaces, missing commas and curly quotes (SOURCES.md)',
    error: /non-breaking space/,
  },
  'tencent/doc-cls-decoded-data.json': { none: 'the decoded clslogs.data document, not the event' },
  'tencent/doc-cls.json': { id: 'tencent/cls' },
  'tencent/doc-cmq-topic.json': { id: 'tencent/cmq' },
  'tencent/doc-cos-with-usermeta.json': { id: 'tencent/cos' },
  'tencent/doc-cos.json': { id: 'tencent/cos' },
  'tencent/doc-eventbridge-tdmq.jsonc': {
    unparsable: 'missing closing brace (and no Tencent EventBridge schema)',
    error: /expected "}"/,
  },
  'tencent/doc-mps-workflowtask.json': { none: 'MPS workflow events have no schema' },
  'tencent/doc-timer.json': { id: 'tencent/timer' },
  'tencent/real-cos-put-scf-mediaprocess-2018.json': { id: 'tencent/cos' },
  'tencent/scfcli-apigateway-proxy.json': { id: 'tencent/apigw' },
  'tencent/scfcli-ckafka.json': {
    id: 'tencent/ckafka',
    broken:
      'scfcli template writes "partition": "" while the docs and the Go lib use an integer (research notes §0, §2.5)',
    error: /Ckafka\.partition: expected an integer, got the string ""/,
  },
  'tencent/scfcli-cmq-topic.jsonc': {
    unparsable: 'unquoted template placeholder {{owner}} (SOURCES.md)',
    error: /template placeholder "\{\{owner\}\}"/,
  },
  'tencent/scfcli-cos-delete.json': {
    id: 'tencent/cos',
    broken: 'eventName "cos: ObjectRemove:Delete" has a space (research notes §2.1)',
    error: /unknown event "cos: ObjectRemove:Delete"; did you mean "cos:ObjectRemove:Delete"\?/,
  },
  'tencent/scfcli-cos-post.json': { id: 'tencent/cos' },
  'tencent/scfcli-cos-put.json': { id: 'tencent/cos' },
  'tencent/scfcli-timer.json': { id: 'tencent/timer' },
  'tencent/scfgolib-test-apigateway.json': { id: 'tencent/apigw' },
  'tencent/scfgolib-test-ckafka.json': { id: 'tencent/ckafka' },
  'tencent/scfgolib-test-cmq-topic.json': { id: 'tencent/cmq' },
  'tencent/scfgolib-test-cos.json': { id: 'tencent/cos' },
  'tencent/scfgolib-test-timer.json': { id: 'tencent/timer' },
  // ---- Huawei --------------------------------------------------------------------------------
  'huawei/otc-go-apig-test-event.json': { id: 'huawei/apig' },
  'huawei/otc-go-apig.json': { id: 'huawei/apig' },
  'huawei/otc-go-cts.json': { id: 'huawei/cts' },
  'huawei/otc-go-dds.json': { none: 'DDS has no schema' },
  'huawei/otc-go-dis.json': { id: 'huawei/dis' },
  'huawei/otc-go-kafka.json': { id: 'huawei/kafka' },
  'huawei/otc-go-lts.json': { id: 'huawei/lts' },
  'huawei/otc-go-obs.json': { id: 'huawei/obs' },
  'huawei/otc-go-smn.json': { id: 'huawei/smn' },
  'huawei/otc-go-timer.json': { id: 'huawei/timer' },
  'huawei/otcjava-apig-base64.json': { id: 'huawei/apig' },
  'huawei/otcjava-apig.json': { id: 'huawei/apig' },
  'huawei/otcjava-async-notification-with-real-obs-payload.json': {
    none: 'an async-invocation failure notification (its request_payload is checked separately)',
  },
  'huawei/otcjava-cts.json': { id: 'huawei/cts' },
  'huawei/otcjava-dds.json': { none: 'DDS has no schema' },
  'huawei/otcjava-dms4kafka.json': { id: 'huawei/kafka' },
  'huawei/otcjava-dms4rocketmq.json': { id: 'huawei/rocketmq' },
  'huawei/otcjava-kafka.json': { id: 'huawei/kafka' },
  'huawei/otcjava-lts.json': { id: 'huawei/lts' },
  'huawei/otcjava-s3obs.json': { id: 'huawei/obs' },
  'huawei/otcjava-smn.json': { id: 'huawei/smn' },
  'huawei/otcjava-timer.json': { id: 'huawei/timer' },
  'huawei/otcnode-apig-real-2025.json': { id: 'huawei/apig' },
  'huawei/otcnode-cts-ecs-creation-unwrapped.json': {
    none: 'a bare CTS trace without the {"cts": …} wrapper (research notes §3.4: "useful as a negative test")',
    closest: 'huawei/cts',
  },
  'huawei/otcnode-obss3-minimal-template.json': { id: 'huawei/obs' },
  'huawei/otcnode-rocketmq.json': { id: 'huawei/rocketmq' },
  'huawei/otcnode-smn-2records-with-extra-top-keys.json': { id: 'huawei/smn' },
  'huawei/otcnode-timer.json': { id: 'huawei/timer' },
  'huawei/seed-doc-apig.json': { id: 'huawei/apig' },
  'huawei/seed-doc-cts.json': { id: 'huawei/cts' },
  'huawei/seed-doc-kafka.json': { id: 'huawei/kafka' },
  'huawei/seed-doc-lts.json': { id: 'huawei/lts' },
  'huawei/seed-doc-obs.json': { id: 'huawei/obs' },
  'huawei/seed-doc-rabbitmq.json': { id: 'huawei/rabbitmq' },
  'huawei/seed-doc-timer.json': { id: 'huawei/timer' },
  // ---- JD Cloud ------------------------------------------------------------------------------
  'jdcloud/derived-2018-apigw-real.stripped.json': { id: 'jdcloud/apigw' },
  'jdcloud/doc-2018-apigw-real.jsonc': { id: 'jdcloud/apigw' },
  'jdcloud/doc-apigw-template.jsonc': { id: 'jdcloud/apigw' },
  'jdcloud/doc-oss-template.jsonc': {
    id: 'jdcloud/oss',
    broken:
      'field-description template: eventName "event-type" and size "object size" are placeholders (research notes §0, §4.1)',
    error: /object\.size: expected an integer, got the string "object size"/,
  },
  'jdcloud/oss-http-callback-notification-template.jsonc': {
    unparsable:
      'eventTime written unquoted (Mon, 06 Aug 2018 …) (SOURCES.md); and an HTTP callback, not a Function event',
    error: /unexpected "Mon"/,
  },
  // ---- AWS -----------------------------------------------------------------------------------
  'aws/doc-example-ObjectCreated-Put.json': { id: 'aws/s3' },
  'aws/doc-s3-TestEvent.json': {
    none: 's3:TestEvent is a different object sent once on configuration (research notes §5)',
  },
  'aws/doc-structure-v2.2.json': {
    id: 'aws/s3',
    broken:
      'field-description template: "size": "object-size in bytes", eventTime and eventName are prose (research notes §5)',
    error: /object\.size: expected an integer, got the string "object-size in bytes"/,
  },
  'aws/lambdago-s3-event-with-decoded.json': { id: 'aws/s3' },
  'aws/lambdago-s3-event.json': { id: 'aws/s3' },
  'aws/lambdago-s3-glacier-event.json': { id: 'aws/s3' },
  'aws/lambdago-s3-intelligenttier-event.json': { id: 'aws/s3' },
  'aws/lambdago-s3-lifecycle-event.json': { id: 'aws/s3' },
  'aws/lambdago-s3-replication-event.json': { id: 'aws/s3' },
  'aws/lambdago-s3-restore-event.json': { id: 'aws/s3' },
  'aws/samcli-S3Delete.json': { id: 'aws/s3' },
  'aws/samcli-S3Put.json': { id: 'aws/s3' },
};

export function corpusFiles(): string[] {
  const out: string[] = [];
  for (const vendor of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!vendor.isDirectory()) continue;
    for (const f of readdirSync(CORPUS + vendor.name).sort()) out.push(`${vendor.name}/${f}`);
  }
  return out.sort();
}

export const readCorpus = (file: string) => readFileSync(CORPUS + file, 'utf8');
