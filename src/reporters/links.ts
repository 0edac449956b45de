// Where a user reads more: the repository (from package.json `repository`) and its docs pages.
import pkg from '../../package.json' with { type: 'json' };

const FALLBACK_REPO = 'https://github.com/trigger-lint/trigger-lint';

/** The repository's web URL from package.json `repository` (string, shorthand or object). */
export function repositoryUrl(repository: unknown = (pkg as { repository?: unknown }).repository): string {
  const raw =
    typeof repository === 'string'
      ? repository
      : repository && typeof repository === 'object' && typeof (repository as { url?: unknown }).url === 'string'
        ? (repository as { url: string }).url
        : undefined;
  if (!raw) return FALLBACK_REPO;
  const short = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (short) return `https://github.com/${short[1].replace(/\.git$/, '')}`;
  const url = raw
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^ssh:\/\/git@/, 'https://')
    .replace(/\.git$/, '');
  return /^https?:\/\//.test(url) ? url : FALLBACK_REPO;
}

/** A file (or, ending in "/", a folder) of the repository's docs as a web page: docsUrl('rules/schema.md'). */
export function docsUrl(path: string): string {
  return path.endsWith('/')
    ? `${repositoryUrl()}/tree/main/docs/${path.slice(0, -1)}`
    : `${repositoryUrl()}/blob/main/docs/${path}`;
}

export function helpUri(ruleId: string): string {
  return docsUrl(`rules/${ruleId}.md`);
}
