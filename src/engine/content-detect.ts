// Directory scans: which files, beyond the known trigger file names, are trigger files.
// - *.yml / *.yaml: the answer naming the file gives. The file is parsed and offered to every
//   format adapter's `detect`, as the engine does (src/engine/build.ts), so a scan finds
//   `s2.yaml`, a SAM template without `Transform`, a Funcraft template whose Transform follows a
//   long header. Every adapter's `detect` needs one of a few top-level keys written in the file, so
//   a file without any of them is not parsed at all (a folder's docker-compose, CI and k8s files
//   are mostly skipped on this test alone). A file that is detected keeps its parsed Source, which
//   the engine lints: a scan parses it once.
// - *.json: a CloudFormation or ROS template, judged from its first kilobyte (a version key or a
//   Transform a format knows); CDK output names no version, so its `*.template.json` file name is
//   enough (src/engine/files.ts). Any other JSON file is judged as YAML is (JSON is YAML): a
//   template whose version key follows a long Description, CDK output under another name.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { decode, parseSource, type Source, type SyntaxDiagnostic } from '../source/source.js';
import { FORMATS } from '../formats/index.js';

/** The top-level keys some adapter's `detect` requires, at the start of a line, optionally quoted. */
const TOP_LEVEL_KEY =
  /^['"]?(?:edition|services|resources|Resources|Transform|ROSTemplateFormatVersion|component|provider)['"]?[ \t]*:/m;

/** The same keys in a JSON document (JSON has no line structure to anchor on: anywhere, quoted). */
const JSON_KEY = /"(?:Resources|Transform|ROSTemplateFormatVersion|AWSTemplateFormatVersion)"\s*:/;

/** Whether the text has a top-level key a trigger file format needs (a byte order mark is ignored). */
function mayBeTriggerFile(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '');
  return TOP_LEVEL_KEY.test(t) || JSON_KEY.test(t);
}

/** The text parsed, when some format adapter detects it (as a file named on the command line would be). */
export function detectedSource(path: string, text: string, extra: SyntaxDiagnostic[] = []): Source | undefined {
  if (!mayBeTriggerFile(text)) return undefined;
  const source = parseSource(path, text, extra);
  const detected = source.docs.some((doc) =>
    FORMATS.some((f) => {
      try {
        return f.detect(doc, source);
      } catch {
        return false;
      }
    }),
  );
  return detected ? source : undefined;
}

/**
 * `detectedSource` for a YAML or JSON file on disk no larger than `limit` bytes, read as the
 * engine reads it (decode(): a BOM becomes a space, bytes that are not UTF-8 a syntax finding): false when it is
 * not a trigger file (or is unreadable or larger), else the Source to lint — left out when the
 * file is not valid UTF-8 (the engine reads it again and reports that).
 */
export function triggerSourceByContent(path: string, limit: number): { parsed?: Source } | false {
  try {
    if (statSync(path).size > limit) return false;
    const { text, error } = decode(readFileSync(path));
    const parsed = detectedSource(path, text, error ? [error] : []);
    if (!parsed) return false;
    return error ? {} : { parsed };
  } catch {
    return false;
  }
}

/** How much of a JSON file the scan reads to decide (a template names its version or transform first). */
const HEAD_BYTES = 1024;

/** The transforms of the template formats (funcraft: `Aliyun::Serverless-2018-04-03`; aws-sam). */
const TRANSFORMS = ['Aliyun::Serverless', 'AWS::Serverless-2016-10-31'];
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// anywhere in the head: JSON has no line structure to anchor on
const JSON_VERSION = /"(?:AWS|ROS)TemplateFormatVersion"\s*:/;
const JSON_TRANSFORM = new RegExp(`"Transform"\\s*:\\s*\\[?\\s*"(?:${TRANSFORMS.map(esc).join('|')})`);

/** Whether the head of a JSON text names a CloudFormation or ROS version, or a Transform a format knows. */
export function looksLikeJsonTemplate(head: string): boolean {
  return JSON_VERSION.test(head) || JSON_TRANSFORM.test(head);
}

/** Whether the JSON file at `path` starts like a template (unreadable files are left to the named-file path). */
export function isJsonTemplateFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return looksLikeJsonTemplate(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
