// Attack 2 of issue #24: files outside the repository must not be read or quoted. Handler code
// named by `../`, by an absolute path, through a committed symlink (the code folder, or one
// module inside it), a symlinked configuration or baseline: what lies outside the project root
// (after resolving symlinks) is not read, and a canary string in it appears in no output.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { cli, tempDir, write } from '../integrations/helpers.js';

const CANARY = 'canary-outside-5c1e';

/** Handler code that, if read, writes under a key holding the canary into the triggering bucket. */
const HANDLER = `import json
import oss2


def handler(event, context):
    evt = json.loads(event)['events'][0]
    bucket = oss2.Bucket(None, 'endpoint', evt['oss']['bucket']['name'])
    bucket.put_object('${CANARY}/' + evt['oss']['object']['key'], b'')
`;

/** An fc3 function with an unfiltered trigger whose code is at `code`. */
function sYaml(code: string, handler = 'index.handler'): string {
  return `edition: 3.0.0
name: app
resources:
  thumbnailer:
    component: fc3
    props:
      region: cn-hangzhou
      functionName: thumbnailer
      runtime: python3.10
      handler: ${handler}
      code: ${JSON.stringify(code)}
      triggers:
        - triggerName: on-image
          triggerType: oss
          sourceArn: acs:oss:cn-hangzhou:123:photo-store
          triggerConfig:
            events: [oss:ObjectCreated:PutObject]
            filter: { key: { prefix: '', suffix: '' } }
`;
}

/** A project (with .git) and, beside it, an outside folder holding the handler code and a secret file. */
function setup(): { ws: string; outside: string } {
  const ws = tempDir('sec-project');
  mkdirSync(join(ws, '.git'));
  const outside = tempDir('sec-outside');
  write(outside, 'code/index.py', HANDLER);
  write(
    outside,
    'helpers.py',
    `import oss2\n\ndef save(bucket, key):\n    bucket.put_object('${CANARY}/' + key, b'')\n`,
  );
  write(outside, 'secret.txt', `${CANARY}: [unterminated\n`);
  return { ws, outside };
}

function allOutputs(ws: string): { text: string; json: any } {
  let text = '';
  for (const f of ['stylish', 'sarif', 'github']) {
    const r = cli(['-f', f, 'app'], { cwd: ws });
    text += r.stdout + r.stderr;
  }
  const j = cli(['-f', 'json', 'app'], { cwd: ws });
  text += j.stdout + j.stderr;
  return { text, json: JSON.parse(j.stdout) };
}

const info = (json: any) =>
  json.files
    .flatMap((f: any) => f.findings)
    .filter((x: any) => x.severity === 'info' && x.ruleId === 'recursive-trigger');

describe('handler code outside the project', () => {
  const cases: [string, (ws: string, outside: string) => string][] = [
    ['../ (a relative path that climbs out)', (ws, outside) => relative(join(ws, 'app'), join(outside, 'code'))],
    ['an absolute path', (_ws, outside) => join(outside, 'code')],
    [
      'a committed symlink to a folder outside',
      (ws, outside) => {
        symlinkSync(join(outside, 'code'), join(ws, 'app', 'code'));
        return './code';
      },
    ],
  ];
  it.each(cases)('by %s is not read: an info finding names it, the canary appears nowhere', (_name, codePath) => {
    const { ws, outside } = setup();
    mkdirSync(join(ws, 'app'));
    const written = codePath(ws, outside);
    writeFileSync(join(ws, 'app', 's.yaml'), sYaml(written));
    const { text, json } = allOutputs(ws);
    expect(text).not.toContain(CANARY);
    const notes = info(json);
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toBe(
      `handler code at ${JSON.stringify(written)} is outside the project; not read, so only the configuration tells where function "thumbnailer" writes — move the code into the project, or pass --root to widen it`,
    );
    // --root widens the project: then the code is read (and its write found)
    const wide = cli(['-f', 'json', '--root', '/', 'app'], { cwd: ws });
    expect(wide.stdout).toContain(CANARY);
  });

  it('a symlinked module inside the code folder is not read either', () => {
    const { ws, outside } = setup();
    write(ws, 'app/s.yaml', sYaml('./code'));
    write(
      ws,
      'app/code/index.py',
      [
        'import json',
        'import oss2',
        'import helpers',
        '',
        '',
        'def handler(event, context):',
        "    evt = json.loads(event)['events'][0]",
        "    bucket = oss2.Bucket(None, 'endpoint', evt['oss']['bucket']['name'])",
        "    helpers.save(bucket, evt['oss']['object']['key'])",
        '',
      ].join('\n'),
    );
    symlinkSync(join(outside, 'helpers.py'), join(ws, 'app', 'code', 'helpers.py'));
    const { text } = allOutputs(ws);
    expect(text).not.toContain(CANARY);
    expect(cli(['-f', 'json', '--root', '/', 'app'], { cwd: ws }).stdout).toContain(CANARY); // read once the root allows it
  });
});

describe('--fix outside the project', () => {
  it('never writes through a linted file that is a symlink leading outside the project root', () => {
    const { ws, outside } = setup();
    const bad = sYaml('./code').replace("prefix: ''", "prefix: '/in/'");
    write(outside, 's.yaml', bad);
    symlinkSync(join(outside, 's.yaml'), join(ws, 'link.yaml'));
    const r = cli(['--fix', '--no-code', 'link.yaml'], { cwd: ws });
    expect(r.code).toBe(2); // not read at all, so not fixed either
    expect(r.stderr).toContain('link.yaml: a symbolic link to a file outside the project root; not read');
    expect(readFileSync(join(outside, 's.yaml'), 'utf8')).toBe(bad);
  });
});

describe('a named trigger file that is a symlink leading outside the project', () => {
  it('is refused (exit 2) in every format: its text is never parsed, quoted or snipped', () => {
    const { ws, outside } = setup();
    // what pre-commit passes: a committed symlink named like a trigger file
    symlinkSync(join(outside, 'secret.txt'), join(ws, 's.yaml'));
    for (const f of ['stylish', 'json', 'sarif', 'github', 'junit']) {
      const r = cli(['-f', f, 's.yaml'], { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toContain(CANARY);
      expect(r.stderr).toContain('s.yaml: a symbolic link to a file outside the project root; not read');
    }
  });

  it('is read when --root widens the project to hold its target, and a link inside the project always is', () => {
    const { ws, outside } = setup();
    write(ws, 'real/s.yaml', sYaml('./code'));
    symlinkSync(join(ws, 'real', 's.yaml'), join(ws, 'inside.yaml'));
    expect(cli(['--no-code', 'inside.yaml'], { cwd: ws }).code).toBe(0);
    symlinkSync(join(outside, 'secret.txt'), join(ws, 's.yaml'));
    const r = cli(['--root', join(outside, '..'), 's.yaml'], { cwd: ws });
    expect(r.code).toBe(1); // read: the secret file's YAML error is reported
  });
});

describe('configuration and baseline outside the project', () => {
  it('a symlinked .trigger-lint.yaml is refused (exit 2) without echoing its target', () => {
    const { ws, outside } = setup();
    write(ws, 'app/s.yaml', sYaml('./code'));
    symlinkSync(join(outside, 'secret.txt'), join(ws, '.trigger-lint.yaml'));
    const r = cli(['app'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(CANARY);
    expect(r.stderr).toContain(
      '.trigger-lint.yaml: the configuration file is outside the project root (after following symlinks); not read',
    );
  });

  it('a symlinked baseline is refused (exit 2) without echoing its target', () => {
    const { ws, outside } = setup();
    write(ws, 'app/s.yaml', sYaml('./code'));
    symlinkSync(join(outside, 'secret.txt'), join(ws, 'trigger-lint-baseline.json'));
    const r = cli(['app'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(CANARY);
    expect(r.stderr).toContain(
      'trigger-lint-baseline.json: the baseline file is outside the project root (after following symlinks); not read',
    );
  });

  it.skipIf(process.platform === 'win32')(
    'a FIFO named as the configuration is refused, not read (reading one blocks)',
    () => {
      const { ws } = setup();
      write(ws, 'app/s.yaml', sYaml('./code'));
      expect(spawnSync('mkfifo', [join(ws, 'pipe.yaml')]).status).toBe(0);
      const r = cli(['--config', 'pipe.yaml', 'app'], { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('pipe.yaml: the configuration file is not a regular file; not read');
    },
  );
});
