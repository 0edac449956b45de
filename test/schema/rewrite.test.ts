// How ajv errors become findings: where each kind points, and what it says.
import { describe, expect, it } from 'vitest';
import { check } from './helpers.js';

const filterSchema = {
  type: 'object',
  properties: {
    filter: {
      type: 'object',
      additionalProperties: false,
      properties: {
        key: {
          type: 'object',
          additionalProperties: false,
          properties: { prefix: { type: 'string' }, suffix: { type: 'string' } },
          required: ['prefix', 'suffix'],
          'x-required-hints': { suffix: "add suffix: '' to match every key" },
        },
      },
      required: ['key'],
    },
    count: { type: 'integer', minimum: 1, multipleOf: 64 },
    enabled: { type: 'boolean' },
    events: {
      type: 'array',
      items: {
        enum: [
          'oss:ObjectCreated:*',
          'oss:ObjectCreated:PutObject',
          'oss:ObjectCreated:PutSymlink',
          'oss:ObjectRemoved:DeleteObject',
        ],
        'x-name': 'OSS event',
      },
    },
    name: { type: 'string', pattern: '^[a-z]+$', 'x-name': 'name', 'x-hint': 'use lower-case letters' },
  },
};

describe('schema error positions', () => {
  it('points a missing required key at the key of its parent object', () => {
    const [i] = check(filterSchema, 'filter:\n  key:\n    prefix: in/\n');
    expect(i.keyword).toBe('required');
    expect(i.text).toBe('key');
    expect(i.message).toBe('missing required key "suffix" in filter.key; add suffix: \'\' to match every key');
  });

  it('points a missing required key of a list item at the first line of the item', () => {
    const schema = { type: 'array', items: { type: 'object', required: ['b'] } };
    const [i] = check(schema, '- a: 1  # first\n  c: 2\n');
    expect(i.text).toBe('a: 1');
    expect(i.message).toBe('missing required key "b" in props[0]');
  });

  it('points an unknown key at the key itself', () => {
    const [i] = check(filterSchema, 'filter:\n  key:\n    prefix: in/\n    sufix: .png\n');
    expect(i.keyword).toBe('additionalProperties');
    expect(i.text).toBe('sufix');
    expect(i.message).toBe('unknown key "sufix" in filter.key; did you mean "suffix"?');
  });

  it('points other errors at the value', () => {
    const issues = check(filterSchema, 'count: "128"\nenabled: yes please\nname: Bob\n');
    expect(issues.map((i) => [i.keyword, i.text])).toEqual([
      ['type', '"128"'],
      ['type', 'yes please'],
      ['pattern', 'Bob'],
    ]);
  });
});

describe('schema error messages', () => {
  it('does not report the missing key that an unknown key next to it stands for', () => {
    const issues = check(filterSchema, 'filter:\n  key:\n    prefix: in/\n    sufix: .png\n');
    expect(issues.map((i) => i.keyword)).toEqual(['additionalProperties']);
  });

  it('merges the missing keys of one object into one finding', () => {
    const issues = check(filterSchema, 'filter:\n  key: {}\n');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe(
      'missing required keys "prefix" and "suffix" in filter.key; add suffix: \'\' to match every key',
    );
  });

  it('says what type was expected and what was found, with the remedy for a quoted number', () => {
    const [i] = check(filterSchema, 'count: "128"\n');
    expect(i.message).toBe('expected an integer for count, got the string "128"; write 128 without quotes');
  });

  it('suggests the nearest multiple and names range limits', () => {
    expect(check(filterSchema, 'count: 100\n')[0].message).toBe('count is 100, not a multiple of 64; use 128');
    expect(check(filterSchema, 'count: 0\n').map((i) => i.message)).toContain('count is 0, below the minimum 1');
  });

  it('completes a truncated enum value instead of suggesting a wildcard', () => {
    const [i] = check(filterSchema, 'events: [oss:ObjectCreated:Put]\n');
    expect(i.message).toBe('unknown OSS event "oss:ObjectCreated:Put"; did you mean "oss:ObjectCreated:PutObject"?');
    expect(i.text).toBe('oss:ObjectCreated:Put');
  });

  it('lists the values a wildcard would have meant when the wildcard is not allowed', () => {
    const [i] = check(filterSchema, 'events: ["oss:ObjectRemoved:*"]\n');
    expect(i.message).toBe(
      'unknown OSS event "oss:ObjectRemoved:*": this wildcard is not accepted here; list the events you need instead: "oss:ObjectRemoved:DeleteObject"',
    );
  });

  it('uses the schema hint as the remedy of a pattern error', () => {
    expect(check(filterSchema, 'name: Bob\n')[0].message).toBe('invalid name "Bob": use lower-case letters');
  });

  it('explains a key that belongs to another format, from the target or the schema', () => {
    const fromTarget = check(filterSchema, 'filter:\n  key: { prefix: a, suffix: b }\n  bucketName: x\n', {
      foreignKeys: { bucketName: 'bucketName is legacy fc' },
    });
    expect(fromTarget[0].message).toBe('unknown key "bucketName" in filter: bucketName is legacy fc');
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: { key: {} },
      'x-foreign-keys': { prefix: { message: 'prefix belongs in key', replaces: 'key' } },
      required: ['key'],
    };
    const fromSchema = check(schema, 'prefix: a\n');
    expect(fromSchema.map((i) => i.message)).toEqual(['unknown key "prefix" in props: prefix belongs in key']);
  });

  it('lists the allowed keys when no key is close', () => {
    expect(check(filterSchema, 'filter:\n  key: { prefix: a, suffix: b }\n  zzz: 1\n')[0].message).toBe(
      'unknown key "zzz" in filter; allowed keys here: "key"',
    );
  });
});

describe('schema fixes', () => {
  it('renames an unknown key with one clear correction', () => {
    const [i] = check(filterSchema, 'filter:\n  key:\n    prefix: in/\n    sufix: .png\n');
    expect(i.fix).toEqual([{ start: i.at.start, end: i.at.end, text: 'suffix' }]);
  });

  it('renames inside quotes, keeping them', () => {
    const text = 'filter:\n  key:\n    prefix: in/\n    "sufix": .png\n';
    const [i] = check(filterSchema, text);
    expect(i.fix).toEqual([{ start: i.at.start + 1, end: i.at.end - 1, text: 'suffix' }]);
  });

  it('renames the keys under a renamed key in the same fix', () => {
    const text = 'filter:\n  Key:\n    Prefix: in/\n    Suffix: .png\n';
    const [i] = check(filterSchema, text);
    expect(i.fix?.map((f) => [text.slice(f.start, f.end), f.text])).toEqual([
      ['Key', 'key'],
      ['Prefix', 'prefix'],
      ['Suffix', 'suffix'],
    ]);
  });

  it('offers no fix when the correction would duplicate a key that is already there', () => {
    const [i] = check(filterSchema, 'filter:\n  key:\n    prefix: in/\n    suffix: .png\n    Suffix: .jpg\n');
    expect(i.keyword).toBe('additionalProperties');
    expect(i.fix).toBeUndefined();
  });
});

describe('key suggestions', () => {
  const twoCasings = {
    type: 'object',
    additionalProperties: false,
    properties: { Prefix: {}, Suffix: {}, prefix: {}, suffix: {}, cronExpression: {}, enable: {} },
  };

  it('prefers the casing the user wrote when a format accepts both', () => {
    expect(check(twoCasings, 'Sufix: x\n')[0].message).toBe('unknown key "Sufix" in props; did you mean "Suffix"?');
    expect(check(twoCasings, 'sufix: x\n')[0].message).toBe('unknown key "sufix" in props; did you mean "suffix"?');
  });

  it('completes a key that is the start of exactly one allowed key', () => {
    expect(check(twoCasings, 'cron: x\n')[0].message).toBe(
      'unknown key "cron" in props; did you mean "cronExpression"?',
    );
  });

  it('suggests nothing when two different keys are equally close', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { abcd: {}, abce: {} } };
    expect(check(schema, 'abcf: x\n')[0].message).toBe(
      'unknown key "abcf" in props; allowed keys here: "abcd", "abce"',
    );
  });
});
