// The real files of issue #30 in test/corpus/configs/real-shapes/ (read-only; sources in
// SOURCES.md): each is a trigger file read without an internal error, and its findings are the
// ones in test/corpus/configs/real-shapes.VERDICTS.md, written before the tool ran on them.
import { pinFolder } from './pin.js';

pinFolder('real-shapes', {
  // ROS http trigger in the reference's PascalCase: right
  'aliyun__ros-templates__compute-nest-best-practice__fc__template.yml': [],
  // ROS eventbridge: eventRuleFilterPattern written inside eventSourceParameters is not read there
  'aliyun__ros-templates__documents__solution__internet-application-development__video-website-solution.yml': [
    '457 eventbridge-trigger: "eventRuleFilterPattern" is written inside eventSourceParameters of trigger "fc-trigger", which holds only each source\'s own settings (sourceMNSParameters, sourceKafkaParameters…): Function Compute does not read it there; move it to the trigger config, beside eventSourceConfig',
  ],
  // SAM SQS Queue: !Ref MyQueue is the queue URL where SAM wants the ARN (deploy fails)
  'aws__serverless-application-model__examples__2016-10-31__sqs__template.yaml': [
    '15 schema: !Ref "MyQueue" is the queue URL of AWS::SQS::Queue "MyQueue", not its ARN: SAM passes Queue to the event source mapping\'s EventSourceArn, which rejects it at deploy; write Queue: !GetAtt MyQueue.Arn',
  ],
  // SAM Kinesis from !GetAtt Stream.Arn: correct
  'aws__serverless-application-model__examples__2016-10-31__stream_processor__template.yaml': [],
  // SAM EventBridgeRule on a custom bus matching aws.ec2: AWS events go to the default bus
  'aws__serverless-application-model__examples__2016-10-31__eventbridge-event-to-msteams__template.yaml': [
    '48 schema: rule on event bus "event-bus-name" matches only AWS service events (source "aws.ec2"), but AWS services send their events to the default event bus: this rule sees them only if another rule forwards them to "event-bus-name"; remove EventBusName to use the default bus, or forward the events',
  ],
  // Serverless Framework (AWS), serverless/examples: SQS and Kinesis from GetAtt ARNs are right
  'serverless__examples__aws-node-typescript-sqs-standard__serverless.yml': [],
  'serverless__examples__aws-node-typescript-kinesis__serverless.yml': [],
  // unfiltered ObjectCreated:* on the input bucket; the role may write there, the Go code is not read
  'serverless__examples__aws-golang-s3-file-replicator__serverless.yml': [
    '40 recursive-trigger: this trigger fires on every new object in bucket "replicator-input-101" (no prefix or suffix), and trigger-lint cannot rule out that the function writes there (its handler code was not found beside the config, or not read): if it does, it triggers itself forever; S3 recommends a filter — set a prefix such as "src/" and write results elsewhere',
  ],
  // a suffix rule is set; the bucket name is a placeholder for the reader
  'serverless__examples__aws-node-upload-to-s3-and-postprocess__serverless.yml': [],
  // Tencent multi-scf: 7-field cron with seconds (its documented every-5-seconds example), API Gateway
  'serverless-components__tencent-multi-scf__example__serverless.yml': [],
  // SAM ScheduleV2 rate(5 minute): EventBridge Scheduler accepts it
  'aws-samples__serverless-patterns__eventbridge-schedule-to-lambda-sam-go__template.yaml': [],
  // SAM without Transform, S3 Filter: {Fn::If: …}: a filter chosen at deploy time
  'aws__serverless-application-model__tests__translator__input__s3_intrinsics.yaml': [],
  // legacy fc, component: ${path(../..)}, no trigger
  'devsapp__fc__examples__multi-envs__s-no-env.yaml': [],
});
