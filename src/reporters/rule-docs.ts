// A rule's docs page (docs/rules/<id>.md) as SARIF rule metadata: `fullDescription` (the page's
// "What it catches", as plain text) and `help` (the page as Markdown, which GitHub code scanning
// shows with every alert of the rule, and as plain text). The pages are read when a SARIF report
// is made, from the docs folder beside the running code: the package ships docs/ (package.json
// "files"), the Action runs from a checkout of the repository, the tests from the sources. When no
// page is found the rule keeps its short description only.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsUrl, helpUri } from './links.js';

/** The first docs/rules folder at or above `from`. */
export function findRulesDir(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export interface RuleHelp {
  fullDescription: string;
  markdown: string;
  text: string;
}

/** Markdown inline syntax to plain text: links keep their text and target, emphasis and code marks go (code spans stay verbatim). */
export function plainText(markdown: string): string {
  return markdown
    .split(/(`[^`\n]+`)/)
    .map((part, i) => {
      if (i % 2 === 1) return part.slice(1, -1);
      return part
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1$2');
    })
    .join('');
}

/** Relative links of a page under docs/rules/ made absolute, so they work where GitHub shows the help. */
export function absoluteLinks(markdown: string, ruleId: string): string {
  const base = docsUrl('rules/');
  return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return whole;
    if (target.startsWith('#')) return `](${helpUri(ruleId)}${target})`;
    return `](${new URL(target, `${base}/`).href.replace('/tree/main/', '/blob/main/')})`;
  });
}

/** The paragraphs of one `## heading` section, code blocks left out. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) return [];
  const body: string[] = [];
  let fence = false;
  for (const line of lines.slice(start + 1)) {
    if (!fence && /^#{1,2} /.test(line)) break;
    if (/^\s*```/.test(line)) {
      fence = !fence;
      continue;
    }
    if (!fence) body.push(line);
  }
  return body
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const MAX_DESCRIPTION = 1000;

/** "What it catches" as plain text, whole paragraphs while they fit in MAX_DESCRIPTION characters. */
export function fullDescription(markdown: string): string | undefined {
  const paragraphs = section(markdown, 'What it catches').map((p) =>
    plainText(p).replace(/[ \t]*\n[ \t]*(?!- |\d+\. )/g, ' '),
  );
  if (!paragraphs.length) return undefined;
  // a lead-in to a code example that is left out ends the sentence; one to a list keeps its colon
  paragraphs.forEach((p, i) => {
    if (p.endsWith(':') && !/^(- |\d+\. )/.test(paragraphs[i + 1] ?? '')) paragraphs[i] = `${p.slice(0, -1)}.`;
  });
  let out = paragraphs[0];
  for (const p of paragraphs.slice(1)) {
    if (out.length + 2 + p.length > MAX_DESCRIPTION) break;
    out += `\n\n${p}`;
  }
  return out.length > MAX_DESCRIPTION ? `${out.slice(0, MAX_DESCRIPTION - 1).replace(/\s+\S*$/, '')}…` : out;
}

/** The page without its `# id` title (GitHub shows the rule's name above the help). */
function body(markdown: string): string {
  return markdown.replace(/^# .*\n+/, '').trim();
}

export function ruleHelp(ruleId: string, markdown: string): RuleHelp | undefined {
  const description = fullDescription(markdown);
  if (!description) return undefined;
  const md = `${absoluteLinks(body(markdown), ruleId)}\n\nFull page: ${helpUri(ruleId)}\n`;
  return { fullDescription: description, markdown: md, text: plainText(md) };
}

/** Every rule's help from the docs pages found beside the running code. */
export function loadRuleHelp(ids: readonly string[], dir = findRulesDir()): Map<string, RuleHelp> {
  const out = new Map<string, RuleHelp>();
  if (!dir) return out;
  for (const id of ids) {
    const file = join(dir, `${id}.md`);
    if (!existsSync(file)) continue;
    const help = ruleHelp(id, readFileSync(file, 'utf8'));
    if (help) out.set(id, help);
  }
  return out;
}
