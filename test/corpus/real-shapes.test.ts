// The real files of issue #30 in test/corpus/configs/real-shapes/ (read-only; sources in
// SOURCES.md): each is a trigger file read without an internal error, and its findings are the
// ones in test/corpus/configs/real-shapes.VERDICTS.md, written before the tool ran on them.
import { pinFolder } from './pin.js';

pinFolder('real-shapes', {
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
  // Tencent multi-scf: 7-field cron with seconds (its documented every-5-seconds example), API Gateway
  'serverless-components__tencent-multi-scf__example__serverless.yml': [],
  // SAM ScheduleV2 rate(5 minute): EventBridge Scheduler accepts it
  'aws-samples__serverless-patterns__eventbridge-schedule-to-lambda-sam-go__template.yaml': [],
  // SAM without Transform, S3 Filter: {Fn::If: …}: a filter chosen at deploy time
  'aws__serverless-application-model__tests__translator__input__s3_intrinsics.yaml': [],
  // legacy fc, component: ${path(../..)}, no trigger
  'devsapp__fc__examples__multi-envs__s-no-env.yaml': [],
});
