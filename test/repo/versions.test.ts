// Every version the docs name is the one in package.json: pre-commit's `rev: vX.Y.Z`, the Action's
// `uses: trigger-lint/trigger-lint@vX.Y.Z`, `trigger-lint@X.Y.Z`, the tarball and .vsix file
// names, and the VS Code extension's own version. The release steps (README, Releasing) bump them
// together; a missed one fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function markdown(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? markdown(p) : e.name.endsWith('.md') ? [p] : [];
  });
}

const DOCS = ['README.md', 'editors/vscode/README.md', ...markdown('docs')];

/** The versions a text names, with what named them. */
export function namedVersions(text: string): { what: string; version: string }[] {
  const patterns: [string, RegExp][] = [
    ['rev:', /\brev: ['"]?v?(\d+\.\d+\.\d+[\w.-]*)/g],
    ['uses: @', /\btrigger-lint\/trigger-lint@v?(\d+\.\d+\.\d+[\w.-]*)/g],
    ['trigger-lint@', /(?<![\w/])trigger-lint@v?(\d+\.\d+\.\d+[\w.-]*)/g],
    ['file name', /\btrigger-lint-(\d+\.\d+\.\d+(?:-[\w.]+)?)\.(?:tgz|vsix)\b/g],
    ['tag', /\btag(?: -a)? v(\d+\.\d+\.\d+)\b/g],
  ];
  return patterns.flatMap(([what, re]) => [...text.matchAll(re)].map((m) => ({ what, version: m[1] })));
}

describe('versions named in the docs', () => {
  it('finds each kind of pin (the check reads what it claims to read)', () => {
    expect(
      namedVersions(
        'rev: v1.2.3\nuses: trigger-lint/trigger-lint@v1.2.3\nnpm i trigger-lint@1.2.3\ntrigger-lint-1.2.3.tgz trigger-lint-1.2.3.vsix\ngit tag -a v1.2.3',
      ).map((v) => `${v.what} ${v.version}`),
    ).toEqual([
      'rev: 1.2.3',
      'uses: @ 1.2.3',
      'trigger-lint@ 1.2.3',
      'file name 1.2.3',
      'file name 1.2.3',
      'tag 1.2.3',
    ]);
    expect(namedVersions('uses: actions/checkout@v4\nrev: main\ntrigger-lint-X.Y.Z.tgz')).toEqual([]);
  });

  it(`are all ${version}, the version in package.json`, () => {
    const named = DOCS.flatMap((f) =>
      namedVersions(readFileSync(join(ROOT, f), 'utf8')).map((v) => ({ ...v, file: f })),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((v) => v.version !== version).map((v) => `${v.file}: ${v.what} ${v.version}`)).toEqual([]);
    // the README pins both integrations
    expect(named.filter((v) => v.file === 'README.md').map((v) => v.what)).toEqual(
      expect.arrayContaining(['rev:', 'uses: @', 'file name']),
    );
  });

  it('the VS Code extension has the same version', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'editors', 'vscode', 'package.json'), 'utf8')).version).toBe(version);
  });
});
