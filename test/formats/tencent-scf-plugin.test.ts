// The tencent-scf-plugin adapter (Serverless Framework v1 plugin serverless-tencent-scf).
import { describe, expect, it } from 'vitest';
import { isQueue, isTimer } from '../../src/model/model.js';
import { model, at } from './build-model.js';

const TEXT = `service: my-service
provider:
  name: tencent
  region: ap-shanghai
  environment:
    variables:
      OUTPUT_BUCKET: \${self:custom.out}
custom:
  out: results-1250000000
functions:
  function_one:
    handler: index.main_handler
    events:
      - cos:
          name: cli-appid.cos.ap-beijing.myqcloud.com
          parameters:
            bucket: cli-appid.cos.ap-beijing.myqcloud.com
            filter: { prefix: filterdir/, suffix: .jpg }
            events: cos:ObjectCreated:*
      - cos:
          name: wrong
          parameters:
            bucket: b-1250000000.cos.ap-shanghai.myqcloud.com
            events: cos:ObjectCreated:Put
      - cmq:
          name: queue-a
          parameters: { name: queue-b }
  function_two:
    region: ap-chengdu
    handler: index.main_handler
    events:
      - timer:
          name: timer
          parameters: { cronExpression: '*/5 * * * *' }
`;

describe('tencent-scf-plugin adapter', () => {
  const m = model('serverless.yml', TEXT);
  const [one, two] = m.model.functions;

  it('detects provider.name: tencent', () => {
    expect(m.formats.get('serverless.yml')).toBe('tencent-scf-plugin');
  });
  it('takes the region from the function, else from provider.region', () => {
    expect(one.region?.value).toBe('ap-shanghai');
    expect(at(m.text, two.region)).toBe('ap-chengdu');
  });
  it('reads functions.<f>.events[].cos with the bucket and region from the domain', () => {
    const t = m.storage[0];
    expect(t.name.value).toBe('cli-appid.cos.ap-beijing.myqcloud.com');
    expect(at(m.text, t.bucket)).toBe('cli-appid');
    expect(at(m.text, t.bucketRegion)).toBe('ap-beijing');
    expect(at(m.text, t.suffix)).toBe('.jpg');
  });
  it('resolves ${self:…} in provider environment variables into write targets', () => {
    expect(one.writes.map((w) => w.bucket?.value)).toEqual(['results-1250000000']);
  });
  it("reports a COS trigger whose name is not its bucket, and a CMQ trigger whose name is not its queue, in the plugin's own words", () => {
    const issues = m.model.files[0].formatIssues ?? [];
    expect(issues.map((i) => at(m.text, i.at))).toEqual(['wrong', 'queue-a']);
    expect(issues[0].message).toContain('触发器名称不符合规范');
    expect(issues[0].message).toMatch(
      /^trigger name "wrong" is not its bucket "b-1250000000\.cos\.ap-shanghai\.myqcloud\.com"/,
    );
    expect(at(m.text, issues[0].related![0])).toBe('b-1250000000.cos.ap-shanghai.myqcloud.com');
  });
  it('fills CMQ and timer triggers', () => {
    const [, , cmq, timer] = m.model.triggers;
    expect(isQueue(cmq) && cmq.topic?.value).toBe('queue-b');
    expect(isTimer(timer) && timer.schedule.value).toBe('*/5 * * * *');
    expect(timer.function).toBe(two);
  });
});
