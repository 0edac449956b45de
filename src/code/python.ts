// Evaluating a Python handler module (tree-sitter-python syntax tree) to the object-storage
// writes it makes: statements run in order through abstract values (src/code/values.ts), local
// functions are entered with the values their callers pass, `os.environ` reads the function's
// environment from the config, and SDK calls (src/code/sdk.ts) are recorded as writes.
import type { ModuleInfo } from './context.js';
import type { SyntaxNode } from './parser.js';
import type { Args } from './sdk.js';
import {
  afterLast,
  asStr,
  basename,
  beforeLast,
  concat,
  dirname,
  fromLast,
  joinPath,
  lit,
  litOf,
  member,
  stem,
  str,
  UNKNOWN,
  type Val,
} from './values.js';
import { caseChanged, joinFields, sliceStart, splitItem } from './split.js';
import { intLiteral, literalSlice } from './string-slices.js';
import { lastIndexCut } from './last-index.js';
import { regexReplace } from './regex-replace.js';
import { replaceIn } from './leading-segments.js';
import { PASS_THROUGH, PythonStatements, type Frame } from './python-statements.js';
import { format, joinWith, percent, unescape } from './python-strings.js';
import { clientCall, contextReadsEnv, either, sdkCall, untracked } from './evaluate-shared.js';
import { join } from './join.js';

export class PythonEval extends PythonStatements {
  private args(list: SyntaxNode | null, f: Frame): Args {
    const out: Args = { pos: [], kw: new Map() };
    for (const a of list?.namedChildren ?? []) {
      if (a.type === 'keyword_argument') {
        const k = a.childForFieldName('name')?.text;
        const v = a.childForFieldName('value');
        if (k && v) out.kw.set(k, this.expr(v, f));
      } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') out.pos.push(UNKNOWN);
      else if (a.type !== 'comment') out.pos.push(this.expr(a, f));
    }
    return out;
  }

  expr(e: SyntaxNode, f: Frame): Val {
    switch (e.type) {
      case 'identifier':
        return this.lookup(f, e.text);
      case 'string':
        return this.string(e, f);
      case 'concatenated_string':
        return concat(...e.namedChildren.map((c) => this.expr(c, f)));
      case 'integer':
      case 'float':
        return lit(e.text);
      case 'parenthesized_expression':
      case 'await':
        return e.namedChildren[0] ? this.expr(e.namedChildren[0], f) : UNKNOWN;
      case 'binary_operator': {
        const l = e.childForFieldName('left');
        const r = e.childForFieldName('right');
        const op = e.childForFieldName('operator')?.text;
        if (!l || !r) return UNKNOWN;
        const lv = this.expr(l, f);
        const rv = this.expr(r, f);
        if (op === '+') return concat(lv, rv);
        if (op === '/' && (lv.t === 'str' || lv.t === 'event') && (rv.t === 'str' || rv.t === 'event'))
          return joinPath([lv, rv]); // PurePath / 'name'
        if (op === '%') return percent(lv, rv);
        return UNKNOWN;
      }
      case 'boolean_operator': {
        const l = e.childForFieldName('left');
        const r = e.childForFieldName('right');
        const lv = l ? this.expr(l, f) : UNKNOWN;
        const rv = r ? this.expr(r, f) : UNKNOWN;
        return e.childForFieldName('operator')?.text === 'or' ? either(lv, rv) : UNKNOWN;
      }
      case 'conditional_expression': {
        const [a, , b] = e.namedChildren;
        const av = a ? this.expr(a, f) : UNKNOWN;
        const bv = b ? this.expr(b, f) : UNKNOWN;
        return join(av, bv);
      }
      case 'attribute': {
        const obj = e.childForFieldName('object');
        const attr = e.childForFieldName('attribute')?.text;
        if (!obj || !attr) return UNKNOWN;
        return this.attr(this.expr(obj, f), attr);
      }
      case 'subscript':
        return this.subscript(e, f);
      case 'call':
        return this.call(e, f);
      case 'dictionary': {
        const props = new Map<string, Val>();
        for (const p of e.namedChildren) {
          if (p.type !== 'pair') continue;
          const k = p.childForFieldName('key');
          const v = p.childForFieldName('value');
          const ks = k ? litOf(this.expr(k, f)) : undefined;
          if (ks !== undefined && v) props.set(ks, this.expr(v, f));
        }
        return { t: 'obj', props };
      }
      case 'list':
      case 'tuple':
      case 'expression_list':
        return { t: 'list', items: e.namedChildren.map((c) => this.expr(c, f)) };
      case 'named_expression': {
        const name = e.childForFieldName('name')?.text;
        const v = e.childForFieldName('value');
        const val = v ? this.expr(v, f) : UNKNOWN;
        if (name) this.set(f, name, val);
        return val;
      }
      case 'lambda':
        return UNKNOWN;
      default:
        for (const c of e.namedChildren) this.expr(c, f); // calls nested in anything else still count
        return UNKNOWN;
    }
  }

  private attr(v: Val, name: string): Val {
    if (v.t === 'inst' || v.t === 'cls') return this.classes.member(v, name) ?? UNKNOWN;
    if (v.t === 'client') return this.a.registry.clientMember(v, name);
    if (v.t === 'mod') return (v.module as ModuleInfo).globals.get(name) ?? UNKNOWN;
    if (v.t === 'sdk' && v.sdk === 'py' && [...v.path, name].join('.') === 'os.environ') return { t: 'env' };
    if (v.t === 'str' || (v.t === 'event' && asStr(v).some((p) => 'input' in p))) {
      // a pathlib path is its string
      switch (name) {
        case 'name':
          return basename(v);
        case 'stem':
          return stem(basename(v));
        case 'suffix':
          return fromLast(basename(v), '.');
        case 'parent':
          return dirname(v);
        default:
          return UNKNOWN;
      }
    }
    return member(v, name);
  }

  private string(e: SyntaxNode, f: Frame): Val {
    const start = e.children[0];
    const prefix = start?.type === 'string_start' ? start.text.replace(/['"]+$/, '').toLowerCase() : '';
    const raw = prefix.includes('r');
    const fmt = prefix.includes('f');
    const parts: Val[] = [];
    for (const c of e.namedChildren) {
      if (c.type === 'string_content') parts.push(lit(raw ? c.text : unescape(c.text)));
      else if (c.type === 'escape_sequence') parts.push(lit(raw ? c.text : unescape(c.text)));
      else if (c.type === 'interpolation') {
        const x = c.childForFieldName('expression');
        parts.push(
          fmt && x && !c.childForFieldName('format_specifier') ? this.expr(x, f) : fmt ? UNKNOWN : lit(c.text),
        );
      }
    }
    return parts.length ? concat(...parts) : lit('');
  }

  private subscript(e: SyntaxNode, f: Frame): Val {
    const obj = e.childForFieldName('value');
    const sub = e.childForFieldName('subscript');
    if (!obj || !sub) return UNKNOWN;
    const idx = sub.type === 'integer' || sub.type === 'unary_operator' ? Number(sub.text) : undefined;
    // key.split('/')[-1], key.rsplit('.', 1)[-1]: what follows the last separator;
    // key.rsplit('.', 1)[0]: what precedes it
    if (idx !== undefined && obj.type === 'call') {
      const fn = obj.childForFieldName('function');
      if (
        fn &&
        ['os.path.splitext', 'splitext', 'posixpath.splitext'].includes(fn.text) &&
        (idx === 0 || idx === 1 || idx === -1)
      ) {
        const arg = this.args(obj.childForFieldName('arguments'), f).pos[0];
        return arg ? (idx === 0 ? stem(arg) : fromLast(basename(arg), '.')) : UNKNOWN;
      }
      if (fn && ['os.path.split', 'posixpath.split'].includes(fn.text)) {
        const arg = this.args(obj.childForFieldName('arguments'), f).pos[0];
        if (!arg) return UNKNOWN;
        return idx === -1 || idx === 1 ? basename(arg) : idx === 0 ? dirname(arg) : UNKNOWN;
      }
    }
    const v = this.expr(obj, f);
    if (v.t === 'env') return this.envVal(litOf(this.expr(sub, f)), undefined);
    if (v.t === 'split') {
      // key.split('/')[-1], lst[-1], key.split('/')[3:]
      if (idx !== undefined) return splitItem(v, idx);
      const from = sub.type === 'slice' ? sliceStart(sub) : undefined;
      if (from !== undefined) return { ...v, from: (v.from ?? 0) + from };
      return UNKNOWN;
    }
    if (idx !== undefined) {
      if (v.t === 'list') return v.items[idx < 0 ? v.items.length + idx : idx] ?? UNKNOWN;
      return member(v, undefined);
    }
    if (sub.type === 'slice') return this.slice(obj, v, sub, f);
    return member(v, litOf(this.expr(sub, f)));
  }

  /**
   * `key[key.rfind('.'):]` (from the last "." on), `key[key.rfind('/') + 1:]` (after the last "/"),
   * `key[:key.rfind('.')]` (before the last "."), `key[:]`; any other slice is unknown text.
   */
  private slice(obj: SyntaxNode, v: Val, sub: SyntaxNode, f: Frame): Val {
    const colons = sub.children.filter((c) => c.type === ':').length;
    const at = sub.children.findIndex((c) => c.type === ':');
    const start = sub.children.slice(0, at).find((c) => c.isNamed);
    const stop = sub.children.slice(at + 1).find((c) => c.isNamed);
    const cut = (n: SyntaxNode | undefined) =>
      n && colons === 1
        ? lastIndexCut(n, obj.text, ['rfind', 'rindex'], (a) => litOf(this.args(a, f).pos[0]))
        : undefined;
    const from = cut(start);
    const to = cut(stop);
    if (start && !from) this.expr(start, f); // calls in other bounds still count
    if (stop && !to) this.expr(stop, f);
    if (colons !== 1) return UNKNOWN;
    if (!start && !stop) return v;
    // literal bounds: name[:-3] keeps the start, name[5:] the end, name[:8] and ext[-4:] within literal text
    const a = intLiteral(start);
    const b = intLiteral(stop);
    if ((!start || a !== undefined) && (!stop || b !== undefined)) return literalSlice(v, a, b);
    if (from && !stop) return from.after ? afterLast(v, from.sep) : fromLast(v, from.sep);
    if (to && !start && !to.after) return beforeLast(v, to.sep);
    return str([{ unknown: true }]);
  }

  private envVal(name: string | undefined, dflt: Val | undefined): Val {
    if (name === undefined) return UNKNOWN;
    return this.a.env(name) ?? dflt ?? UNKNOWN;
  }

  private call(e: SyntaxNode, f: Frame): Val {
    const fn = e.childForFieldName('function');
    const argsNode = e.childForFieldName('arguments');
    if (!fn) return UNKNOWN;
    if (fn.type === 'attribute') {
      const objNode = fn.childForFieldName('object');
      const method = fn.childForFieldName('attribute')?.text;
      if (!objNode || !method) return UNKNOWN;
      const recv = this.expr(objNode, f);
      const args = this.args(argsNode, f);
      return this.method(recv, method, args, e, fn, f);
    }
    const callee = this.expr(fn, f);
    const args = this.args(argsNode, f);
    return this.apply(callee, args, e, fn, f.module);
  }

  private apply(callee: Val, args: Args, e: SyntaxNode, fn: SyntaxNode, m: ModuleInfo): Val {
    if (callee.t === 'fn') return this.invoke(callee, args);
    if (callee.t === 'method') return clientCall(this.a, callee.client, callee.name, args, e, fn, m);
    if (callee.t === 'cls') {
      // Thumbnailer(bucket): an instance, after its __init__
      const inst = this.classes.instance(callee);
      const init = this.classes.method(inst, '__init__');
      if (init) this.invoke(init, args);
      return inst;
    }
    if (callee.t === 'sdk') {
      if (callee.sdk === 'py') return this.std(callee.path.join('.'), args);
      return sdkCall(this.a, m, e, fn.text, callee, args);
    }
    // a wrapper trigger-lint does not know (`wrap(handler)`, a decorator called by hand): the function flows through
    return args.pos.find((x) => x.t === 'fn' || x.t === 'method') ?? UNKNOWN;
  }

  private std(name: string, args: Args): Val {
    const [x, y] = args.pos;
    if (PASS_THROUGH.has(name)) return x ?? UNKNOWN;
    if (contextReadsEnv(name)) return this.envVal(litOf(x), y); // FunctionGraph's context.getUserData(name, default)
    switch (name) {
      case 'os.getenv':
      case 'os.environ.get':
        return this.envVal(litOf(x ?? args.kw.get('key')), y ?? args.kw.get('default'));
      case 'os.path.join':
        return joinPath(args.pos);
      case 'os.path.basename':
        return x ? basename(x) : UNKNOWN;
      case 'os.path.dirname':
        return x ? dirname(x) : UNKNOWN;
      case 'os.path.normpath':
        return x ?? UNKNOWN;
      case 're.sub': {
        // re.sub(r'\.jpg$', '.png', key), re.sub('^in/', 'out/', key, flags=re.I)
        const [pattern, repl, s, count, flags] = [
          x ?? args.kw.get('pattern'),
          y ?? args.kw.get('repl'),
          args.pos[2] ?? args.kw.get('string'),
          args.pos[3] ?? args.kw.get('count'),
          args.pos[4] ?? args.kw.get('flags'),
        ];
        const p = litOf(pattern);
        if (p === undefined || !s) return UNKNOWN;
        return regexReplace(s, p, `${flags ? 'i' : ''}${litOf(count) === '1' ? ' count=1' : ''}`, litOf(repl), true);
      }
      default:
        return UNKNOWN;
    }
  }

  private method(recv: Val, method: string, args: Args, e: SyntaxNode, fn: SyntaxNode, f: Frame): Val {
    const [x, y] = args.pos;
    switch (recv.t) {
      case 'env':
        if (method === 'get') return this.envVal(litOf(x), y);
        return UNKNOWN;
      case 'sdk':
        return this.apply({ ...recv, path: [...recv.path, method] }, args, e, fn, f.module);
      case 'mod':
        return this.apply((recv.module as ModuleInfo).globals.get(method) ?? UNKNOWN, args, e, fn, f.module);
      case 'fn':
        return UNKNOWN;
      case 'inst':
      case 'cls': {
        // self.process(event); a method it does not define may be inherited from an SDK class
        const found = this.classes.member(recv, method);
        if (found) return this.apply(found, args, e, fn, f.module);
        untracked(this.a, method, args, e, fn, f.module);
        return UNKNOWN;
      }
      case 'client': {
        return clientCall(this.a, recv, method, args, e, fn, f.module);
      }
      case 'str':
      case 'event':
        switch (method) {
          case 'replace': // key.replace('/' + appid + '/' + name + '/', '', 1): the Tencent key's start removed
            return replaceIn(recv, x, y, true);
          case 'strip':
          case 'lstrip':
          case 'rstrip':
            return x && litOf(x) !== '/' && litOf(x) !== undefined ? UNKNOWN : recv;
          case 'decode':
          case 'encode':
          case 'get':
            break;
          case 'format':
            return format(recv, args);
          case 'join': {
            const sep = litOf(recv);
            if (sep !== undefined && x?.t === 'split' && x.sep === sep && x.from !== undefined)
              return joinFields(x, x.from); // '/'.join(key.split('/')[3:])
            return x?.t === 'list' && sep !== undefined ? joinWith(sep, x.items) : UNKNOWN;
          }
          case 'split':
          case 'rsplit': {
            const sep = litOf(x ?? args.kw.get('sep'));
            const maxText = litOf(y ?? args.kw.get('maxsplit'));
            if (!sep) return UNKNOWN;
            return {
              t: 'split',
              of: recv,
              sep,
              rsplit: method === 'rsplit',
              ...(maxText !== undefined && /^\d+$/.test(maxText) ? { max: Number(maxText) } : {}),
            };
          }
          case 'with_suffix':
            return x ? concat(stem(recv), x) : UNKNOWN; // PurePath(key).with_suffix('.webp')
          case 'with_name':
            return x ? joinPath([dirname(recv), x]) : UNKNOWN;
          case 'lower':
          case 'casefold':
            return caseChanged(recv, (t) => t.toLowerCase());
          case 'upper':
            return caseChanged(recv, (t) => t.toUpperCase());
          default:
            return UNKNOWN;
        }
        if (method === 'get' && recv.t === 'event') return member(recv, litOf(x));
        return recv;
      case 'obj':
        if (method === 'get') return recv.props.get(litOf(x) ?? '') ?? y ?? UNKNOWN;
        return UNKNOWN;
      case 'split':
        return method === 'pop' && !x ? splitItem(recv, -1) : UNKNOWN; // lst.pop(): the last field
      default:
        untracked(this.a, method, args, e, fn, f.module);
        return UNKNOWN;
    }
  }
}
