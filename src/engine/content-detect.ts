// Directory scans: which *.yml / *.yaml / *.json files, beyond the known trigger file names, are
// trigger files. The answer is the one naming the file gives: the file is parsed and offered to every
// format adapter's `detect`, as the engine does (src/engine/build.ts). So a scan finds `s2.yaml`,
// a SAM template without `Transform`, a Funcraft template whose Transform follows a long header.
// Every adapter's `detect` needs one of a few top-level keys written in the file, so a file
// without any of them is not parsed at all (a folder's docker-compose, CI and k8s files are
// mostly skipped on this test alone).
import { readFileSync, statSync } from 'node:fs';
import { parseSource } from '../source/source.js';
import { FORMATS } from '../formats/index.js';

/** The top-level keys some adapter's `detect` requires, at the start of a line, optionally quoted. */
const TOP_LEVEL_KEY =
  /^['"]?(?:edition|services|resources|Resources|Transform|ROSTemplateFormatVersion|component|provider)['"]?[ \t]*:/m;

/** The same keys in a JSON document (JSON has no line structure to anchor on: anywhere, quoted). */
const JSON_KEY = /"(?:Resources|Transform|ROSTemplateFormatVersion|AWSTemplateFormatVersion)"\s*:/;

/** Whether the text has a top-level key a trigger file format needs (a byte order mark is ignored). */
export function mayBeTriggerFile(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '');
  return TOP_LEVEL_KEY.test(t) || JSON_KEY.test(t);
}

/** Whether some format adapter detects the text (as a file named on the command line would be). */
export function detectsAsTriggerFile(path: string, text: string): boolean {
  if (!mayBeTriggerFile(text)) return false;
  const source = parseSource(path, text);
  return source.docs.some((doc) =>
    FORMATS.some((f) => {
      try {
        return f.detect(doc, source);
      } catch {
        return false;
      }
    }),
  );
}

/** `detectsAsTriggerFile` for a file on disk no larger than `limit` bytes (unreadable or larger files are left out). */
export function isTriggerFileByContent(path: string, limit: number): boolean {
  try {
    if (statSync(path).size > limit) return false;
    return detectsAsTriggerFile(path, readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}
