// Helpers for the workflow tests: a small fc3 file builder and throw-away project folders.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TriggerSpec {
  name: string;
  prefix: string;
  /** A line written just before `prefix:` (e.g. a directive comment). */
  before?: string;
  /** Text after the prefix value on its line (e.g. a trailing comment). */
  tail?: string;
  bucket?: string;
}

/** An fc3 s.yaml with one OSS trigger per spec on function `f`. */
export function fc3(triggers: TriggerSpec[], head = ''): string {
  const lines = [
    head,
    'edition: 3.0.0',
    'name: app',
    'resources:',
    '  f:',
    '    component: fc3',
    '    props:',
    '      region: cn-hangzhou',
    '      functionName: f',
    '      runtime: nodejs18',
    '      handler: index.handler',
    '      code: ./code',
    '      triggers:',
  ];
  for (const t of triggers) {
    lines.push(
      `        - triggerName: ${t.name}`,
      '          triggerType: oss',
      `          sourceArn: acs:oss:cn-hangzhou:123:${t.bucket ?? `bucket-${t.name}`}`,
      '          triggerConfig:',
      '            events: [oss:ObjectCreated:PutObject]',
      '            filter:',
      '              key:',
    );
    if (t.before) lines.push(`                ${t.before}`);
    lines.push(`                prefix: ${t.prefix}${t.tail ? `  ${t.tail}` : ''}`, '                suffix: .png');
  }
  return lines.filter((l, i) => i > 0 || l !== '').join('\n') + '\n';
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${needle}`);
  return i + 1;
}

/** A temporary repository (a folder with `.git`) holding the given files. */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-workflow-'));
  mkdirSync(join(dir, '.git'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}
