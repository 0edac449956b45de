// The real files of issue #30 in test/corpus/configs/real-shapes/ (read-only; sources in
// SOURCES.md): each is a trigger file read without an internal error, and its findings are the
// ones in test/corpus/configs/real-shapes.VERDICTS.md, written before the tool ran on them.
import { pinFolder } from './pin.js';

pinFolder('real-shapes', {
  // SAM ScheduleV2 rate(5 minute): EventBridge Scheduler accepts it
  'aws-samples__serverless-patterns__eventbridge-schedule-to-lambda-sam-go__template.yaml': [],
  // SAM without Transform, S3 Filter: {Fn::If: …}: a filter chosen at deploy time
  'aws__serverless-application-model__tests__translator__input__s3_intrinsics.yaml': [],
  // legacy fc, component: ${path(../..)}, no trigger
  'devsapp__fc__examples__multi-envs__s-no-env.yaml': [],
});
