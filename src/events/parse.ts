// Parse an event file (JSON, JSON with comments and trailing commas, or YAML) into a value and
// a locator that maps a JSON pointer back to a range of the original text.
import {
  parseTree,
  findNodeAtLocation,
  getNodeValue,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser/lib/esm/main.js';
import { parseDocument, LineCounter, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';

export type Segment = string | number;
export interface Range {
  start: number;
  end: number;
}

export interface Located {
  /** The value node. */
  value: Range;
  /** The key of the property holding the value, when the value is an object member. */
  key?: Range;
}

export interface ParsedEvent {
  ok: true;
  format: 'json' | 'jsonc' | 'yaml';
  value: unknown;
  text: string;
  locate(path: Segment[]): Located | undefined;
}

export interface SyntaxError {
  message: string;
  start: number;
  end: number;
}

export interface ParseFailure {
  ok: false;
  format: 'json' | 'yaml';
  text: string;
  errors: SyntaxError[];
}

/** Guess the syntax: an extension wins; otherwise a leading "{" or "[" means JSON. */
export function guessSyntax(text: string, path?: string): 'json' | 'yaml' {
  if (path && /\.(ya?ml)$/i.test(path)) return 'yaml';
  if (path && /\.(json|jsonc|json5)$/i.test(path)) return 'json';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' || first === '/' ? 'json' : 'yaml';
}

export function parseEvent(text: string, path?: string): ParsedEvent | ParseFailure {
  const body = text.replace(/^\uFEFF/, '');
  const offset = text.length - body.length;
  if (body.trim() === '')
    return {
      ok: false,
      format: guessSyntax(text, path),
      text,
      errors: [{ message: 'the file is empty; an event is a JSON object or array', start: 0, end: 0 }],
    };
  return guessSyntax(text, path) === 'yaml' ? parseYaml(text) : parseJson(text, body, offset);
}

// ---- JSON / JSONC ------------------------------------------------------------------------------

function describeJsonError(e: ParseError, text: string): string {
  const at = text.slice(e.offset, e.offset + Math.max(e.length, 1));
  const ch = text[e.offset];
  // The defects vendors' own samples really have (corpus/events/SOURCES.md) get a specific remedy.
  if (ch === '\u201c' || ch === '\u201d' || ch === '\u2018' || ch === '\u2019')
    return `curly quote "${ch}" is not JSON; use straight quotes (")`;
  if (ch === '\u00a0') return 'non-breaking space (U+00A0) is not JSON whitespace; replace it with a plain space';
  const ph = text.startsWith('{{', e.offset) ? e.offset : text.startsWith('{{', e.offset - 1) ? e.offset - 1 : -1;
  if (ph >= 0) {
    const m = /^\{\{[^}]*\}\}/.exec(text.slice(ph));
    return `template placeholder "${m ? m[0] : '{{'}" is not a value; replace it with a real value`;
  }
  if (/\d\*{2,}/.test(text.slice(Math.max(0, e.offset - 12), e.offset + 12))) {
    return 'masked number ("****") is not JSON; replace it with digits or quote it';
  }
  switch (printParseErrorCode(e.error)) {
    case 'CommaExpected':
      return 'expected a comma between two values';
    case 'ColonExpected':
      return 'expected ":" after the key';
    case 'PropertyNameExpected':
      return `expected a quoted key, got ${JSON.stringify(at)}`;
    case 'ValueExpected':
      return `expected a value, got ${JSON.stringify(at)}`;
    case 'CloseBraceExpected':
      return 'expected "}" to close the object';
    case 'CloseBracketExpected':
      return 'expected "]" to close the array';
    case 'EndOfFileExpected':
      return `unexpected ${JSON.stringify(at)} after the end of the event`;
    case 'UnexpectedEndOfString':
      return 'string is not closed; add the closing quote';
    case 'UnexpectedEndOfComment':
      return 'comment is not closed; add "*/"';
    case 'InvalidSymbol':
      return `unexpected ${JSON.stringify(at)}; JSON strings need double quotes`;
    case 'InvalidNumberFormat':
      return `invalid number ${JSON.stringify(at)}`;
    case 'InvalidEscapeCharacter':
      return `invalid escape ${JSON.stringify(at)} in a string`;
    case 'InvalidCharacter':
      return `invalid character ${JSON.stringify(at)} in a string (control characters must be escaped)`;
    default:
      return `not valid JSON at ${JSON.stringify(at)}`;
  }
}

/** Nesting an event may have (a real event is under 10 levels; the parser and the validator recurse). */
export const MAX_EVENT_DEPTH = 256;

/** The offset where JSON text first nests deeper than `max` brackets, or -1; one pass, no recursion. */
export function tooDeepAt(text: string, max = MAX_EVENT_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } // { [
    else if (c === 125 || c === 93) depth--; // } ]
  }
  return -1;
}

function parseJson(text: string, body: string, offset: number): ParsedEvent | ParseFailure {
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    return {
      ok: false,
      format: 'json',
      text,
      errors: [
        {
          message: `the event is nested deeper than ${MAX_EVENT_DEPTH} levels; a trigger event has a few levels: check that this is the file you meant`,
          start: deep,
          end: deep + 1,
        },
      ],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length || !tree) {
    const first = errors[0];
    const list = first ? [first] : [];
    return {
      ok: false,
      format: 'json',
      text,
      errors: list.map((e) => ({
        message: describeJsonError(e, text),
        start: e.offset,
        end: e.offset + Math.max(e.length, 1),
      })),
    };
  }
  let strict = true;
  try {
    JSON.parse(body);
  } catch {
    strict = false;
  }
  void offset;
  return {
    ok: true,
    format: strict ? 'json' : 'jsonc',
    value: getNodeValue(tree),
    text,
    locate(path) {
      const node: JsonNode | undefined = path.length === 0 ? tree : findNodeAtLocation(tree, path);
      if (!node) return undefined;
      const value = { start: node.offset, end: node.offset + node.length };
      const parent = node.parent;
      if (parent && parent.type === 'property' && parent.children?.[0]) {
        const k = parent.children[0];
        return { value, key: { start: k.offset, end: k.offset + k.length } };
      }
      return { value };
    },
  };
}

// ---- YAML --------------------------------------------------------------------------------------

function parseYaml(text: string): ParsedEvent | ParseFailure {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return {
      ok: false,
      format: 'yaml',
      text,
      errors: [
        {
          message: `not valid YAML: ${msg.charAt(0).toLowerCase()}${msg.slice(1)}`,
          start: e.pos[0],
          end: Math.max(e.pos[1], e.pos[0] + 1),
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    return {
      ok: false,
      format: 'yaml',
      text,
      errors: [{ message: `not usable YAML: ${(err as Error).message}`, start: 0, end: 1 }],
    };
  }
  return {
    ok: true,
    format: 'yaml',
    value,
    text,
    locate(path) {
      let node: YamlNode | null | undefined = doc.contents;
      let key: Range | undefined;
      for (const seg of path) {
        key = undefined;
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg),
          );
          if (!pair) return undefined;
          const k = pair.key as YamlNode | null;
          if (k && k.range) key = { start: k.range[0], end: k.range[1] };
          node = pair.value as YamlNode | null;
          if (!node) return key ? { value: key, key } : undefined;
        } else if (isSeq(node) && typeof seg === 'number') {
          node = node.items[seg] as YamlNode | null;
        } else {
          return undefined;
        }
      }
      if (!node || !node.range) return undefined;
      return { value: { start: node.range[0], end: node.range[1] }, ...(key ? { key } : {}) };
    },
  };
}

// ---- positions ---------------------------------------------------------------------------------

export interface LineCol {
  line: number;
  column: number;
}

/** 1-based line and column of a 0-based offset. */
export function lineColOf(text: string, offset: number): LineCol {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/** "Records[0].cos.cosObject.size" for ["Records", 0, "cos", "cosObject", "size"]. */
export function displayPath(path: Segment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** RFC 6901 pointer for a path. */
export function pointerOf(path: Segment[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function pathOfPointer(pointer: string, value: unknown): Segment[] {
  if (!pointer) return [];
  const out: Segment[] = [];
  let cur: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}
