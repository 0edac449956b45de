// The SDKs are data: one record per SDK (src/code/sdks.ts), read by both evaluators through the
// registry. Adding an SDK is adding a record — a made-up SDK, declared once, is found in
// Python and in Node.js code with its bucket and key; without its record the same code writes
// nothing. And the records are whole: every client kind they name is declared, every vendor
// they belong to says where its storage event has the bucket and the key.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadParsers } from '../../src/code/parser.js';
import { SdkRegistry, type SdkRecord } from '../../src/code/sdk.js';
import { SDKS } from '../../src/code/sdks.js';
import { codeFunctions, readHandlerCode } from '../../src/code/stage.js';
import { buildModel } from '../../src/engine/lint.js';
import { describeKey } from '../../src/model/key-pattern.js';
import { VENDORS } from '../../src/model/vendors.js';
import { parseSource } from '../../src/source/source.js';

beforeAll(loadParsers);

/** A storage SDK trigger-lint has never heard of, in both languages. */
const ACME: SdkRecord[] = [
  {
    id: 'acme-py',
    package: 'acme-storage',
    vendor: 'aliyun',
    lang: 'python',
    modules: { acme_storage: [] },
    constructors: [{ name: 'Vault', client: { kind: 'acme/vault', bucket: { pos: 0, kw: 'bucket' } } }],
    kinds: { 'acme/vault': { writes: { stash: { bucket: 'bound', key: { pos: 0, kw: 'name' } } } } },
    untracked: ['acme/vault'],
  },
  {
    id: 'acme-js',
    package: 'acme-storage',
    vendor: 'aliyun',
    lang: 'node',
    modules: { 'acme-storage': [] },
    constructors: [{ name: 'Vault', client: { kind: 'acme/vault-js', bucket: { pos: 0, prop: 'bucket' } } }],
    kinds: { 'acme/vault-js': { writes: { stash: { bucket: 'bound', key: { pos: 0, prop: 'name' } } } } },
    untracked: ['acme/vault-js'],
  },
];

const PY = `import json
from acme_storage import Vault

def handler(event, context):
    e = json.loads(event)['events'][0]
    v = Vault(bucket=e['oss']['bucket']['name'])
    v.stash(name='in/copy-' + e['oss']['object']['key'], data=b'')
`;
const JS = `const { Vault } = require('acme-storage');
exports.handler = async (event) => {
  const e = JSON.parse(event).events[0];
  const v = new Vault({ bucket: e.oss.bucket.name });
  await v.stash({ name: 'in/copy-' + e.oss.object.key, data: '' });
};
`;

const yaml = (runtime: string, file: string) => `edition: 3.0.0
name: acme
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: ${runtime}
      handler: ${file}.handler
      code: ./code
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:b
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: in/, suffix: '' } }
`;

/** The writes the code stage finds for the function, as "bucket key" lines. */
function writes(runtime: string, file: string, code: string, sdks?: SdkRegistry): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tl-sdk-'));
  mkdirSync(join(dir, 'code'));
  writeFileSync(join(dir, 'code', `${file}.${runtime.startsWith('python') ? 'py' : 'js'}`), code);
  const { model } = buildModel([parseSource('s.yaml', yaml(runtime, file))], { env: {} });
  readHandlerCode(
    codeFunctions(model, () => true, dir),
    { cwd: dir, ...(sdks ? { sdks } : {}) },
  );
  return model.storageTriggers[0].function.writes.map(
    (w) => `${w.bucket ? w.bucket.value : '<own bucket>'} ${w.key ? describeKey(w.key) : '?'}`,
  );
}

describe('an SDK is one record', () => {
  const withAcme = new SdkRegistry([...SDKS, ...ACME]);
  it('Python: a new record makes its writes count', () => {
    expect(writes('python3.10', 'index', PY)).toEqual([]);
    const found = writes('python3.10', 'index', PY, withAcme);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^<own bucket> .*in\/copy-/);
  });
  it('Node.js: a new record makes its writes count', () => {
    expect(writes('nodejs18', 'index', JS)).toEqual([]);
    const found = writes('nodejs18', 'index', JS, withAcme);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^<own bucket> .*in\/copy-/);
  });
  it('a client kind declared twice is refused', () => {
    expect(() => new SdkRegistry([...SDKS, ACME[0], { ...ACME[0], id: 'again' }])).toThrow(/declared twice/);
  });
});

describe('the records are whole', () => {
  const kinds = new Set(SDKS.flatMap((r) => Object.keys(r.kinds)));
  for (const r of SDKS) {
    it(r.id, () => {
      const named = [
        ...r.constructors.flatMap((c) => (c.client ? [c.client.kind] : [])),
        ...Object.values(r.kinds).flatMap((k) => [
          ...Object.values(k.clients ?? {}).map((c) => c.kind),
          ...Object.values(k.members ?? {}).filter((m) => m !== 'bucket'),
        ]),
        ...r.untracked,
      ];
      for (const k of named) expect(kinds, `${r.id} names client kind ${k}`).toContain(k);
      expect(VENDORS[r.vendor].storageEvent, `vendor ${r.vendor} has no storageEvent`).toBeDefined();
      expect(Object.keys(r.modules).length).toBeGreaterThan(0);
    });
  }
  it('no module name belongs to two SDKs', () => {
    const names = SDKS.flatMap((r) => Object.keys(r.modules));
    expect(new Set(names).size).toBe(names.length);
  });
});
