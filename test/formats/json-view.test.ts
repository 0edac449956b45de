// The resolved-JSON view schema validation reads (src/formats/resolve.ts, Resolver.json): an
// alias to a node that contains it is a recursive structure with no JSON form, so it is unknown
// where it stands — before, each such alias was expanded again inside its own expansion until
// the alias budget ran out (a 15 KB fc3 file with `<<: *a` and `logstore: *a` inside `&a` took
// 2.8 s of CPU: fuzz input 86135). And a view holds at most MAX_JSON_NODES values: past that,
// unknown, with the budget hit recorded for `incomplete-analysis`.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/source.js';
import { MAX_JSON_NODES, Resolver, UNKNOWN_MARK } from '../../src/formats/resolve.js';

const view = (text: string) => {
  const source = parseSource('s.yaml', text);
  const r = new Resolver(source, source.docs[0], null);
  return { r, v: r.json(source.docs[0].contents) };
};

describe('the JSON view of aliases', () => {
  it('an alias inside the node it names is unknown there, not expanded again', () => {
    const { v } = view('a: &a\n  x: 1\n  self: *a\n  list: [*a, 2]\nb: *a\n');
    expect(v.value).toEqual({
      a: { x: 1, self: UNKNOWN_MARK, list: [UNKNOWN_MARK, 2] },
      b: { x: 1, self: UNKNOWN_MARK, list: [UNKNOWN_MARK, 2] },
    });
    expect([...v.unknown].sort()).toEqual(['/a/list/0', '/a/self', '/b/list/0', '/b/self']);
    expect(v.locations.size).toBe(13); // the root, 6 under a, 6 under b
  });

  it('a shared (not recursive) anchor is expanded at every alias', () => {
    const { v } = view('base: &b { k: v }\none: *b\ntwo: [*b, *b]\n');
    expect(v.value).toEqual({ base: { k: 'v' }, one: { k: 'v' }, two: [{ k: 'v' }, { k: 'v' }] });
    expect(v.unknown.size).toBe(0);
  });

  it(`holds at most ${MAX_JSON_NODES} values: past that, unknown, and the budget hit is recorded`, () => {
    // 250 aliases of a 1,000-value list: 250,000 values written out
    const text = `big: &big [${Array.from({ length: 1000 }, (_, i) => i).join(', ')}]\nrefs:\n${'  - *big\n'.repeat(250)}`;
    const { r, v } = view(text);
    // past the budget, each remaining value of the lists being written out is one unknown entry
    expect(v.locations.size).toBeLessThan(MAX_JSON_NODES + 1000 + 250);
    expect(v.unknown.size).toBeGreaterThan(0);
    const refs = (v.value as { refs: unknown[] }).refs;
    expect(refs[0]).toHaveLength(1000);
    expect(refs[249]).toBe(UNKNOWN_MARK);
    expect(r.limits).toHaveLength(1);
    expect(r.limits[0].message).toMatch(/^references not fully resolved at "\*big": /);
  });
});
