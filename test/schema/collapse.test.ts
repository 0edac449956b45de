// anyOf/oneOf noise: keep the branch the user meant, or say which forms are accepted.
import { describe, expect, it } from 'vitest';
import { check } from './helpers.js';

const schema = {
  definitions: {
    Log: {
      type: 'object',
      additionalProperties: false,
      properties: { project: { type: 'string' }, logstore: { type: 'string' } },
      required: ['project', 'logstore'],
    },
  },
  type: 'object',
  properties: {
    logConfig: { anyOf: [{ $ref: '#/definitions/Log' }, { type: 'string', const: 'auto' }] },
    inline: { anyOf: [{ type: 'object', required: ['a'] }, { type: 'array' }] },
  },
};

describe('collapsing anyOf errors', () => {
  it('keeps only the object branch for an object value (through a $ref)', () => {
    const issues = check(schema, 'logConfig:\n  project: p\n  logstor: s\n');
    expect(issues.map((i) => i.message)).toEqual(['unknown key "logstor" in logConfig; did you mean "logstore"?']);
  });

  it('keeps only the string branch for a string value', () => {
    const issues = check(schema, 'logConfig: automatic\n');
    expect(issues.map((i) => i.message)).toEqual(['expected "auto" for logConfig, got the string "automatic"']);
  });

  it('names the accepted forms when the value fits none of them', () => {
    const issues = check(schema, 'logConfig: 5\n');
    expect(issues.map((i) => i.message)).toEqual(['expected a map or "auto" for logConfig, got the number 5']);
    expect(issues[0].text).toBe('5');
  });

  it('keeps the inline branch that matches the value kind', () => {
    const issues = check(schema, 'inline: { b: 1 }\n');
    expect(issues.map((i) => i.message)).toEqual(['missing required key "a" in inline']);
  });

  it('drops if-keyword errors and keeps the then-errors', () => {
    const s = { type: 'object', if: { properties: { t: { const: 'x' } } }, then: { required: ['y'] } };
    const issues = check(s, 't: x\n');
    expect(issues.map((i) => i.keyword)).toEqual(['required']);
  });
});
