// The package is what a user installs: `npm pack` (of a copy of this checkout, so the repository's
// own dist/ is not rebuilt under the other tests), then the tarball installed into an empty
// project (its one dependency, Graphviz, from the local npm cache; no install script to run)
// where `npx trigger-lint` finds the errors of a bad file, the library imports from ESM and from
// CommonJS, and a TypeScript file using it type-checks with tsc against the shipped declarations.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers.js';
import { LspClient } from '../lsp/client.js';
import { expectLoopsReported, LOOPS, loopWorkspace } from '../editors/loop-workspace.js';

const BAD = [
  'edition: 3.0.0',
  'name: app',
  'resources:',
  '  f:',
  '    component: fc3',
  '    props:',
  '      region: cn-hangzhou',
  '      functionName: f',
  '      runtime: nodejs18',
  '      handler: index.handler',
  '      code: ./code',
  '      triggers:',
  '        - triggerName: up',
  '          triggerType: oss',
  '          sourceArn: acs:oss:cn-hangzhou:123:images',
  '          triggerConfig:',
  '            events: [oss:ObjectCreated:PutObject]',
  '            filter:',
  '              key:',
  '                prefix: /src/',
  "                suffix: ''",
  '',
].join('\n');

function run(cmd: string, args: string[], cwd: string, input?: string) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  delete env.GITHUB_ACTIONS;
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env, input, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, out: `${r.stdout}\n${r.stderr}` };
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  repository: { url: string };
};
let tarball: string;
let files: string[];
let app: string;
let installLog: string;

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'tl-package-'));
  // the checkout as git sees it (tracked and new files, nothing ignored), with its node_modules
  const copy = join(work, 'checkout');
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT);
  expect(listed.code, listed.out).toBe(0);
  for (const f of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    try {
      cpSync(join(ROOT, f), join(copy, f));
    } catch {
      /* deleted in the work tree */
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], copy);
  expect(packed.code, packed.out).toBe(0);
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(work, info[0].filename);
  files = info[0].files.map((f) => f.path).sort();

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }),
  );
  const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
  expect(installed.code, installed.out).toBe(0);
  installLog = installed.out;
}, 600_000);

describe('the tarball', () => {
  it('is named after the version in package.json', () => {
    expect(tarball.endsWith(`${pkg.name}-${pkg.version}.tgz`)).toBe(true);
  });

  it('holds bin, dist with its declarations, schemas, docs, README and LICENSE', () => {
    for (const f of [
      'bin/trigger-lint.js',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
      'dist/cli.cjs',
      'dist/worker.js',
      'README.md',
      'LICENSE',
      'package.json',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('schemas/config/'))).toBe(true);
    expect(files.some((f) => f.startsWith('docs/rules/'))).toBe(true);
  });

  it('holds no tests, fixtures, sources or build scripts', () => {
    expect(
      files.filter(
        (f) =>
          /^(test|fixtures|src|rules|scripts|bench|examples|action|\.ci)\//.test(f) ||
          /\.test\.|\.tmp$|^tsconfig/.test(f),
      ),
    ).toEqual([]);
  });

  it('installs with nothing else: Graphviz its one dependency, no install script to approve', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'trigger-lint', 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['@viz-js/viz']); // wasm, loaded only for graph -f svg
    expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
    expect(installLog).not.toMatch(/install-scripts|trigger-lint@.*\((pre|post)?(install|prepare)/);
  });
});

describe('the installed package', () => {
  it('npx trigger-lint exits 1 on a bad file and reports the finding', () => {
    writeFileSync(join(app, 'bad.yaml'), BAD);
    const r = run('npx', ['--offline', 'trigger-lint', 'bad.yaml'], app);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toMatch(/^bad\.yaml:20:25: prefix "\/src\/" starts with "\/".*\[prefix-leading-slash\]$/m);
  });

  it('reads handler code: npx trigger-lint reports the Python and the Node.js loop with the write in the code', () => {
    const root = loopWorkspace(mkdtempSync(join(tmpdir(), 'tl-package-loops-')));
    const r = run(
      join(app, 'node_modules', '.bin', 'trigger-lint'),
      ['-f', 'json', '--rule', 'multipart-fanout=off', '.'],
      root,
    );
    expect(r.code, r.out).toBe(1);
    const out = JSON.parse(r.stdout) as {
      files: {
        path: string;
        findings: { ruleId: string; line: number; related?: { path: string; line: number }[] }[];
      }[];
    };
    for (const l of LOOPS) {
      const findings = out.files.find((f) => f.path === `${l.dir}/s.yaml`)?.findings ?? [];
      expect(
        findings.map((f) => [f.ruleId, f.line, f.related?.map((x) => `${x.path}:${x.line}`)]),
        l.dir,
      ).toEqual([['recursive-trigger', l.line, [`${l.dir}/${l.code}:${l.codeLine}`]]]);
    }
  });

  it('reads handler code in its language server too (trigger-lint lsp --stdio)', async () => {
    const root = loopWorkspace(mkdtempSync(join(tmpdir(), 'tl-package-lsp-')));
    const client = await LspClient.start({
      root,
      server: [join(app, 'node_modules', 'trigger-lint', 'bin', 'trigger-lint.js'), 'lsp', '--stdio'],
    });
    try {
      await expectLoopsReported(client, root);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  }, 60_000);

  it("prints a rule's page from the docs it ships (trigger-lint rule <id>)", () => {
    const r = run('npx', ['--offline', 'trigger-lint', 'rule', 'prefix-leading-slash'], app);
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs', 'rules', 'prefix-leading-slash.md'), 'utf8'));
  });

  it('imports from ESM', () => {
    const r = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      import { lint, RULES, FORMATS } from 'trigger-lint';
      const r = await lint([{ path: 's.yaml', text: ${JSON.stringify(BAD)} }]);
      console.log(JSON.stringify({ ids: r.files[0].findings.map((f) => f.ruleId), rules: RULES.length, fc3: FORMATS.some((f) => f.id === 'serverless-devs-fc3') }));
    `,
      ],
      app,
    );
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ids: ['prefix-leading-slash'], rules: expect.any(Number), fc3: true });
  });

  it('requires from CommonJS (Node 20 before 20.19 cannot require an ES module)', () => {
    const r = run(
      process.execPath,
      [
        '-e',
        `
      const { lint } = require('trigger-lint');
      lint([{ path: 's.yaml', text: ${JSON.stringify(BAD)} }]).then((r) => console.log(r.summary.errors));
    `,
      ],
      app,
    );
    expect(r.code, r.out).toBe(0);
    expect(r.stdout.trim()).toBe('1');
  });

  it('type-checks a .ts and a .cts file that use it, with tsc and the shipped declarations only', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['check.ts', 'check.cts'],
      }),
    );
    writeFileSync(
      join(app, 'check.ts'),
      [
        "import { lint, RULES, type Finding, type LintOptions, type Result, type StorageTrigger } from 'trigger-lint';",
        "const options: LintOptions = { rules: { 'filter-wildcard': 'off' }, quiet: true };",
        "const result: Result = await lint([{ path: 's.yaml', text: 'edition: 3.0.0' }], options);",
        'const first: Finding | undefined = result.files[0]?.findings[0];',
        'export const where: string = first ? `${first.path}:${first.line}:${first.column} ${first.ruleId}` : RULES[0].id;',
        'export type Bucket = StorageTrigger["bucket"]["value"];',
        '// @ts-expect-error the inputs are a list',
        "void lint('s.yaml');",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'check.cts'),
      ["import tl = require('trigger-lint');", "export const p: Promise<tl.Result> = tl.lint(['.']);", ''].join('\n'),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], app);
    expect(tsc.out.trim(), 'tsc output').toBe('');
    expect(tsc.code).toBe(0);
  });
});

describe('the release', () => {
  // the versions the docs name: test/repo/versions.test.ts
  it(`the git tag v${pkg.version} exists and is part of this history`, () => {
    const inGit = run('git', ['rev-parse', '--is-inside-work-tree'], ROOT);
    if (inGit.code !== 0) return; // a source tarball, not a clone: no tags to compare
    // a clone made without tags (a CI checkout of one branch) has nothing to compare either; a
    // clone with tags must carry this version's
    if (!run('git', ['tag', '--list'], ROOT).stdout.trim()) return;
    const tag = run('git', ['rev-parse', '--verify', '--quiet', `refs/tags/v${pkg.version}^{commit}`], ROOT);
    expect(
      tag.code,
      `no tag v${pkg.version}: tag the release commit (git tag -a v${pkg.version}) when the version changes`,
    ).toBe(0);
    const ancestor = run('git', ['merge-base', '--is-ancestor', tag.stdout.trim(), 'HEAD'], ROOT);
    expect(ancestor.code, `tag v${pkg.version} is not in the history of HEAD`).toBe(0);
  });
});

describe("the README's Install section, run in an empty folder", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('\n## Install\n'),
    readme.indexOf('\n## ', readme.indexOf('\n## Install\n') + 5),
  );
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1]
      .trim()
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '')),
  );
  const PLACEHOLDER = `/path/to/trigger-lint/${pkg.name}-${pkg.version}.tgz`;

  it('builds the tarball from a clone: npm ci and npm pack (what the tarball above was made by)', () => {
    expect(blocks[0]).toEqual([
      `git clone ${pkg.repository.url.replace(/^git\+/, '')}`,
      'cd trigger-lint && npm ci && npm pack',
    ]);
    expect(PLACEHOLDER.endsWith(tarball.slice(tarball.lastIndexOf('/') + 1))).toBe(true);
  });

  /** A README block run by bash in `cwd`, the tarball's real path for the placeholder. */
  function runBlock(lines: string[], cwd: string, env: Record<string, string> = {}) {
    const script = ['set -euo pipefail', ...lines.map((l) => l.split(PLACEHOLDER).join(tarball))].join('\n');
    const r = spawnSync('bash', ['-c', script], {
      cwd,
      encoding: 'utf8',
      timeout: 600_000,
      env: {
        ...process.env,
        NO_COLOR: '1',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        npm_config_prefer_offline: 'true',
        ...env,
      },
    });
    return { code: r.status ?? -1, stdout: r.stdout, out: `${r.stdout}\n${r.stderr}` };
  }

  it('as a dev dependency: npm install --save-dev, then npx trigger-lint --version', () => {
    expect(blocks[1]).toEqual([`npm install --save-dev ${PLACEHOLDER}`, 'npx trigger-lint --version']);
    const project = mkdtempSync(join(tmpdir(), 'tl-install-dev-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'project', version: '1.0.0', private: true }));
    const r = runBlock(blocks[1], project);
    expect(r.code, r.out).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toBe(pkg.version);
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).devDependencies).toHaveProperty(pkg.name);
  });

  it('globally: npm install --global, then trigger-lint --version from PATH', () => {
    expect(blocks[2]).toEqual([`npm install --global ${PLACEHOLDER}`, 'trigger-lint --version']);
    const home = mkdtempSync(join(tmpdir(), 'tl-install-global-'));
    const prefix = join(home, 'prefix');
    const r = runBlock(blocks[2], home, {
      npm_config_prefix: prefix,
      PATH: `${join(prefix, 'bin')}:${process.env.PATH}`,
    });
    expect(r.code, r.out).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toBe(pkg.version);
  });
});
