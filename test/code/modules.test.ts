// A handler reached through modules: `module.exports = require('./lib')`, `export * from`,
// a Python package whose __init__ re-exports the handler. The write behind them still counts.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadParsers } from '../../src/code/parser.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import { only } from '../helpers.js';

beforeAll(loadParsers);

const yaml = (runtime: string) => `edition: 3.0.0
name: modules
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: ${runtime}
      handler: index.handler
      code: ./code
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:b
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: in/, suffix: '' } }
`;

function run(files: Record<string, string>, runtime: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tl-modules-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'code', p)), { recursive: true });
    writeFileSync(join(dir, 'code', p), t);
  }
  const r = lintSources(
    [parseSource('s.yaml', yaml(runtime))],
    { ...only('recursive-trigger'), cwd: dir },
    new Set(['s.yaml']),
  );
  return r.files[0].findings.map((f) => f.severity);
}

const JS_LOOP =
  "const OSS = require('ali-oss');\nexports.handler = async (event) => {\n  const e = JSON.parse(event).events[0];\n  const c = new OSS({ bucket: e.oss.bucket.name });\n  await c.put('in/copy-' + e.oss.object.key.split('/').pop(), Buffer.from(''));\n};\n";
const PY_LOOP =
  "import oss2, json\ndef handler(event, context):\n    e = json.loads(event)['events'][0]\n    b = oss2.Bucket(None, 'x', e['oss']['bucket']['name'])\n    b.put_object('in/copy-' + e['oss']['object']['key'].split('/')[-1], b'')\n";

describe('handlers behind modules', () => {
  it('module.exports = require(...)', () => {
    expect(
      run({ 'index.js': "module.exports = require('./lib/handler');\n", 'lib/handler.js': JS_LOOP }, 'nodejs18'),
    ).toEqual(['error']);
  });
  it('export * from and export { x as y } from', () => {
    expect(
      run(
        {
          'index.mjs': "export * from './lib/barrel.mjs';\n",
          'lib/barrel.mjs': "export { run as handler } from './impl.mjs';\n",
          'lib/impl.mjs': JS_LOOP.replace('exports.handler =', 'export const run =').replace(
            "const OSS = require('ali-oss');",
            "import OSS from 'ali-oss';",
          ),
        },
        'nodejs18',
      ),
    ).toEqual(['error']);
  });
  it('a Python package whose __init__ re-exports the handler', () => {
    expect(
      run(
        {
          'index.py': 'from pkg import handler\n',
          'pkg/__init__.py': 'from .impl import handler\n',
          'pkg/impl.py': PY_LOOP,
        },
        'python3.10',
      ),
    ).toEqual(['error']);
  });
});
