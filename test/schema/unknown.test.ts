// Values that stay unknown never cause a finding, directly or through a branch they select.
import { describe, expect, it } from 'vitest';
import { check } from './helpers.js';

describe('schema checks and unknown values', () => {
  it('never reports an unknown value, whatever the keyword', () => {
    const schema = {
      type: 'object',
      properties: { n: { type: 'integer' }, e: { enum: ['a', 'b'] }, p: { type: 'string', pattern: '^x' } },
    };
    expect(check(schema, "n: ${env('N')}\ne: ${env('E')}\np: ${env('P')}\n")).toEqual([]);
  });

  it('still reports the known values next to an unknown one', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer' }, e: { enum: ['a', 'b'] } } };
    const issues = check(schema, "n: ${env('N')}\ne: c\n");
    expect(issues.map((i) => i.text)).toEqual(['c']);
  });

  it('does not apply a then-branch when the if-condition reads an unknown value', () => {
    const schema = {
      type: 'object',
      properties: { type: { enum: ['oss', 'timer'] }, config: { type: 'object' } },
      allOf: [
        {
          if: { properties: { type: { const: 'oss' } }, required: ['type'] },
          then: { properties: { config: { required: ['events'] } } },
        },
      ],
    };
    expect(check(schema, "type: ${env('T')}\nconfig: { cron: x }\n")).toEqual([]);
    expect(check(schema, 'type: oss\nconfig: { cron: x }\n').map((i) => i.message)).toEqual([
      'missing required key "events" in config',
    ]);
  });

  it('does not report an else-branch chosen because of an unknown value', () => {
    const schema = {
      type: 'object',
      if: { properties: { rt: { const: 'custom' } } },
      then: {},
      else: { required: ['handler'] },
    };
    expect(check(schema, "rt: ${env('RT')}\n")).toEqual([]);
    expect(check(schema, 'rt: python3\n').map((i) => i.message)).toEqual(['missing required key "handler" in props']);
  });

  it('drops an anyOf failure when a branch fails only on unknown values', () => {
    const schema = {
      type: 'object',
      properties: {
        log: { anyOf: [{ type: 'object', properties: { rule: { enum: ['A', 'B'] } } }, { const: 'auto' }] },
      },
    };
    expect(check(schema, "log:\n  rule: ${env('R')}\n")).toEqual([]);
  });

  it('does not report duplicates among unknown items', () => {
    const schema = { type: 'object', properties: { list: { type: 'array', uniqueItems: true } } };
    expect(check(schema, "list: [${env('A')}, ${env('B')}]\n")).toEqual([]);
    expect(check(schema, 'list: [a, a]\n')).toHaveLength(1);
  });
});
