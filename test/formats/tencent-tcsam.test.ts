// The tencent-tcsam adapter (SCF CLI template.yaml, TCSAM 2018-11-11).
import { describe, expect, it } from 'vitest';
import { isTimer } from '../../src/model/model.js';
import { model, at } from './build-model.js';

const TEXT = `Globals:
  Function:
    Environment:
      Variables:
        DST_BUCKET: cli-appid
Resources:
  default:
    Type: TencentCloud::Serverless::Namespace
    hello:
      Type: TencentCloud::Serverless::Function
      Properties:
        Handler: index.main_handler
        Environment:
          Variables:
            DST_PATH: out/
        Events:
          timer:
            Type: Timer
            Properties:
              CronExpression: '*/5 * * * *'
          cli-appid.cos.ap-beijing.myqcloud.com:
            Type: COS
            Properties:
              Bucket: cli-appid.cos.ap-beijing.myqcloud.com
              Filter:
                Prefix: filterdir/
                Suffix: .jpg
              Events: cos:ObjectCreated:*
`;

describe('tencent-tcsam adapter', () => {
  const m = model('template.yaml', TEXT);
  const t = m.storage[0];
  it('detects functions inside a TencentCloud::Serverless::Namespace', () => {
    expect(m.formats.get('template.yaml')).toBe('tencent-tcsam');
    expect(m.model.functions.map((f) => f.name.value)).toEqual(['hello']);
  });
  it('names each trigger by its Events key and reads the PascalCase COS properties', () => {
    expect(at(m.text, t.name)).toBe('cli-appid.cos.ap-beijing.myqcloud.com');
    expect(t.bucket.value).toBe('cli-appid');
    expect(at(m.text, t.bucketRegion)).toBe('ap-beijing');
    expect(at(m.text, t.prefix)).toBe('filterdir/');
    expect(t.events.value).toEqual(['ObjectCreated:*']);
  });
  it('has no function region (the CLI configuration sets it)', () => {
    expect(m.model.functions[0].region).toBeUndefined();
  });
  it("merges Globals environment variables under the function's own", () => {
    expect(m.model.functions[0].writes.map((w) => [w.bucket?.value, w.prefix?.value])).toEqual([['cli-appid', 'out/']]);
  });
  it('reads a Timer event', () => {
    const timer = m.model.triggers[0];
    expect(isTimer(timer) && at(m.text, timer.schedule)).toBe("'*/5 * * * *'");
  });
});
