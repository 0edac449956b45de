// schemas/config/fc3.json through the fc3 adapter: triggerConfig is chosen by triggerType.
import { describe, expect, it } from 'vitest';
import { lintTexts, only } from '../helpers.js';

function lintTrigger(trigger: string): string[] {
  const text = `edition: 3.0.0
name: app
resources:
  fn:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: fn
      runtime: nodejs18
      handler: index.handler
      code: ./code
      triggers:
${trigger.replace(/^/gm, '        ')}
`;
  const result = lintTexts({ 's.yaml': text }, only('schema'));
  return result.files.flatMap((f) => f.findings.map((x) => x.message));
}

describe('fc3 schema: triggers', () => {
  it('rejects an event name that the official schema let through its tablestore branch', () => {
    expect(
      lintTrigger(`- triggerName: t
  triggerType: oss
  sourceArn: acs:oss:cn-hangzhou:1:b
  triggerConfig:
    events: [oss:ObjectCreated:Put]
    filter: { key: { prefix: '', suffix: '' } }`),
    ).toEqual(['unknown OSS event "oss:ObjectCreated:Put"; did you mean "oss:ObjectCreated:PutObject"?']);
  });

  it('checks a triggerConfig against the schema of its own trigger type', () => {
    expect(
      lintTrigger(`- triggerName: t
  triggerType: http
  triggerConfig: { cronExpression: '@every 1m', authType: anonymous, methods: [GET] }`),
    ).toEqual([
      'unknown key "cronExpression" in triggers[0].triggerConfig; allowed keys here: "authConfig", "authType", "disableURLInternet", "methods"',
    ]);
  });

  it('requires sourceArn for oss, log, mns_topic, cdn_events and tablestore triggers only', () => {
    const need = ['log', 'mns_topic', 'cdn_events', 'tablestore'].map(
      (type) =>
        lintTrigger(`- triggerName: t
  triggerType: ${type}
  triggerConfig: {}`).filter((m) => m.includes('"sourceArn"')).length,
    );
    expect(need).toEqual([1, 1, 1, 1]);
    const free = ['timer', 'http', 'eventbridge'].map(
      (type) =>
        lintTrigger(`- triggerName: t
  triggerType: ${type}
  triggerConfig: {}`).filter((m) => m.includes('"sourceArn"')).length,
    );
    expect(free).toEqual([0, 0, 0]);
  });

  it('accepts integers for log jobConfig, as the FC API takes them', () => {
    expect(
      lintTrigger(`- triggerName: t
  triggerType: log
  sourceArn: acs:log:cn-hangzhou:1:project/p
  triggerConfig:
    logConfig: { project: p, logstore: l }
    jobConfig: { maxRetryTime: 3, triggerInterval: 60 }
    sourceConfig: { logstore: s }
    enable: true`),
    ).toEqual([]);
  });

  it('rejects any key in a tablestore triggerConfig', () => {
    expect(
      lintTrigger(`- triggerName: t
  triggerType: tablestore
  sourceArn: acs:ots:cn-hangzhou:1:instance/i/table/t
  triggerConfig: { events: [x] }`),
    ).toEqual(['unknown key "events" in triggers[0].triggerConfig']);
  });
});

describe('fc3 schema: functions', () => {
  it('requires handler for a non-custom runtime but not for a custom one', () => {
    const props = (runtime: string) =>
      lintTexts(
        {
          's.yaml': `edition: 3.0.0
name: app
resources:
  fn:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: fn
      runtime: ${runtime}
      code: ./code
`,
        },
        only('schema'),
      ).files.flatMap((f) => f.findings.map((x) => x.message));
    expect(props('python3.10')).toEqual([
      'missing required key "handler" in resources.fn.props; add handler: index.handler (file.function)',
    ]);
    expect(props('custom.debian10')).toEqual([]);
    const text =
      'edition: 3.0.0\nname: app\nresources:\n  fn:\n    component: fc3\n    props:  # the function\n      region: cn-hangzhou\n      functionName: fn\n      runtime: python3.10\n      code: ./code\n';
    const [f] = lintTexts({ 's.yaml': text }, only('schema')).files[0].findings;
    expect(text.slice(f.start, f.end)).toBe('props');
    expect(props("${env('RT')}")).toEqual([]);
  });
});
