// The workspace folder as the CLI sees it: cross-file rules read every trigger file of the
// folder (open buffers win over the disk), a change re-publishes the files it affects, and
// `.trigger-lint.yaml`, `ignore` and the baseline apply exactly as in `trigger-lint` run there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver';
import { fc3 } from '../integrations/helpers.js';
import { LspClient, uriOf } from './client.js';
import { byCode, cli, serverWith, tempDir, write } from './helpers.js';

const shared = (name: string, prefix: string) =>
  fc3([{ name, bucket: 'shared', prefix, suffix: '.png' }], { OUTPUT_PREFIX: 'out/' }, name);

describe('cross-file rules over the workspace folder', () => {
  const root = tempDir('lsp-cross');
  const a = write(root, 'a/s.yaml', shared('fa', 'in/'));
  const b = write(root, 'b/s.yaml', shared('fb', 'in/'));
  let client: LspClient;

  beforeAll(async () => {
    client = await LspClient.start({ root });
  });
  afterAll(() => client.kill());

  it('sees a file on disk that is not open: the overlap is reported, with the other file as related information', async () => {
    const diags = await client.open(b, shared('fb', 'in/'));
    const [overlap] = byCode(diags, 'trigger-overlap');
    expect(overlap).toBeDefined();
    expect(overlap.relatedInformation?.[0].location.uri).toBe(uriOf(a));
    const run = cli(['--format', 'json', '.'], { cwd: root });
    const cliFindings = JSON.parse(run.stdout).files.find((f: { path: string }) => f.path === 'b/s.yaml').findings;
    expect(diags.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1])).toEqual(
      cliFindings.map((f: { ruleId: string; line: number; column: number }) => [f.ruleId, f.line, f.column]),
    );
  });

  it('takes an open buffer over the disk, and re-publishes the other open file the change affects', async () => {
    await client.open(a, shared('fa', 'in/'));
    const bAgain = client.next(b, (ds) => byCode(ds, 'trigger-overlap').length === 0);
    await client.change(a, 2, shared('fa', 'elsewhere/')); // unsaved: the disk still says in/
    expect(byCode(await bAgain, 'trigger-overlap')).toEqual([]);
  });

  it('reads the disk again for a closed file', async () => {
    const bAgain = client.next(b, (ds) => byCode(ds, 'trigger-overlap').length === 1);
    await client.notify('textDocument/didClose', { textDocument: { uri: uriOf(a) } });
    expect(byCode(await bAgain, 'trigger-overlap')).toHaveLength(1);
  });

  it('finds a new file after a save, and reads it again after a watched-file event', async () => {
    // the earliest trigger a finding names, and how many more it counts ("and N more")
    const names = (ds: Diagnostic[]) =>
      byCode(ds, 'trigger-overlap').map((d) => {
        const m = /trigger "(\w+)" \([^)]*\)(?: and (\d+) more triggers?)? on bucket/.exec(String(d.message));
        return m ? `${m[1]}${m[2] ? `+${m[2]}` : ''}` : undefined;
      });
    expect(names(client.latest(b)!.diagnostics)).toEqual(['fa']);
    // a trigger that overlaps earlier ones is one finding naming the earliest: b, after 0/ and a
    const c = write(root, '0/s.yaml', shared('fc', 'in/x'));
    const onSave = client.next(b, (ds) => names(ds).includes('fc+1'));
    await client.notify('textDocument/didSave', { textDocument: { uri: uriOf(b) } });
    expect(names(await onSave)).toEqual(['fc+1']);
    writeFileSync(c, shared('fc', 'far/'));
    const onWatch = client.next(b, (ds) => names(ds).join() === 'fa');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(c), type: 2 }] });
    expect(names(await onWatch)).toEqual(['fa']);
  });
});

describe('configuration, ignore and baseline as the CLI applies them', () => {
  const root = tempDir('lsp-config');
  const text = fc3(
    [
      { name: 'glob', bucket: 'b1', prefix: 'raw/*' },
      { name: 'slash', bucket: 'b2', prefix: '/in/' },
    ],
    { OUTPUT_PREFIX: 'out/' },
  );
  const file = write(root, 'fn/s.yaml', text);
  const ignored = write(root, 'vendor/s.yaml', text);
  write(root, '.trigger-lint.yaml', 'rules:\n  filter-wildcard: error\nignore:\n  - vendor/\n');
  const server = serverWith(root, file, text);

  it('uses the nearest .trigger-lint.yaml: severities as configured, the same findings as the CLI', () => {
    expect(byCode(server.diags, 'filter-wildcard').map((d) => d.severity)).toEqual([1]);
    const run = cli(['--format', 'json', '.'], { cwd: root });
    const findings = JSON.parse(run.stdout).files.flatMap((f: { findings: unknown[] }) => f.findings);
    expect(server.diags.map((d) => `${d.code}:${d.severity}:${d.message}`)).toEqual(
      findings.map(
        (f: { ruleId: string; severity: string; message: string }) =>
          `${f.ruleId}:${({ error: 1, warning: 2, info: 3 } as Record<string, number>)[f.severity]}:${f.message}`,
      ),
    );
  });

  it('publishes nothing for a file the configuration ignores', async () => {
    expect(await server.client.open(ignored, text)).toEqual([]);
  });

  it('hides what the baseline records, as the CLI does', async () => {
    expect(cli(['--baseline-write', '.'], { cwd: root }).code).toBe(0);
    const again = await server.client.change(file, 2, `${text}# edited\n`);
    expect(again).toEqual([]);
    const added = `${text.replace('prefix: "/in/"', 'prefix: "/in/"')}`.replace(
      'triggers:\n',
      'triggers:\n        - triggerName: new\n          triggerType: oss\n          sourceArn: acs:oss:cn-hangzhou:123:b3\n          triggerConfig:\n            events: [oss:ObjectCreated:PutObject]\n            filter: { key: { prefix: "/new/", suffix: .png } }\n',
    );
    const withNew = await server.client.change(file, 3, added);
    expect(withNew.map((d) => d.code)).toEqual(['prefix-leading-slash']);
    expect(withNew[0].message).toContain('"/new/"');
  });

  it('reports a broken configuration file on the file instead of failing, and recovers when it is fixed', async () => {
    write(root, '.trigger-lint.yaml', 'rules:\n  no-such-rule: error\n');
    const broken = await server.client.change(file, 4, text);
    expect(broken).toHaveLength(1);
    expect(broken[0].message).toMatch(/^trigger-lint could not lint this folder: .*no-such-rule/);
    write(root, '.trigger-lint.yaml', 'rules:\n  filter-wildcard: off\n');
    const fixed = await server.client.change(file, 5, `${text}\n`);
    expect(byCode(fixed, 'filter-wildcard')).toEqual([]);
  });
});

describe('settings', () => {
  it('takes triggerLint.config from workspace/configuration, and publishes nothing when disabled', async () => {
    const root = tempDir('lsp-settings');
    const text = fc3([{ name: 'glob', bucket: 'b1', prefix: 'raw/*' }], { OUTPUT_PREFIX: 'out/' });
    const file = write(root, 's.yaml', text);
    write(root, 'team.yaml', 'rules:\n  filter-wildcard: off\n');
    const configured = await LspClient.start({ root, settings: { config: 'team.yaml' } });
    try {
      expect(byCode(await configured.open(file, text), 'filter-wildcard')).toEqual([]);
      expect(configured.configurationRequests.length).toBeGreaterThan(0);
    } finally {
      configured.kill();
    }
    const plain = await LspClient.start({ root });
    try {
      expect(byCode(await plain.open(file, text), 'filter-wildcard')).toHaveLength(1);
    } finally {
      plain.kill();
    }
    const disabled = await LspClient.start({ root, settings: { enable: false } });
    try {
      expect(await disabled.open(file, text)).toEqual([]);
    } finally {
      disabled.kill();
    }
  });

  it('debounces changes: with a long delay only the last version is linted, when a request needs it', async () => {
    const root = tempDir('lsp-debounce');
    const text = fc3([{ name: 't', bucket: 'b', prefix: 'in/' }], { OUTPUT_PREFIX: 'out/' });
    const file = join(root, 's.yaml');
    writeFileSync(file, text);
    const client = await LspClient.start({ root, initializationOptions: { debounceMs: 600_000 } });
    try {
      await client.open(file, text);
      for (let v = 2; v <= 4; v++) {
        await client.notify('textDocument/didChange', {
          textDocument: { uri: uriOf(file), version: v },
          contentChanges: [{ text: text.replace('in/', `/v${v}/`) }],
        });
      }
      const published = client.next(file);
      await client.request('textDocument/hover', {
        textDocument: { uri: uriOf(file) },
        position: { line: 0, character: 0 },
      });
      await published;
      const versions = client.published.filter((p) => p.uri === uriOf(file)).map((p) => p.version);
      expect(versions).toEqual([1, 4]);
      expect(client.latest(file)!.diagnostics.find((d) => d.code === 'prefix-leading-slash')?.message).toContain(
        '"/v4/"',
      );
    } finally {
      client.kill();
    }
  });
});
