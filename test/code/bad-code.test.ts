// Handler code that is not what a handler looks like never makes a run fail: deep nesting, binary
// files, minified or oversized modules, syntax errors, import cycles, a handler that recurses.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadParsers } from '../../src/code/parser.js';
import { lintSources } from '../../src/workflow/lint.js';
import { parseSource } from '../../src/source/source.js';
import { only } from '../helpers.js';

beforeAll(loadParsers);

const YAML = (handler: string, runtime: string) => `edition: 3.0.0
name: bad
resources:
  f:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: f
      runtime: ${runtime}
      handler: ${handler}
      code: ./code
      triggers:
        - triggerName: t
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:b
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: in/, suffix: '' } }
`;

const LOOP_PY =
  "import oss2, json\ndef handler(event, context):\n    e = json.loads(event)['events'][0]\n    b = oss2.Bucket(None, 'x', e['oss']['bucket']['name'])\n    b.put_object('in/' + e['oss']['object']['key'], b'')\n";

function run(files: Record<string, string | Buffer>, handler = 'index.handler', runtime = 'python3.10') {
  const dir = mkdtempSync(join(tmpdir(), 'tl-badcode-'));
  mkdirSync(join(dir, 'code'), { recursive: true });
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  writeFileSync(join(dir, 's.yaml'), YAML(handler, runtime));
  const r = lintSources(
    [parseSource('s.yaml', YAML(handler, runtime))],
    { ...only('recursive-trigger'), cwd: dir },
    new Set(['s.yaml']),
  );
  return r.files[0].findings.map((f) => f.severity);
}

describe('bad handler code', () => {
  it('the positive control: a loop in plain code is an error', () => {
    expect(run({ 'code/index.py': LOOP_PY })).toEqual(['error']);
  });
  it('10,000-deep nesting: no crash', () => {
    const deep = `${'('.repeat(10000)}1${')'.repeat(10000)}`;
    expect(() => run({ 'code/index.py': `${LOOP_PY}\nx = ${deep}\n` })).not.toThrow();
    expect(() =>
      run(
        { 'code/index.js': `exports.handler = async () => ${'['.repeat(10000)}${']'.repeat(10000)};\n` },
        'index.handler',
        'nodejs18',
      ),
    ).not.toThrow();
  });
  it('a method named like an Object.prototype member (constructor, toString) is not a write method (found by the fuzzer)', () => {
    const py =
      "import oss2\ndef handler(event, context):\n    x.constructor('a')\n    x.toString('b')\n    x.__proto__('c')\n";
    expect(() => run({ 'code/index.py': py })).not.toThrow();
    const js =
      "const OSS = require('ali-oss');\nexports.handler = async (e) => { x.constructor('a'); x.toString(); x.hasOwnProperty('k'); };\n";
    expect(() => run({ 'code/index.js': js }, 'index.handler', 'nodejs18')).not.toThrow();
  });
  it('binary, minified and oversized modules are not read', () => {
    expect(run({ 'code/index.py': Buffer.from([0x00, 0x01, 0x02, 0x89, 0x50]) })).toEqual([]);
    expect(run({ 'code/index.py': LOOP_PY + `x = '${'a'.repeat(3000)}'\n` })).toEqual([]);
    expect(run({ 'code/index.py': LOOP_PY + '#'.repeat(300 * 1024) + '\n' })).toEqual([]);
  });
  it('classes that recurse — a method calling itself, a constructor making its own class — end, and what they write still counts (Python, JavaScript)', () => {
    const cls = [
      'import oss2, json',
      'class Loop:',
      '    def __init__(self, name):',
      '        self.bucket = oss2.Bucket(None, "x", name)',
      '        self.again = Loop(name)',
      '    def run(self, key):',
      '        self.run(key)',
      '        self.bucket.put_object("in/" + key, b"")',
      '    @staticmethod',
      '    def helper(key):',
      '        return key',
      'def handler(event, context):',
      '    e = json.loads(event)["events"][0]',
      '    Loop(e["oss"]["bucket"]["name"]).run(Loop.helper(e["oss"]["object"]["key"]))',
      '',
    ].join('\n');
    expect(run({ 'code/index.py': cls })).toEqual(['error']);
    const js = [
      "const OSS = require('ali-oss');",
      'class Loop {',
      '  constructor(name) { this.client = new OSS({ bucket: name }); this.again = new Loop(name); }',
      '  async run(key) { await this.run(key); await this.client.put(`in/${key}`, Buffer.from("")); }',
      '}',
      'exports.handler = async (event) => {',
      '  const e = JSON.parse(event).events[0];',
      '  await new Loop(e.oss.bucket.name).run(e.oss.object.key);',
      '};',
      '',
    ].join('\n');
    expect(run({ 'code/index.js': js }, 'index.handler', 'nodejs18')).toEqual(['error']);
  });
  it('Object.prototype names as methods, modules and attributes never end the run, and the loop beside them still counts (Python, JavaScript)', () => {
    for (const name of ['toString', 'valueOf', 'constructor', 'hasOwnProperty', '__proto__', 'isPrototypeOf']) {
      const py = `import ${name}\nfrom ${name} import ${name}\n${LOOP_PY}    try:\n        pass\n    except Exception as err:\n        print(err.${name}(), b.${name}('binary'), b.${name}, oss2.${name}())\n`;
      expect(run({ 'code/index.py': py }), name).toEqual(['error']);
      const js = [
        "const OSS = require('ali-oss');",
        `const x = require('${name}');`,
        'exports.handler = async (event) => {',
        '  const e = JSON.parse(event).events[0];',
        '  const client = new OSS({ bucket: e.oss.bucket.name });',
        `  try { await client.put('in/' + e.oss.object.key, Buffer.from('')); } catch (err) { console.log(err.${name}(), client.${name}('binary'), client.${name}, x.${name}(), Buffer.from('').${name}('binary')); }`,
        '};',
        '',
      ].join('\n');
      expect(run({ 'code/index.js': js }, 'index.handler', 'nodejs18'), name).toEqual(['error']);
    }
  });
  it('syntax errors: tree-sitter recovers, what parses still counts', () => {
    expect(run({ 'code/index.py': `${LOOP_PY}\ndef broken(:\n  return (\n` })).toEqual(['error']);
  });
  it('import cycles and recursive functions end', () => {
    const a =
      'import oss2, json\nfrom b import g\ndef handler(event, context):\n    return f(json.loads(event))\ndef f(e):\n    return f(e)\n';
    const b = 'from index import handler\ndef g():\n    return g()\n';
    expect(run({ 'code/index.py': a, 'code/b.py': b })).toEqual([]);
  });
  it('node_modules and site-packages are never read', () => {
    expect(run({ 'code/node_modules/x/index.js': 'x' }, 'node_modules/x/index.handler', 'nodejs18')).toEqual([]);
  });
});
