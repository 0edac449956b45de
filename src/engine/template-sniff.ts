// Directory scans: is a *.yml / *.yaml (or *.json) file that has none of the known trigger file
// names a ROS, Funcraft, SAM or CloudFormation template? Judged from its first kilobyte, before anything is parsed: a
// top-level `ROSTemplateFormatVersion`, or a top-level `Transform` that a format adapter knows.
import { closeSync, openSync, readSync } from 'node:fs';

/** How much of a file the scan reads to decide (a template names its version or transform first). */
export const HEAD_BYTES = 1024;

/** The transforms of the template formats (funcraft: `Aliyun::Serverless-2018-04-03`; aws-sam). */
const TRANSFORMS = ['Aliyun::Serverless', 'AWS::Serverless-2016-10-31'];
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// At the start of a line (top level): the key, optionally quoted; for Transform, its value as a
// scalar, a flow list `[…]` or a block list `- …` on the following lines.
const VERSION = /^['"]?ROSTemplateFormatVersion['"]?[ \t]*:/m;
const TRANSFORM = new RegExp(`^['"]?Transform['"]?[ \\t]*:[\\s\\-\\[]*['"]?(?:${TRANSFORMS.map(esc).join('|')})`, 'm');

export function looksLikeTemplate(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '');
  return VERSION.test(text) || TRANSFORM.test(text);
}

// JSON templates: a CloudFormation or ROS version key, or a Transform a format knows, anywhere in
// the head (JSON has no line structure to anchor on); CDK output names no version, so its
// `*.template.json` file name is enough (src/engine/files.ts).
const JSON_VERSION = /"(?:AWS|ROS)TemplateFormatVersion"\s*:/;
const JSON_TRANSFORM = new RegExp(`"Transform"\\s*:\\s*\\[?\\s*"(?:${TRANSFORMS.map(esc).join('|')})`);

export function looksLikeJsonTemplate(head: string): boolean {
  return JSON_VERSION.test(head) || JSON_TRANSFORM.test(head);
}

/** Whether the file at `path` starts like a template (unreadable files are left to the named-file path). */
export function isTemplateFile(path: string, json = false): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    const head = buf.subarray(0, n).toString('utf8');
    return json ? looksLikeJsonTemplate(head) : looksLikeTemplate(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
