// Aliases resolve in one pass per document (src/yamlnav.ts), to the same nodes as yaml's own
// Alias.resolve(), which walks the whole document per alias and took minutes on a deeply nested
// file with many aliases (a fuzz reproducer: test/fuzz/regressions/aliases-in-deep-nesting).
import { describe, expect, it, vi } from 'vitest';
import { Alias, parseDocument, visit, type Node } from 'yaml';
import { AliasBudget } from '../../src/source/yamlnav.js';

describe('AliasBudget.deref', () => {
  it('finds the anchor yaml finds (the nearest one before the alias), without Alias.resolve', () => {
    const doc = parseDocument('a: &x 1\nb: *x\nc: &x [2, *x]\nd: *x\ne: { k: &y 3 }\nf: *y\ng: *nope\n');
    const aliases: Alias[] = [];
    visit(doc, {
      Alias: (_k, n) => {
        aliases.push(n);
      },
    });
    const expected = aliases.map((a) => a.resolve(doc));
    const spy = vi.spyOn(Alias.prototype, 'resolve');
    const budget = new AliasBudget(doc);
    const got = aliases.map((a) => budget.deref(a as unknown as Node));
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(got).toEqual(expected);
    const c = doc.get('c', true);
    expect(got.map((n) => (n === c ? 'c' : n === undefined ? undefined : String(n)))).toEqual([
      '1',
      'c',
      'c',
      '3',
      undefined,
    ]);
  });
});
