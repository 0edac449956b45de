// yaml's messages that end in the user's own text are rewritten: the text quoted (so a stray "2"
// or ">b:" reads as a value, not as part of the sentence) and a remedy given.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/source.js';

const messages = (text: string) => parseSource('s.yaml', text).syntax.map((d) => `${d.start}-${d.end} ${d.message}`);

describe('syntax messages that quote the text', () => {
  it('a token yaml cannot read is quoted, with a remedy', () => {
    const text = 'name: x\n>b: 2\n';
    const all = messages(text);
    const token = all.find((m) => m.includes('YAML cannot read it here'));
    expect(token).toBe(`${text.indexOf('2')}-${text.indexOf('2') + 1} unexpected "2": YAML cannot read it here (often the rest of a line that went wrong before it); quote the value, or fix the start of the line`);
    expect(all.some((m) => /not a YAML token/i.test(m))).toBe(false);
  });

  it('a value that starts with ">" or "|" is a block scalar header: quote it', () => {
    const text = "filter:\n  prefix: |it's/\n";
    const all = messages(text);
    expect(all).toContain(`${text.indexOf('|') + 1}-${text.indexOf('|') + 2} "|it's/" is read as a block scalar header (a value starting with ">" or "|" begins a multi-line string); if it is text, quote it: '|it''s/'`);
    expect(all.some((m) => /includes extra characters/.test(m))).toBe(false);
  });
});
