// A shareable link: the file name and text, compressed into the URL fragment (never sent to a
// server), with lz-string's URI-safe encoding (as the TypeScript playground does).
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export interface Shared {
  name: string;
  text: string;
}

export function encodeFragment(s: Shared): string {
  return `#name=${encodeURIComponent(s.name)}&code=${compressToEncodedURIComponent(s.text)}`;
}

export function decodeFragment(hash: string): Shared | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  if (code === null) return undefined;
  const text = decompressFromEncodedURIComponent(code);
  if (text === null || (text === '' && code !== '')) return undefined;
  return { name: params.get('name') || 's.yaml', text };
}
