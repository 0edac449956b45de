// yaml's error messages as trigger-lint says them: the offending text quoted, the remedy named.
// The rewrites key on yaml's own wording (yaml@2); a message yaml words differently passes through
// lower-cased, and test/source/messages.test.ts fails so the table gets updated.

/** `span`: the text from the error's start to the end of its line; `before`: the character before it. */
export function rewriteYamlError(code: string, message: string, span: string, before = ''): string {
  if (/call stack/i.test(message)) return 'nesting is too deep to parse; flatten the document';
  const first = message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+.*$/, '')
    .replace(/\.$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key ${JSON.stringify(span.replace(/:.*$/s, '').trim())}: a YAML mapping keeps only one of them, so the other is silently lost; remove or rename one`;
    case 'TAB_AS_INDENT':
      return 'tab used for indentation: YAML indents with spaces only; replace the tab with spaces';
    case 'BAD_INDENT':
      return `bad indentation: ${lower(first)}; align this line with its siblings`;
    case 'BAD_SCALAR_START':
      if (before === '{' && span.startsWith('%'))
        return '"{%" starts a template tag (Jinja, cookiecutter): this file is a template, not YAML yet; lint the file it renders, or exclude the template';
      break;
    case 'UNEXPECTED_TOKEN': {
      // `prefix: ${vars.x}` inside `{ … }` or `[ … ]`: the plain value is "$", and "{" opens a map
      const ref = before === '$' ? /^\{[^{}\r\n]*\}/.exec(span)?.[0] : undefined;
      if (ref)
        return `unquoted "$${ref}" inside a flow collection ({ … } or [ … ]): YAML reads "$" as the value and "{" as the start of a map; quote it: ${singleQuoted(`$${ref}`)}`;
    }
  }
  return remedied(first, span) ?? lower(first);
}

/** A text as a YAML single-quoted scalar, for "quote it: …" remedies. */
const singleQuoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * yaml's messages with the fix they leave out, and the user's text they echo quoted
 * (`first`: the message's first line; `span`: the text from the error's start to its line's end).
 */
const REMEDIES: [RegExp, (m: RegExpExecArray, span: string) => string][] = [
  [
    /^Not a YAML token: (.*)$/s,
    (m) =>
      `unexpected ${JSON.stringify(m[1])}: YAML cannot read it here (often the rest of a line that went wrong before it); quote the value, or fix the start of the line`,
  ],
  [
    /^Block scalar header includes extra characters: (.*)$/s,
    (m) =>
      `${JSON.stringify(m[1])} is read as a block scalar header (a value starting with ">" or "|" begins a multi-line string); if it is text, quote it: ${singleQuoted(m[1])}`,
  ],
  [
    /^Implicit keys need to be on a single line$/,
    () =>
      'a key runs over more than one line: a line below it is indented deeper than its siblings and read as part of this one (or a ":" or a closing quote is missing); align sibling keys, and keep each key and its ":" on one line',
  ],
  [
    /^Nested mappings are not allowed in compact mappings$/,
    () =>
      'a "key: value" continues another value here (a: b: c, or a line indented deeper than its siblings); quote the value, or align the inner key with its siblings',
  ],
  [
    /^Implicit map keys need to be followed by map values$/,
    () =>
      'this line is neither "key: value" nor a list item; add ": " after the key (a space after the colon), or indent it under the key it belongs to',
  ],
  [
    /^Plain value cannot start with (.+)$/,
    (m, span) =>
      `a value cannot start with the ${m[1]} unquoted; quote it: ${singleQuoted(span.replace(/\s+#.*$/, '').trim())}`,
  ],
  [/^Missing closing (["'])quote$/, (m) => `a quoted value is not closed; add the closing ${m[1]}`],
  [
    /^Comments must be separated from other tokens by white space characters$/,
    () => '"#" starts a comment only after a space; put a space before "#", or quote the value that contains it',
  ],
  [
    /^Unexpected scalar at node end$/,
    () =>
      'text after the value above has ended, belonging to nothing; indent it like its siblings, or make it "key: value"',
  ],
  [
    /^Sequence item without - indicator$/,
    () => 'a line inside a list does not start with "- "; add "- ", or indent it under the item it belongs to',
  ],
];

function remedied(first: string, span: string): string | undefined {
  for (const [re, say] of REMEDIES) {
    const m = re.exec(first);
    if (m) return say(m, span);
  }
  return undefined;
}

function lower(s: string): string {
  return s.length ? s[0].toLowerCase() + s.slice(1) : s;
}
