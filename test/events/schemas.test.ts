// The event schemas against every real, documented and template event in the corpus, and
// against mutations of the valid ones (a required field removed, a type changed, an unknown
// event name), which must be rejected at the right line and column.
import { describe, expect, it } from 'vitest';
import { parseEvent, displayPath, type ParsedEvent, type Segment } from '../../src/events/parse.js';
import { validateEvent, schemasAt } from '../../src/events/validate.js';
import { SCHEMAS, type JsonSchema } from '../../src/events/schemas.js';
import { EVENT_TYPES } from '../../src/events/catalog.js';
import { validators } from '../../src/generated/events.js';
import { EXPECTED, corpusFiles, readCorpus } from './corpus.js';

const parse = (text: string, name = 'event.json'): ParsedEvent => {
  const p = parseEvent(text, name);
  if (!p.ok) throw new Error(`does not parse: ${p.errors[0].message}`);
  return p;
};
const errorsOf = (p: ParsedEvent, id: string) => validateEvent(p, id).filter((d) => d.severity === 'error');

describe('the schema set', () => {
  it('has one compiled schema per vendor/type pair of the catalog, and nothing else', () => {
    expect(Object.keys(validators).sort()).toEqual(EVENT_TYPES.map((e) => `events/${e.id}`).sort());
    expect(Object.keys(SCHEMAS).sort()).toEqual(EVENT_TYPES.map((e) => e.id).sort());
  });

  it.each(EVENT_TYPES.map((e) => e.id))('%s has a title, a description and a description on every property', (id) => {
    const root = SCHEMAS[id];
    expect(typeof root.title).toBe('string');
    expect(typeof root.description).toBe('string');
    const missing: string[] = [];
    const visit = (s: unknown, where: string) => {
      if (!s || typeof s !== 'object') return;
      const o = s as JsonSchema;
      for (const [k, v] of Object.entries((o.properties as Record<string, JsonSchema>) ?? {})) {
        if (typeof v.description !== 'string') missing.push(`${where}.${k}`);
        visit(v, `${where}.${k}`);
      }
      for (const k of ['items', 'then', 'else', 'additionalProperties']) visit(o[k], `${where}/${k}`);
      for (const [k, v] of Object.entries((o.definitions as Record<string, JsonSchema>) ?? {})) visit(v, `#${k}`);
    };
    visit(root, '');
    expect(missing).toEqual([]);
  });
});

describe('corpus samples', () => {
  it('every corpus file has an expectation (a new sample forces a decision)', () => {
    expect(corpusFiles()).toEqual(Object.keys(EXPECTED).sort());
  });

  const valid = Object.entries(EXPECTED).filter(([, e]) => 'id' in e && !('broken' in e)) as [string, { id: string }][];
  it.each(valid)('%s is a valid %s event', (file, e) => {
    const p = parse(readCorpus(file), file);
    expect(errorsOf(p, e.id).map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([]);
  });

  it('.jsonc samples that are only JSON with comments or trailing commas are accepted, and flagged as not strict JSON', () => {
    const jsonc = valid.filter(([f]) => f.endsWith('.jsonc'));
    expect(jsonc.map(([f]) => f)).toEqual([
      'alibaba/fc3-cdn-CdnDomainAdded.jsonc',
      'alibaba/fc3-cdn-LogFileCreated.jsonc',
      'jdcloud/doc-2018-apigw-real.jsonc',
      'jdcloud/doc-apigw-template.jsonc',
    ]);
    for (const [f] of jsonc) expect(parse(readCorpus(f), f).format).toBe('jsonc');
  });

  const broken = Object.entries(EXPECTED).filter(([, e]) => 'broken' in e) as [
    string,
    { id: string; broken: string; error: RegExp },
  ][];
  it.each(broken)('%s is documented as broken by the vendor and rejected', (file, e) => {
    const msgs = errorsOf(parse(readCorpus(file), file), e.id).map((d) => d.message);
    expect(msgs.length, e.broken).toBeGreaterThan(0);
    expect(
      msgs.some((m) => e.error.test(m)),
      `${e.broken}\n${msgs.join('\n')}`,
    ).toBe(true);
  });

  const unparsable = Object.entries(EXPECTED).filter(([, e]) => 'unparsable' in e) as [
    string,
    { unparsable: string; error: RegExp },
  ][];
  it.each(unparsable)('%s is not JSON even with comments allowed, and the parse error says why', (file, e) => {
    const p = parseEvent(readCorpus(file), file);
    expect(p.ok, e.unparsable).toBe(false);
    if (!p.ok) expect(p.errors[0].message).toMatch(e.error);
  });

  it('the real OBS event inside the Huawei async-failure notification is a valid huawei/obs event', () => {
    const outer = JSON.parse(readCorpus('huawei/otcjava-async-notification-with-real-obs-payload.json')) as {
      request_payload: string;
    };
    expect(errorsOf(parse(outer.request_payload), 'huawei/obs')).toEqual([]);
  });
});

// ---- mutations -------------------------------------------------------------------------------

interface Leaf {
  path: Segment[];
  schema: JsonSchema;
  required: boolean;
}

/** Every scalar of the event that its schema describes, with whether its key is required. */
function leaves(value: unknown, id: string): Leaf[] {
  const out: Leaf[] = [];
  const walk = (v: unknown, path: Segment[]) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (!v || typeof v !== 'object') return;
    const here = schemasAt(SCHEMAS[id], path);
    for (const [k, x] of Object.entries(v)) {
      const prop = here.map((s) => (s.properties as Record<string, JsonSchema> | undefined)?.[k]).find(Boolean);
      const required = here.some((s) => Array.isArray(s.required) && (s.required as string[]).includes(k));
      if (prop && (x === null || typeof x !== 'object')) out.push({ path: [...path, k], schema: prop, required });
      walk(x, [...path, k]);
    }
  };
  walk(value, []);
  return out;
}

function mutate(value: unknown, path: Segment[], f: (parent: Record<string, unknown>, key: string) => void): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let cur: Record<string, unknown> = copy;
  for (const s of path.slice(0, -1)) cur = cur[s as string] as Record<string, unknown>;
  f(cur, path[path.length - 1] as string);
  return copy;
}

/** 1-based line and column of the first occurrence of `needle`, found textually. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

// The Go SDK README's Kafka event is an array of JSON *strings*: opaque to the schema, nothing to mutate.
const OPAQUE = ['alibaba/gosdk-kafka-eventbridge-string-array.json'];
const validSamples = Object.entries(EXPECTED)
  .filter(([f, e]) => 'id' in e && !('broken' in e) && f.endsWith('.json') && !OPAQUE.includes(f))
  .map(([f, e]) => [f, (e as { id: string }).id] as const);

describe('mutations of valid corpus samples', () => {
  it.each(validSamples)(
    '%s: removing a required field is reported at the key of the object that lost it',
    (file, id) => {
      const value = JSON.parse(readCorpus(file));
      const leaf = leaves(value, id).find((l) => l.required);
      expect(leaf, 'every sample has a required scalar field').toBeDefined();
      if (!leaf) return;
      const key = leaf.path[leaf.path.length - 1] as string;
      const text = JSON.stringify(
        mutate(value, leaf.path, (p, k) => {
          delete p[k];
        }),
        null,
        2,
      );
      const errs = errorsOf(parse(text), id);
      const missing = errs.find((d) => d.message.includes(`missing required key "${key}"`));
      expect(missing, errs.map((d) => d.message).join('\n')).toBeDefined();
      const parentPath = leaf.path.slice(0, -1);
      const parentKey = [...parentPath].reverse().find((s) => typeof s === 'string');
      // The parent is a property ("cosObject": {...}) → its key; an array item or the root → its "{".
      if (typeof parentPath[parentPath.length - 1] === 'string') {
        const lines = text.split('\n');
        expect(lines[missing!.line - 1].slice(missing!.column - 1)).toMatch(new RegExp(`^"${parentKey}":`));
      } else {
        const lines = text.split('\n');
        expect(lines[missing!.line - 1][missing!.column - 1]).toBe('{');
      }
    },
  );

  it.each(validSamples)('%s: a value of the wrong type is reported at the value', (file, id) => {
    const value = JSON.parse(readCorpus(file));
    const leaf = leaves(value, id).find(
      (l) =>
        (l.schema.type === 'integer' || l.schema.type === 'string') &&
        !l.schema.enum &&
        !l.schema.const &&
        !l.schema.pattern,
    );
    expect(leaf, 'every sample has a plain string or integer field').toBeDefined();
    const wrong = leaf!.schema.type === 'integer' ? '"__not_a_number__"' : '424242.5';
    const text = JSON.stringify(
      mutate(value, leaf!.path, (p, k) => {
        p[k] = JSON.parse(wrong);
      }),
      null,
      2,
    );
    const errs = errorsOf(parse(text), id);
    const at = positionOf(text, `: ${wrong}`);
    const err = errs.find((d) => d.message.startsWith(`${displayPath(leaf!.path)}:`));
    expect(err, errs.map((d) => d.message).join('\n')).toBeDefined();
    expect(err!.message).toContain(
      leaf!.schema.type === 'integer'
        ? 'expected an integer, got the string "__not_a_number__"'
        : 'expected a string, got the number 424242.5',
    );
    expect({ line: err!.line, column: err!.column }).toEqual({ line: at.line, column: at.column + 2 });
  });

  const withEventNames = validSamples.filter(([f, id]) =>
    leaves(JSON.parse(readCorpus(f)), id).some((l) => Array.isArray(l.schema.enum)),
  );
  it("covers every vendor's storage events with the event-name mutation", () => {
    const ids = new Set(withEventNames.map(([, id]) => id));
    for (const id of ['aliyun/oss', 'aliyun/oss-eventbridge', 'tencent/cos', 'huawei/obs', 'aws/s3', 'aliyun/cdn'])
      expect(ids).toContain(id);
  });
  it.each(withEventNames)('%s: an unknown event name is reported at the value', (file, id) => {
    const value = JSON.parse(readCorpus(file));
    const leaf = leaves(value, id).find((l) => Array.isArray(l.schema.enum))!;
    const text = JSON.stringify(
      mutate(value, leaf.path, (p, k) => {
        p[k] = 'Bogus:NoSuchEvent';
      }),
      null,
      2,
    );
    const errs = errorsOf(parse(text), id);
    const at = positionOf(text, '"Bogus:NoSuchEvent"');
    const err = errs.find((d) => d.message.includes('"Bogus:NoSuchEvent"'));
    expect(err, errs.map((d) => d.message).join('\n')).toBeDefined();
    expect(err!.message).toMatch(/unknown (event|value) "Bogus:NoSuchEvent"; expected one of/);
    expect({ line: err!.line, column: err!.column }).toEqual(at);
  });
});

describe('what users get wrong (research notes §0)', () => {
  const cos = () => JSON.parse(readCorpus('tencent/doc-cos.json'));
  it('Tencent size as a string: expected an integer, with the fix', () => {
    const v = cos();
    v.Records[0].cos.cosObject.size = '1024';
    const [e] = errorsOf(parse(JSON.stringify(v, null, 2)), 'tencent/cos');
    expect(e.message).toBe(
      'Records[0].cos.cosObject.size: expected an integer, got the string "1024"; Tencent sends the size in bytes as a number: write 1024 without quotes',
    );
  });
  it('Tencent delete family with a "d": did you mean cos:ObjectRemove:Delete', () => {
    const v = cos();
    v.Records[0].event.eventName = 'cos:ObjectRemoved:Delete';
    const [e] = errorsOf(parse(JSON.stringify(v, null, 2)), 'tencent/cos');
    expect(e.message).toMatch(
      /^Records\[0\]\.event\.eventName: unknown event "cos:ObjectRemoved:Delete"; did you mean "cos:ObjectRemove:Delete"\?/,
    );
  });
  it('Alibaba event name with the "oss:" prefix kept: did you mean the bare name, and why', () => {
    const v = JSON.parse(readCorpus('alibaba/fc3-oss.json'));
    v.events[0].eventName = 'oss:ObjectCreated:PutObject';
    const [e] = errorsOf(parse(JSON.stringify(v, null, 2)), 'aliyun/oss');
    expect(e.message).toBe(
      'events[0].eventName: unknown event "oss:ObjectCreated:PutObject"; did you mean "ObjectCreated:PutObject"? (the payload drops the "oss:" prefix of the trigger configuration)',
    );
  });
  it('Alibaba "Records" instead of "events": missing "events", with the vendor\'s spelling', () => {
    const v = JSON.parse(readCorpus('alibaba/fc3-oss.json'));
    const text = JSON.stringify({ Records: v.events }, null, 2);
    const [e] = errorsOf(parse(text), 'aliyun/oss');
    expect(e.message).toMatch(
      /^missing required key "events" in the event: Alibaba calls the array "events", lower-case/,
    );
    expect([e.line, e.column]).toEqual([1, 1]);
  });
  it('a misspelt key: unknown key with did-you-mean, at the key', () => {
    const text = readCorpus('tencent/doc-cos.json').replace('"eventName"', '"eventname"');
    const errs = errorsOf(parse(text), 'tencent/cos');
    expect(errs.map((d) => d.message)).toEqual([
      'unknown key "eventname" in Records[0].event; did you mean "eventName"?',
    ]);
    expect(text.split('\n')[errs[0].line - 1].slice(errs[0].column - 1)).toMatch(/^"eventname"/);
  });
  it('a misspelt optional key is a warning, not an error', () => {
    const text = readCorpus('alibaba/doc-oss-objectmeta.json').replace('"objectMeta"', '"objectmeta"');
    const ds = validateEvent(parse(text), 'aliyun/oss');
    expect(ds.map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'unknown key "objectmeta" in events[0].oss.object; did you mean "objectMeta"?'],
    ]);
  });
  it('Huawei bucket owner in AWS spelling: did you mean "PrincipalId"', () => {
    const text = readCorpus('huawei/otc-go-obs.json').replace('"PrincipalId"', '"principalId"');
    const [e] = errorsOf(parse(text), 'huawei/obs');
    expect(e.message).toBe(
      'unknown key "principalId" in Records[0].s3.bucket.ownerIdentity; did you mean "PrincipalId"? (Huawei writes "PrincipalId" with a capital P)',
    );
  });
  it('JD version is accepted as a number (real events) and as a string (template)', () => {
    const v = JSON.parse(readCorpus('jdcloud/derived-2018-apigw-real.stripped.json'));
    for (const version of ['0', 0])
      expect(errorsOf(parse(JSON.stringify({ ...v, version })), 'jdcloud/apigw')).toEqual([]);
    expect(errorsOf(parse(JSON.stringify({ ...v, version: true })), 'jdcloud/apigw')[0].message).toBe(
      'version: expected an integer or a string, got true',
    );
  });
  it('Huawei OBS accepts "Region" (Huawei\'s example) or "awsRegion" (real events), and requires neither', () => {
    const v = JSON.parse(readCorpus('huawei/otc-go-obs.json'));
    const r = v.Records[0];
    const { awsRegion, ...rest } = r;
    for (const rec of [r, rest, { ...rest, Region: awsRegion }])
      expect(errorsOf(parse(JSON.stringify({ Records: [rec] })), 'huawei/obs')).toEqual([]);
  });
  it('dates are checked for shape leniently: every vendor format passes, prose does not', () => {
    const v = JSON.parse(readCorpus('aws/doc-example-ObjectCreated-Put.json'));
    for (const t of [
      '2024-05-20T08:30:00.000Z',
      '2024-05-20T08:30:00Z',
      '2018-03-16T14:19:55+08:00',
      '2020-08-17T16:04:46.149Asia/Shanghai',
      '2016/12/08 11:07:28 GMT+08:00',
      'Mon, 06 Aug 2018 10:19:51 GMT',
      'Tue Jan 09 2018 15:11:40 GMT+0800 (CST)',
    ]) {
      v.Records[0].eventTime = t;
      expect(errorsOf(parse(JSON.stringify(v)), 'aws/s3'), t).toEqual([]);
    }
    v.Records[0].eventTime = 'yesterday';
    expect(errorsOf(parse(JSON.stringify(v)), 'aws/s3')[0].message).toBe(
      'Records[0].eventTime: "yesterday" does not look like a date; write it like "1970-01-01T00:00:00.000Z"',
    );
  });
  it('YAML events are validated with positions in the YAML text', () => {
    const text = 'Type: Timer\nTriggerName: daily\nTime: "2024-05-20T08:30:00Z"\nMessage: 42\n';
    const p = parseEvent(text, 'event.yaml');
    expect(p.ok).toBe(true);
    const [e] = errorsOf(p as ParsedEvent, 'tencent/timer');
    expect([e.line, e.column, e.message]).toEqual([
      4,
      10,
      'Message: expected a string, got the number 42; quote it: "42"',
    ]);
  });
});
