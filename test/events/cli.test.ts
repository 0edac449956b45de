// `trigger-lint event …` as a user runs it: exit codes, what is printed where, --format json.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEventCli } from '../../src/events/cli.js';
import { parseEvent } from '../../src/events/parse.js';
import { validateEvent } from '../../src/events/validate.js';
import { EVENT_TYPES } from '../../src/events/catalog.js';
import { CORPUS } from './corpus.js';

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runEventCli(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-events-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('event validate', () => {
  it('a valid corpus event: detected, valid, exit 0', async () => {
    const r = await run(['validate', `${CORPUS}tencent/doc-cos.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('detected tencent/cos (has "Records[].cos", "Records[].event")');
    expect(r.stdout).toMatch(/doc-cos\.json: valid tencent\/cos event\n$/);
    expect(r.stderr).toBe('');
  });

  it('an invalid event: each error with line:column, the snippet and a summary, exit 1', async () => {
    const p = file(
      'cos.json',
      `{
  "Records": [{
    "cos": {
      "cosSchemaVersion": "1.0",
      "cosNotificationId": "unkown",
      "cosBucket": { "name": "testpic", "appid": "1253970026", "region": "cd" },
      "cosObject": { "key": "/1253970026/testpic/a.png", "size": "1024", "url": "http://x", "vid": "", "meta": {} }
    },
    "event": {
      "eventName": "cos:ObjectRemoved:Delete", "eventVersion": "1.0", "eventSource": "qcs::cos", "eventTime": 1545205770,
      "eventQueue": "q", "reqid": 1, "reservedInfo": "",
      "requestParameters": { "requestSourceIP": "1.2.3.4", "requestHeaders": {} }
    }
  }]
}
`,
    );
    const r = await run(['validate', p]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith(p));
    expect(lines).toEqual([
      `${p}: detected tencent/cos (has "Records[].cos", "Records[].event")`,
      `${p}:7:66: error: Records[0].cos.cosObject.size: expected an integer, got the string "1024"; Tencent sends the size in bytes as a number: write 1024 without quotes`,
      `${p}:10:20: error: Records[0].event.eventName: unknown event "cos:ObjectRemoved:Delete"; did you mean "cos:ObjectRemove:Delete"?`,
      `${p}: 2 errors — not a valid tencent/cos event`,
    ]);
    expect(r.stdout).toContain('\n7 |       "cosObject": { "key": "/1253970026/testpic/a.png", "size": "1024",');
    expect(r.stdout).toContain(`\n  | ${' '.repeat(65)}^~~~~~\n`);
  });

  it('--format json is machine-readable and carries pointer, path and positions', async () => {
    const text = '{"triggerTime": "2023-12-26T07:49:00Z", "triggerName": 7}';
    const r = await run(['validate', '-', '--format', 'json'], text);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      version: 1,
      path: 'stdin',
      syntax: 'json',
      vendor: 'aliyun',
      type: 'timer',
      detected: true,
      valid: false,
      summary: { errors: 1, warnings: 0 },
    });
    expect(out.diagnostics).toEqual([
      {
        severity: 'error',
        message: 'triggerName: expected a string, got the number 7; quote it: "7"',
        path: 'triggerName',
        pointer: '/triggerName',
        line: 1,
        column: 56,
        endLine: 1,
        endColumn: 57,
      },
    ]);
  });

  it('YAML from stdin is accepted', async () => {
    const r = await run(
      ['validate', '-'],
      'Type: Timer\nTriggerName: daily\nTime: "2024-05-20T08:30:00Z"\nMessage: ""\n',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid tencent/timer event');
  });

  it('JSON with comments and trailing commas is accepted, with a warning that strict tools reject it', async () => {
    const r = await run(['validate', `${CORPUS}jdcloud/doc-2018-apigw-real.jsonc`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: the event has comments or trailing commas');
    expect(r.stdout).toContain('valid jdcloud/apigw event (1 warning)');
  });

  it('text that is not JSON says where and why, exit 1', async () => {
    const r = await run(['validate', `${CORPUS}tencent/doc-clb.jsonc`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /doc-clb\.jsonc:\d+:\d+: error: non-breaking space \(U\+00A0\) is not JSON whitespace; replace it with a plain space/,
    );
  });

  it('a shape that matches nothing names the closest one', async () => {
    const r = await run(
      ['validate', '-'],
      '{"event_version": "v1.0", "trigger_type": "KAFKAA", "records": [{"messages": ["m"], "topic_id": "t"}]}',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'stdin:1:1: error: not an event trigger-lint knows; closest shape: huawei/kafka (has "records[].messages"); check it with --vendor huawei --type kafka',
    );
  });

  it('--vendor/--type force the schema; a wrong trigger_type then gets did-you-mean', async () => {
    const r = await run(
      ['validate', '-', '--vendor', 'huawei', '--type', 'kafka'],
      '{"event_version": "v1.0", "event_time": 1, "trigger_type": "KAFKAA", "region": "r", "instance_id": "i", "records": [{"messages": ["m"], "topic_id": "t"}]}',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error: trigger_type: expected "KAFKA", got the string "KAFKAA"');
  });

  it('a known non-trigger payload says what it is', async () => {
    const r = await run(['validate', `${CORPUS}aws/doc-s3-TestEvent.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error: not a trigger event: this looks like an S3 test event');
  });

  it('usage errors: one line on stderr, exit 2', async () => {
    for (const [argv, msg] of [
      [['validate', '-', '--vendor', 'tencnet'], 'unknown vendor "tencnet"; did you mean "tencent"?'],
      [
        ['validate', '-', '--vendor', 'tencent', '--type', 'coss'],
        'unknown tencent event type "coss"; did you mean "cos"?',
      ],
      [['validate', '-', '--type', 'cos'], '--type needs --vendor'],
      [['validate', join(dir, 'missing.json')], 'cannot read'],
      [['validate'], "missing required argument 'file'"],
      [['frobnicate'], "unknown command 'frobnicate'"],
      [[], 'a command is required'],
      [['sample', 'aliyun', 'oss', '--event', 'ObjectCreated:Putt'], 'did you mean "ObjectCreated:PutObject"?'],
      [['sample', '--from', 's.yaml'], '--from and --trigger go together'],
    ] as [string[], string][]) {
      const r = await run(argv, '{}');
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('event sample and event list', () => {
  it.each(EVENT_TYPES.map((e) => [e.vendor, e.type]))(
    'sample %s %s prints an event that `validate` accepts',
    async (vendor, type) => {
      const r = await run(['sample', vendor, type]);
      expect(r.code).toBe(0);
      const p = parseEvent(r.stdout, 'sample.json');
      expect(p.ok).toBe(true);
      if (p.ok) expect(validateEvent(p, `${vendor}/${type}`).filter((d) => d.severity === 'error')).toEqual([]);
      const v = await run(['validate', '-'], r.stdout);
      expect(v.code).toBe(0);
      expect(v.stdout).toContain(`valid ${vendor}/${type} event`);
    },
  );

  it("sample --from prints the trigger's event; notes go to stderr", async () => {
    const s = file(
      's.yaml',
      `edition: 3.0.0
name: app
resources:
  f:
    component: fc3
    props:
      region: cn-beijing
      functionName: f
      triggers:
        - triggerName: up
          triggerType: oss
          sourceArn: acs:oss:cn-beijing:123:media
          triggerConfig:
            events: [oss:ObjectCreated:*]
            filter: { key: { prefix: in/, suffix: .mp4 } }
`,
    );
    const r = await run(['sample', '--from', s, '--trigger', 'up']);
    expect(r.code).toBe(0);
    const ev = JSON.parse(r.stdout).events[0];
    expect([ev.oss.bucket.name, ev.region, ev.eventName]).toEqual(['media', 'cn-beijing', 'ObjectCreated:PutObject']);
    expect(ev.oss.object.key).toMatch(/^in\/.*\.mp4$/);
    expect(r.stderr).toBe(
      'trigger-lint: note: "ObjectCreated:*" is a wildcard; a delivered event names one operation, using "ObjectCreated:PutObject"\n',
    );
  });

  it('list prints every pair with a description, as text and as JSON', async () => {
    const t = await run(['list']);
    expect(t.code).toBe(0);
    expect(t.stdout.trim().split('\n')).toHaveLength(EVENT_TYPES.length);
    expect(t.stdout).toMatch(/^tencent\/cos +COS trigger: /m);
    const j = JSON.parse((await run(['list', '--format', 'json'])).stdout);
    expect(j[0]).toEqual({
      vendor: 'aliyun',
      type: 'oss',
      description: expect.any(String),
      schema: 'schemas/events/aliyun/oss.json',
    });
  });
});
