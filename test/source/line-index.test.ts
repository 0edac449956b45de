// The line index every finding's line:column comes from (src/source/line-index.ts) answers exactly
// as yaml's LineCounter fed with the same line starts did before it: every offset of generated
// texts (LF, CRLF, lone CR, empty lines, no final newline, empty text), one past the end, and
// negative offsets; and line:column → offset inverts it on every line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineCounter } from 'yaml';
import { LineIndex } from '../../src/source/line-index.js';

function yamlCounter(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

const texts = fc
  .array(fc.constantFrom('a', 'key: v', '\n', '\r\n', '\r', ' ', 'é', '😀'), { maxLength: 40 })
  .map((p) => p.join(''));

describe('LineIndex', () => {
  it("gives the line and column yaml's LineCounter gives, at every offset", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const ours = new LineIndex(text);
        const theirs = yamlCounter(text);
        expect([...ours.lineStarts]).toEqual(theirs.lineStarts);
        for (let offset = -2; offset <= text.length + 1; offset++)
          expect(ours.linePos(offset)).toEqual(theirs.linePos(offset));
      }),
      { numRuns: 500 },
    );
  });

  it('maps a line:column back to its offset, and a line past the end to undefined', () => {
    const text = 'a: 1\n\nb:\r\n  c: 2';
    const index = new LineIndex(text);
    for (let offset = 0; offset < text.length; offset++) {
      const { line, col } = index.linePos(offset);
      expect(index.offset(line, col)).toBe(offset);
    }
    expect(index.linePos(text.indexOf('c'))).toEqual({ line: 4, col: 3 });
    expect(index.offset(5, 1)).toBeUndefined();
    expect(index.offset(0, 1)).toBeUndefined();
  });

  it('holds one exact-size typed array, one entry per line', () => {
    const index = new LineIndex('x\ny\nz');
    expect(index.lineStarts).toBeInstanceOf(Uint32Array);
    expect([...index.lineStarts]).toEqual([0, 2, 4]);
  });
});
