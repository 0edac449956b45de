// Tencent COS keys arrive as "/<appid>/<bucket>/<key>" (src/code/leading-segments.ts): which
// regular expressions strip that start, and what is left of a value after stripping it.
import { describe, expect, it } from 'vitest';
import { dropLeadingSegments, dropStart, leadingSegmentsOf } from '../../src/code/leading-segments.js';
import { eventLeaf, lit, str, type Val } from '../../src/code/values.js';

const cosKey = eventLeaf(['Records', 'cos', 'cosObject', 'key'])!;
const appid: Val = str([{ appid: true }]);
const bucket: Val = str([{ bucket: true }]);
const input = { input: { prefix: true, suffix: true } };

describe('regular expressions that remove leading "/segment" parts', () => {
  it.each([
    ['^\\/\\d+\\/[^/]+\\/', 2],
    ['^\\/[^\\/]+\\/[^\\/]+\\/', 2],
    ['^\\/.+?\\/.*?\\/', 2],
    ['^\\/\\w+\\/', 1],
    ['^\\/[0-9]{10}\\/[a-z0-9-]+\\/', 2],
  ])('%s removes %i', (pattern, n) => expect(leadingSegmentsOf(pattern)).toBe(n));

  it.each([
    ['\\/\\d+\\/[^/]+\\/'], // not anchored
    ['^\\/.+\\/'], // a greedy dot runs over "/"
    ['^\\/\\d+\\/[^/]+'], // does not end at a "/"
    ['^\\/[^a]+\\/'], // a class that can match "/"
    ['^\\/(\\d+)\\/'], // groups are not followed
  ])('%s is not recognised', (pattern) => expect(leadingSegmentsOf(pattern)).toBeUndefined());
});

describe('dropping the start of a value', () => {
  it('the Tencent event key without "/<appid>/<bucket>/" is the object key', () => {
    expect(dropLeadingSegments(cosKey, 2)).toEqual(str([input]));
    expect(
      dropStart(cosKey, str([{ lit: '/' }, { appid: true }, { lit: '/' }, { bucket: true }, { lit: '/' }])),
    ).toEqual(str([input]));
  });
  it('literal text is cut inside a literal part', () => {
    expect(dropLeadingSegments(lit('/123/photos/a/b.png'), 2)).toEqual(lit('a/b.png'));
    expect(dropStart(lit('/123/photos/a.png'), lit('/123/'))).toEqual(lit('photos/a.png'));
  });
  it('an unknown or too short start is not dropped', () => {
    expect(dropLeadingSegments(str([{ unknown: true }, { lit: '/a/' }]), 1)).toBeUndefined();
    expect(dropLeadingSegments(lit('/123'), 1)).toBeUndefined();
    expect(dropLeadingSegments(str([{ lit: '/' }, input]), 2)).toBeUndefined(); // the key itself may hold "/"
    expect(dropStart(cosKey, str([{ lit: '/' }, { bucket: true }, { lit: '/' }]))).toBeUndefined(); // the appid comes first
    expect(dropStart(cosKey, appid)).toBeUndefined();
    expect(dropStart(bucket, lit(''))).toBeUndefined();
  });
});
