// yaml's messages as trigger-lint says them (src/source/yaml-messages.ts): the user's own text
// quoted (so a stray "2" or ">b:" reads as a value, not as part of the sentence), and every one
// with a remedy. These key on yaml's wording: if yaml rewords a message, a test here fails.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/source.js';

const messages = (text: string) => parseSource('s.yaml', text).syntax.map((d) => `${d.start}-${d.end} ${d.message}`);

describe('syntax messages that quote the text', () => {
  it('a token yaml cannot read is quoted, with a remedy', () => {
    const text = 'name: x\n>b: 2\n';
    const all = messages(text);
    const token = all.find((m) => m.includes('YAML cannot read it here'));
    expect(token).toBe(
      `${text.indexOf('2')}-${text.indexOf('2') + 1} unexpected "2": YAML cannot read it here (often the rest of a line that went wrong before it); quote the value, or fix the start of the line`,
    );
    expect(all.some((m) => /not a YAML token/i.test(m))).toBe(false);
  });

  it('a value that starts with ">" or "|" is a block scalar header: quote it', () => {
    const text = "filter:\n  prefix: |it's/\n";
    const all = messages(text);
    expect(all).toContain(
      `${text.indexOf('|') + 1}-${text.indexOf('|') + 2} "|it's/" is read as a block scalar header (a value starting with ">" or "|" begins a multi-line string); if it is text, quote it: '|it''s/'`,
    );
    expect(all.some((m) => /includes extra characters/.test(m))).toBe(false);
  });
});

describe('syntax messages that say what to do', () => {
  it.each([
    [
      'name: x\nfoo\nbar: 1\n',
      'a key runs over more than one line: a line below it is indented deeper than its siblings and read as part of this one (or a ":" or a closing quote is missing); align sibling keys, and keep each key and its ":" on one line',
    ],
    [
      'a: b: c\n',
      'a "key: value" continues another value here (a: b: c, or a line indented deeper than its siblings); quote the value, or align the inner key with its siblings',
    ],
    [
      'name: x\njust text\n',
      'this line is neither "key: value" nor a list item; add ": " after the key (a space after the colon), or indent it under the key it belongs to',
    ],
    ['a: %x  # note\n', "a value cannot start with the directive indicator character % unquoted; quote it: '%x'"],
    ["a: @it's\n", "a value cannot start with the reserved character @ unquoted; quote it: '@it''s'"],
    [
      'a: {%- if x %}\n',
      '"{%" starts a template tag (Jinja, cookiecutter): this file is a template, not YAML yet; lint the file it renders, or exclude the template',
    ],
    ['a: "abc\n', 'a quoted value is not closed; add the closing "'],
    ["a: 'abc\n", "a quoted value is not closed; add the closing '"],
    [
      'a: "x"#c\n',
      '"#" starts a comment only after a space; put a space before "#", or quote the value that contains it',
    ],
    [
      '- a\n  b: 1\n c\n',
      'a line inside a list does not start with "- "; add "- ", or indent it under the item it belongs to',
    ],
    [
      '- a\n- b\nc\n',
      'text after the value above has ended, belonging to nothing; indent it like its siblings, or make it "key: value"',
    ],
  ])('%j', (text, message) => {
    expect(parseSource('s.yaml', text).syntax.map((d) => d.message)).toContain(message);
  });
});

describe('undefined aliases', () => {
  it('are a syntax diagnostic at the alias, for every alias without an anchor before it', () => {
    const text = 'a: *nope\nb: &x 1\nc: *x\nd: [*y, &y 2]\n';
    expect(parseSource('s.yaml', text).syntax.map((d) => [text.slice(d.start, d.end), d.message])).toEqual([
      [
        '*nope',
        `alias "*nope" names no anchor: no "&nope" comes before it in this document; define the anchor above it, or if "*nope" is text, quote it: '*nope'`,
      ],
      [
        '*y',
        `alias "*y" names no anchor: no "&y" comes before it in this document; define the anchor above it, or if "*y" is text, quote it: '*y'`,
      ],
    ]);
  });
});

describe('a parser derailed by one slip', () => {
  const flow = [
    'a:',
    '  - x: { key: { prefix: ${vars.pfx}, suffix: "" } }',
    '  - y: 1',
    '    z: [1, 2]',
    'b: c',
    '',
  ].join('\n');

  it('an unquoted ${…} in a flow map is one finding that says to quote it, with the rest folded in', () => {
    const syntax = parseSource('s.yaml', flow).syntax;
    expect(syntax).toHaveLength(1);
    expect(flow.slice(syntax[0].start, syntax[0].end)).toBe('{');
    expect(syntax[0].message).toMatch(
      /^unquoted "\$\{vars\.pfx\}" inside a flow collection \(\{ … \} or \[ … \]\): YAML reads "\$" as the value and "\{" as the start of a map; quote it: '\$\{vars\.pfx\}' \(and \d+ later errors caused by it\)$/,
    );
  });

  it('CR-only line ends are one finding with the remedy, and the file is read line by line', () => {
    const text = 'a: 1\rb:\r  c: *x\r';
    const s = parseSource('s.yaml', text);
    expect(s.syntax.map((d) => [d.start, d.message])).toEqual([
      [
        4,
        'lines end with a carriage return alone (CR, old Mac OS line ends): YAML tools and deploy tools read the file as one line; save it with LF (or CRLF) line ends',
      ],
      [
        13,
        `alias "*x" names no anchor: no "&x" comes before it in this document; define the anchor above it, or if "*x" is text, quote it: '*x'`,
      ],
    ]);
    expect(s.text).toBe(text);
    expect(s.lineCounter.linePos(13)).toEqual({ line: 3, col: 6 });
    expect(s.docs[0].get('a')).toBe(1);
  });
});
