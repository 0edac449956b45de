// The schemas YAML editors use: every schema under schemas/config/ has an $id matching its path;
// those of schemas/files/ have none, so that their relative $refs resolve against wherever they
// were loaded from (yaml-language-server resolves them against an $id first, and trigger-lint.dev
// serves nothing); all have a title and a description on every property a user writes; the whole-file
// schemas resolve their $refs to the linter's schemas; schemas/catalog.json is a SchemaStore
// catalog that points at them.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from '../helpers.js';
import { FORMATS } from '../../src/formats/index.js';
import { EDITOR_SCHEMA } from '../../src/lsp/editor-schemas.js';

const ID_BASE = 'https://trigger-lint.dev/schemas/';
const RAW_BASE = 'https://raw.githubusercontent.com/trigger-lint/trigger-lint/main/schemas/';
type Node = Record<string, unknown>;
const load = (key: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${key}.json`), 'utf8')) as Node;
const keys = (dir: string) =>
  readdirSync(join(ROOT, 'schemas', dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f.replace(/\.json$/, '')}`);
const EDITOR_KEYS = [...keys('config'), ...keys('files')];

/** Property paths without a description (conditions under `if` are not written by users). */
function undescribed(node: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((x, i) => undescribed(x, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === 'if') continue;
      if ((k === 'properties' || k === 'patternProperties') && v && typeof v === 'object') {
        for (const [p, s] of Object.entries(v as Node)) {
          if (typeof (s as Node).description !== 'string' || !(s as Node).description) out.push(`${path}/${k}/${p}`);
          undescribed(s, `${path}/${k}/${p}`, out);
        }
      } else undescribed(v, `${path}/${k}`, out);
    }
  }
  return out;
}

describe('editor schemas', () => {
  it.each(EDITOR_KEYS)(
    '%s has its $id (config/) or none (files/), a title and a description on every property',
    (key) => {
      const s = load(key);
      expect(s.$id).toBe(key.startsWith('files/') ? undefined : `${ID_BASE}${key}.json`);
      expect(typeof s.title === 'string' && s.title.length > 10).toBe(true);
      expect(undescribed(s, '', [])).toEqual([]);
    },
  );

  it('the whole-file schemas resolve every $ref against the linter schemas they place', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const key of EDITOR_KEYS)
      ajv.addSchema(load(key), key.startsWith('files/') ? `${ID_BASE}${key}.json` : undefined);
    for (const key of keys('files')) {
      const validate = ajv.getSchema(`${ID_BASE}${key}.json`)!;
      expect(validate, key).toBeDefined();
      expect(typeof validate.schema).toBe('object');
    }
    const fc3 = ajv.getSchema(`${ID_BASE}files/fc3.json`)!;
    const doc = {
      edition: '3.0.0',
      resources: {
        f: {
          component: 'fc3',
          props: {
            region: 'cn-hangzhou',
            functionName: 'f',
            runtime: 'nodejs18',
            handler: 'index.handler',
            code: './code',
            triggers: [
              {
                triggerName: 't',
                triggerType: 'oss',
                sourceArn: 'acs:oss:cn-hangzhou:1:b',
                triggerConfig: {
                  events: ['oss:ObjectCreated:PutObject'],
                  filter: { key: { prefix: 'in/', sufix: '.png' } },
                },
              },
            ],
          },
        },
      },
    };
    expect(fc3(doc)).toBe(false);
    expect(
      fc3.errors!.some(
        (e) =>
          e.keyword === 'additionalProperties' &&
          (e.params as { additionalProperty: string }).additionalProperty === 'sufix',
      ),
    ).toBe(true);
    const other = { edition: '3.0.0', resources: { bucket: { component: 'oss', props: { anything: 1 } } } };
    expect(fc3(other)).toBe(true); // another component's props are not fc3's
  });

  it('every format has a whole-file schema, and schemas/files/ holds exactly the ones that wrap a part', () => {
    expect(Object.keys(EDITOR_SCHEMA).sort()).toEqual(FORMATS.map((f) => f.id).sort());
    for (const key of Object.values(EDITOR_SCHEMA))
      expect(existsSync(join(ROOT, 'schemas', `${key}.json`)), key).toBe(true);
    expect(
      Object.values(EDITOR_SCHEMA)
        .filter((k) => k.startsWith('files/'))
        .sort(),
    ).toEqual(keys('files').sort());
  });
});

describe('schemas/catalog.json (SchemaStore catalog format)', () => {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'schemas', 'catalog.json'), 'utf8')) as {
    $schema: string;
    version: number;
    schemas: { name: string; description: string; fileMatch?: string[]; url: string }[];
  };

  it('has the catalog shape: name, description, url, optional fileMatch', () => {
    expect(catalog.$schema).toBe('https://json.schemastore.org/schema-catalog.json');
    expect(catalog.version).toBe(1);
    for (const e of catalog.schemas) {
      expect(Object.keys(e).filter((k) => !['name', 'description', 'fileMatch', 'url'].includes(k))).toEqual([]);
      expect(e.name.length && e.description.length).toBeTruthy();
      expect(e.url.startsWith(RAW_BASE)).toBe(true);
      expect(existsSync(join(ROOT, 'schemas', e.url.slice(RAW_BASE.length))), e.url).toBe(true);
    }
  });

  it("lists every format's whole-file schema, matches s.yaml and s.yml to fc3, and claims no file name twice", () => {
    const urls = catalog.schemas.map((e) => e.url);
    for (const key of Object.values(EDITOR_SCHEMA)) expect(urls).toContain(`${RAW_BASE}${key}.json`);
    const fc3 = catalog.schemas.find((e) => e.url === `${RAW_BASE}files/fc3.json`)!;
    expect(fc3.fileMatch).toEqual(['s.yaml', 's.yml']);
    const matches = catalog.schemas.flatMap((e) => e.fileMatch ?? []);
    expect(new Set(matches).size).toBe(matches.length);
  });

  it('claims only names that tell one format (serverless.yml and template.yaml are told apart by content, by trigger-lint)', () => {
    expect(catalog.schemas.flatMap((e) => e.fileMatch ?? []).sort()).toEqual([
      '.trigger-lint.yaml',
      '.trigger-lint.yml',
      's.yaml',
      's.yml',
    ]);
  });

  it('docs/editors.md shows exactly the entries to submit to SchemaStore: the ones with a fileMatch', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### SchemaStore'));
    const block = /```json\n([\s\S]*?)```/.exec(section)![1];
    expect(JSON.parse(block)).toEqual(catalog.schemas.filter((e) => e.fileMatch));
  });
});

describe('docs/editors.md and the README', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
  it('shows the modeline and the yaml.schemas entry of every format', () => {
    for (const key of Object.values(EDITOR_SCHEMA)) {
      expect(doc, key).toContain(`# yaml-language-server: $schema=${RAW_BASE}${key}.json`);
      expect(doc, key).toMatch(new RegExp(`"${RAW_BASE.replace(/[.]/g, '\\.')}${key}\\.json": \\[`));
    }
  });
  it('the README has an Editors row in its Integrations table, linking docs/editors.md', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Integrations'),
      readme.indexOf('pre-commit (`.pre-commit-config.yaml`)'),
    );
    expect(table).toMatch(/^\| Editors \| `trigger-lint lsp --stdio`.*\(docs\/editors\.md\) \|$/m);
  });
});
