// Non-storage trigger fields the adapters fill for the queue, log, EventBridge and timer rules,
// each with the exact span of the value in the file.
import { describe, expect, it } from 'vitest';
import { isEventBridge, isLog, isQueue, isTimer, type Trigger } from '../../src/model/model.js';
import { at, model } from './build-model.js';

function only(path: string, text: string): { t: Trigger; text: string } {
  const m = model(path, text);
  expect(m.model.triggers).toHaveLength(1);
  return { t: m.model.triggers[0], text };
}

describe('ros adapter: log and MNS topic triggers', () => {
  it('reads the source project from SourceArn and both logstores, the interval and the retries', () => {
    const { t, text } = only(
      'template.yml',
      `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Fn:
    Type: ALIYUN::FC::Function
    Properties: { ServiceName: svc, FunctionName: fn, Handler: index.handler, Runtime: python3 }
  Logs:
    Type: ALIYUN::FC::Trigger
    Properties:
      ServiceName: svc
      FunctionName: fn
      TriggerName: logs
      TriggerType: log
      SourceArn: acs:log:cn-hangzhou:123:project/proj
      TriggerConfig:
        SourceConfig: { Logstore: in }
        JobConfig: { MaxRetryTime: 4, TriggerInterval: 30 }
        LogConfig: { Project: logs, Logstore: out }
`,
    );
    expect(isLog(t)).toBe(true);
    if (!isLog(t)) return;
    expect(at(text, t.sourceProject)).toBe('proj');
    expect(at(text, t.sourceLogstore)).toBe('in');
    expect(at(text, t.logProject)).toBe('logs');
    expect(at(text, t.logLogstore)).toBe('out');
    expect(t.interval?.value).toBe(30);
    expect(t.retries?.value).toBe(4);
  });
  it('reads an mns_topic trigger as a queue: topic from SourceArn, NotifyStrategy, FilterTag', () => {
    const { t, text } = only(
      'template.yml',
      `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Fn:
    Type: ALIYUN::FC::Function
    Properties: { ServiceName: svc, FunctionName: fn, Handler: index.handler, Runtime: python3 }
  Topic:
    Type: ALIYUN::FC::Trigger
    Properties:
      ServiceName: svc
      FunctionName: fn
      TriggerName: mns
      TriggerType: mns_topic
      SourceArn: acs:mns:cn-hangzhou:123:/topics/orders
      TriggerConfig: { NotifyStrategy: BACKOFF_RETRY, FilterTag: paid }
`,
    );
    expect(isQueue(t)).toBe(true);
    if (!isQueue(t)) return;
    expect(at(text, t.topic)).toBe('orders');
    expect(t.retryStrategy?.value).toBe('BACKOFF_RETRY');
    expect(at(text, t.filter)).toBe('paid');
  });
});

describe('serverless-devs-fc adapter: eventbridge runOptions', () => {
  it('reads the retry strategy and the batch window like fc3', () => {
    const { t, text } = only(
      's.yaml',
      `edition: 1.0.0
services:
  f:
    component: fc
    props:
      region: cn-hangzhou
      function: { name: f }
      triggers:
        - name: eb
          type: eventbridge
          config:
            eventRuleFilterPattern: '{}'
            runOptions:
              retryStrategy: { PushRetryStrategy: EXPONENTIAL_DECAY_RETRY, MaximumRetryAttempts: 5 }
              batchWindow: { CountBasedWindow: 50, TimeBasedWindow: 7 }
            eventSourceConfig: { eventSourceType: RocketMQ }
`,
    );
    expect(isEventBridge(t)).toBe(true);
    if (!isEventBridge(t)) return;
    expect(t.sourceType?.value).toBe('RocketMQ');
    expect(t.retryStrategy?.value).toBe('EXPONENTIAL_DECAY_RETRY');
    expect(t.retries?.value).toBe(5);
    expect(at(text, t.batchSize)).toBe('50');
    expect(at(text, t.batchWindow)).toBe('7');
  });
});

describe('aws-sam adapter: queue and stream events', () => {
  it('reads BatchSize, MaximumBatchingWindowInSeconds and MaximumRetryAttempts', () => {
    const { t, text } = only(
      'template.yaml',
      `Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Events:
        Clicks:
          Type: Kinesis
          Properties:
            Stream: arn:aws:kinesis:us-east-1:1:stream/clicks
            BatchSize: 500
            MaximumBatchingWindowInSeconds: 20
            MaximumRetryAttempts: 3
`,
    );
    expect(isQueue(t)).toBe(true);
    if (!isQueue(t)) return;
    expect(at(text, t.topic)).toBe('arn:aws:kinesis:us-east-1:1:stream/clicks');
    expect(at(text, t.batchSize)).toBe('500');
    expect(at(text, t.batchWindow)).toBe('20');
    expect(at(text, t.retries)).toBe('3');
  });
  it('leaves a !GetAtt queue unknown', () => {
    const { t } = only(
      'template.yaml',
      `Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Events:
        Jobs:
          Type: SQS
          Properties: { Queue: !GetAtt Q.Arn, BatchSize: 10 }
`,
    );
    expect(isQueue(t)).toBe(true);
    if (!isQueue(t)) return;
    expect(t.topic).toBeDefined();
    expect(typeof t.topic?.value).not.toBe('string');
    expect(t.batchSize?.value).toBe(10);
  });
});

describe('serverless-aws adapter: sqs, stream and schedule fields', () => {
  const text = `service: s
provider: { name: aws, region: us-east-1 }
functions:
  f:
    handler: index.handler
    events:
      - sqs: { arn: arn:aws:sqs:us-east-1:1:jobs, batchSize: 25, maximumBatchingWindow: 9 }
      - stream: { arn: arn:aws:dynamodb:us-east-1:1:table/t/stream/x, batchWindow: 4, maximumRetryAttempts: 2 }
      - schedule: { method: scheduler, rate: cron(0 9 ? * MON-FRI *), timezone: Asia/Tokyo }
`;
  const { model: m } = model('serverless.yml', text);
  it('reads sqs maximumBatchingWindow as the batch window', () => {
    const q = m.triggers[0];
    expect(isQueue(q) && [at(text, q.batchSize), at(text, q.batchWindow)]).toEqual(['25', '9']);
  });
  it('reads stream batchWindow and maximumRetryAttempts', () => {
    const q = m.triggers[1];
    expect(isQueue(q) && [at(text, q.batchWindow), at(text, q.retries)]).toEqual(['4', '2']);
  });
  it('reads a schedule timezone', () => {
    const t = m.triggers[2];
    expect(isTimer(t) && at(text, t.timezone)).toBe('Asia/Tokyo');
  });
});

describe('huawei-serverless adapter: RabbitMQ', () => {
  it('reads a RABBITMQ trigger as a queue with its exchange and batch size', () => {
    const { t, text } = only(
      'serverless.yml',
      `service: s
provider: { name: huawei, region: cn-north-4 }
functions:
  f:
    handler: index.handler
    events:
      - triggerTypeCode: RABBITMQ
        status: ACTIVE
        eventData: { instanceId: i, exchangeName: ex, batchSize: 50 }
`,
    );
    expect(isQueue(t)).toBe(true);
    if (!isQueue(t)) return;
    expect(at(text, t.topic)).toBe('ex');
    expect(t.batchSize?.value).toBe(50);
  });
});
