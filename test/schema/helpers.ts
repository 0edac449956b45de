// Helpers for the schema checker's unit tests: compile a small schema with the same ajv options
// as scripts/build.mjs, and build the resolved JSON view of a YAML text with the generic Resolver
// (`${env('X')}` stays unknown, as in Serverless Devs files).
import { Ajv } from 'ajv';
import { parseSource } from '../../src/source/source.js';
import { Resolver, type Dialect } from '../../src/formats/resolve.js';
import { checkWith } from '../../src/schema/index.js';
import type { SchemaTarget } from '../../src/formats/types.js';

const unknownEnv: Dialect = { pattern: /\$\{([^}]*)\}/g, evaluate: () => ({ kind: 'unknown', reason: 'env' }) };

export function check(schema: object, yamlText: string, extra: Partial<SchemaTarget> = {}) {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const validate = ajv.compile(schema);
  const src = parseSource('t.yaml', yamlText);
  const r = new Resolver(src, src.docs[0], unknownEnv);
  const view = r.json(src.docs[0].contents);
  const target: SchemaTarget = { schema: 'test', view, label: 'props', ...extra };
  const issues = checkWith(validate, target, yamlText);
  return issues.map((i) => ({ ...i, text: yamlText.slice(i.at.start, i.at.end) }));
}
