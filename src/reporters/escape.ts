// User text in human-facing reports (stylish, GitHub annotations, the job summary) comes from
// files a stranger may have written: a folder name with a newline and `::error …`, a lone CR in a
// comment (the Actions runner ends a line there too), ESC/OSC sequences that erase lines or set
// the clipboard. Every control character is shown escaped, so user text can neither start a new
// line of the log nor drive the terminal. Markdown is escaped for the job summary.

/** C0 (except tab), DEL, C1, and the Unicode line/paragraph separators. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

/** `s` with every control character shown as an escape (`\n`, `\r`, `\e`, `\x07`, `\u2028`). */
export function showControls(s: string): string {
  return s.replace(
    CONTROL,
    (c) =>
      NAMED[c] ??
      (c.charCodeAt(0) <= 0xff
        ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
        : `\\u${c.charCodeAt(0).toString(16)}`),
  );
}

/**
 * Text for the job summary (GitHub-flavoured Markdown, also inside a table cell): control
 * characters shown escaped, HTML made inert (`&`, `<`, `>` as entities), and every character that
 * could start a link (also an autolink), an image, emphasis, code or a table cell escaped with a backslash.
 */
export function markdownText(s: string): string {
  return showControls(s)
    .replace(/[\\`*_[\]()!~|:]/g, (c) => `\\${c}`)
    .replace(/\b(www)\./gi, '$1\\.') // no autolink: `https\://…`, `www\.…`
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A code span for the job summary: nothing inside renders; the fence is longer than any backtick run in `s`. */
export function markdownCode(s: string): string {
  const t = showControls(s).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/**
 * A plain report framed for a GitHub Actions log: between `::stop-commands::<token>` and
 * `::<token>::` the runner executes no workflow command, and nobody can know the token in advance
 * (a folder named `::error …` would otherwise start a line of the report with a command).
 */
export function framedForRunner(text: string): string {
  const token = `trigger-lint-${globalThis.crypto.randomUUID()}`;
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}::${token}::\n`;
}
