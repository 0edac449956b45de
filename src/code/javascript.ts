// Evaluating a Node.js handler module (tree-sitter-javascript / tree-sitter-typescript syntax
// tree) to the object-storage writes it makes, like src/code/python.ts: statements in order,
// local functions entered with their callers' values, `process.env` from the config, SDK calls
// (src/code/sdk.ts) recorded as writes. CommonJS and ES modules; TypeScript types are skipped.
import type { ModuleInfo } from './context.js';
import type { SyntaxNode } from './parser.js';
import type { Args } from './sdk.js';
import {
  afterLast,
  basename,
  beforeLast,
  concat,
  dirname,
  fromLast,
  joinPath,
  lit,
  litOf,
  member,
  replaced,
  stem,
  UNKNOWN,
  type Val,
} from './values.js';
import { lastIndexCut } from './last-index.js';
import { regexReplace } from './regex-replace.js';
import { dropLeadingSegments, leadingSegmentsOf, replaceIn } from './leading-segments.js';
import { FUNCTIONS, JsStatements, propName, type Frame } from './javascript-statements.js';
import { clientCall, contextReadsEnv, either, itemOf, sdkCall, untracked } from './evaluate-shared.js';
import { join } from './join.js';
import { caseChanged, joinFields, splitItem } from './split.js';
import { intLiteral, literalSlice, substr, substring } from './string-slices.js';

export class JsEval extends JsStatements {
  private args(list: SyntaxNode | null, f: Frame): Args {
    const out: Args = { pos: [], kw: new Map() };
    if (list?.type === 'template_string') {
      out.pos.push(this.expr(list, f));
      return out;
    }
    for (const a of list?.namedChildren ?? []) {
      if (a.type === 'comment') continue;
      out.pos.push(a.type === 'spread_element' ? UNKNOWN : this.expr(a, f));
    }
    return out;
  }

  expr(e: SyntaxNode, f: Frame): Val {
    switch (e.type) {
      case 'identifier':
        return this.lookup(f, e.text);
      case 'string':
        return lit(e.namedChildren.map((c) => (c.type === 'escape_sequence' ? unescape(c.text) : c.text)).join(''));
      case 'template_string': {
        const parts: Val[] = [];
        for (const c of e.namedChildren) {
          if (c.type === 'string_fragment') parts.push(lit(c.text));
          else if (c.type === 'escape_sequence') parts.push(lit(unescape(c.text)));
          else if (c.type === 'template_substitution')
            parts.push(c.namedChildren[0] ? this.expr(c.namedChildren[0], f) : UNKNOWN);
        }
        return parts.length ? concat(...parts) : lit('');
      }
      case 'number':
        return lit(e.text);
      case 'parenthesized_expression':
      case 'await_expression':
      case 'as_expression':
      case 'non_null_expression':
      case 'satisfies_expression':
      case 'type_assertion':
        return e.namedChildren[0] ? this.expr(e.namedChildren[0], f) : UNKNOWN;
      case 'binary_expression': {
        const l = e.childForFieldName('left');
        const r = e.childForFieldName('right');
        const op = e.childForFieldName('operator')?.text;
        const lv = l ? this.expr(l, f) : UNKNOWN;
        const rv = r ? this.expr(r, f) : UNKNOWN;
        if (op === '+') return concat(lv, rv);
        if (op === '||' || op === '??') return either(lv, rv);
        return UNKNOWN;
      }
      case 'ternary_expression': {
        const a = e.childForFieldName('consequence');
        const b = e.childForFieldName('alternative');
        const av = a ? this.expr(a, f) : UNKNOWN;
        const bv = b ? this.expr(b, f) : UNKNOWN;
        return join(av, bv);
      }
      case 'member_expression': {
        const obj = e.childForFieldName('object');
        const prop = e.childForFieldName('property');
        if (!obj || !prop) return UNKNOWN;
        return this.prop(this.expr(obj, f), prop.text);
      }
      case 'subscript_expression': {
        const obj = e.childForFieldName('object');
        const idx = e.childForFieldName('index');
        if (!obj || !idx) return UNKNOWN;
        const v = this.expr(obj, f);
        if (v.t === 'split') {
          // parts[0], parts[parts.length - 1]
          const n = intLiteral(idx) ?? fromEnd(idx, obj.text);
          return n === undefined ? UNKNOWN : splitItem(v, n);
        }
        if (idx.type === 'number') {
          if (v.t === 'list') return v.items[Number(idx.text)] ?? UNKNOWN;
          return member(v, undefined);
        }
        const k = litOf(this.expr(idx, f));
        return k === undefined ? UNKNOWN : this.prop(v, k);
      }
      case 'assignment_expression': {
        const left = e.childForFieldName('left');
        const right = e.childForFieldName('right');
        const v = right ? this.expr(right, f) : UNKNOWN;
        if (left) this.assignTo(left, v, f);
        return v;
      }
      case 'augmented_assignment_expression': {
        const left = e.childForFieldName('left');
        const right = e.childForFieldName('right');
        if (left?.type === 'identifier' && right) {
          const v =
            e.childForFieldName('operator')?.text === '+='
              ? concat(this.lookup(f, left.text), this.expr(right, f))
              : UNKNOWN;
          this.assign(f, left.text, v);
          return v;
        }
        return UNKNOWN;
      }
      case 'call_expression':
        return this.call(e, f);
      case 'new_expression': {
        const ctor = e.childForFieldName('constructor');
        const args = this.args(e.childForFieldName('arguments'), f);
        if (!ctor) return UNKNOWN;
        return this.construct(this.expr(ctor, f), args, e, ctor, f);
      }
      case 'object': {
        const props = new Map<string, Val>();
        for (const p of e.namedChildren) {
          if (p.type === 'pair') {
            const k = p.childForFieldName('key');
            const v = p.childForFieldName('value');
            if (k && v)
              props.set(
                k.type === 'computed_property_name' ? (litOf(this.expr(k.namedChildren[0], f)) ?? '') : propName(k),
                this.expr(v, f),
              );
          } else if (p.type === 'shorthand_property_identifier') props.set(p.text, this.lookup(f, p.text));
          else if (p.type === 'method_definition') {
            const name = p.childForFieldName('name')?.text;
            if (name) props.set(name, this.closure(p, f));
          }
        }
        return { t: 'obj', props };
      }
      case 'array':
        return { t: 'list', items: e.namedChildren.map((c) => this.expr(c, f)) };
      case 'arrow_function':
      case 'function_expression':
      case 'function':
        return this.closure(e, f);
      case 'this':
        return this.lookup(f, 'this');
      case 'class':
        return this.classes.of(e, f.module);
      default:
        for (const c of e.namedChildren) if (!FUNCTIONS.has(c.type)) this.expr(c, f);
        return UNKNOWN;
    }
  }

  private assignTo(left: SyntaxNode, v: Val, f: Frame): void {
    if (left.type === 'identifier') {
      this.assign(f, left.text, v);
      return;
    }
    if (left.type !== 'member_expression') return;
    const obj = left.childForFieldName('object');
    const prop = left.childForFieldName('property')?.text;
    if (!obj || !prop) return;
    const exportsTarget = obj.text === 'exports' || obj.text === 'module.exports';
    if (exportsTarget && f.scopes.length <= 2) {
      f.module.exports.set(prop, v);
      return;
    }
    const o = obj.type === 'this' || obj.type === 'identifier' ? this.expr(obj, f) : UNKNOWN;
    if (o.t === 'inst' || o.t === 'cls') o.attrs.set(prop, v); // this.client = new OSS(…)
    if (left.text === 'module.exports') {
      if (v.t === 'obj') for (const [k, x] of v.props) f.module.exports.set(k, x);
      f.module.exports.set('default', v);
    }
  }

  private construct(c: Val, args: Args, e: SyntaxNode, calleeNode: SyntaxNode, f: Frame): Val {
    if (c.t === 'cls') {
      // new Processor(opts): an instance, after its constructor
      const inst = this.classes.instance(c);
      const ctor = this.classes.method(inst, 'constructor');
      if (ctor) this.invoke(ctor, args);
      return inst;
    }
    if (c.t !== 'sdk' || c.sdk === 'js') {
      this.callbacks(args, UNKNOWN);
      return UNKNOWN;
    }
    return sdkCall(this.a, f.module, e, calleeNode.text, c, args);
  }

  private call(e: SyntaxNode, f: Frame): Val {
    const fn = e.childForFieldName('function');
    if (!fn) return UNKNOWN;
    const args = this.args(e.childForFieldName('arguments'), f);
    if (fn.type === 'member_expression') {
      const objNode = fn.childForFieldName('object');
      const method = fn.childForFieldName('property')?.text;
      if (!objNode || !method) return UNKNOWN;
      // key.split('/').pop(), key.split('.').at(-1): what follows the last separator
      if (
        (method === 'pop' || (method === 'at' && e.childForFieldName('arguments')?.namedChildren[0]?.text === '-1')) &&
        objNode.type === 'call_expression'
      ) {
        const inner = objNode.childForFieldName('function');
        const target =
          inner?.type === 'member_expression' && inner.childForFieldName('property')?.text === 'split'
            ? inner.childForFieldName('object')
            : null;
        const sep = target ? litOf(this.args(objNode.childForFieldName('arguments'), f).pos[0]) : undefined;
        if (target && sep) return afterLast(this.expr(target, f), sep);
      }
      // key.slice(key.lastIndexOf('.')), key.substring(key.lastIndexOf('/') + 1), key.slice(0, key.lastIndexOf('.'))
      if (method === 'slice' || method === 'substring') {
        const [a, b] = e.childForFieldName('arguments')?.namedChildren ?? [];
        const cut = (n: SyntaxNode | undefined) =>
          n ? lastIndexCut(n, objNode.text, ['lastIndexOf'], (x) => litOf(this.args(x, f).pos[0])) : undefined;
        const from = cut(a);
        if (from && !b)
          return from.after ? afterLast(this.expr(objNode, f), from.sep) : fromLast(this.expr(objNode, f), from.sep);
        const to = cut(b);
        if (to && !to.after && a?.text === '0') return beforeLast(this.expr(objNode, f), to.sep);
      }
      const recv = this.expr(objNode, f);
      // key.slice(0, -4), key.slice(5), key.substring(0, 8), key.substr(0, 3); parts.slice(3) of a split
      if (method === 'slice' || method === 'substring' || method === 'substr') {
        const bounds = e.childForFieldName('arguments')?.namedChildren ?? [];
        const [p, q] = bounds.map(intLiteral);
        if (bounds.length >= 1 && bounds.length <= 2 && p !== undefined && (bounds.length === 1 || q !== undefined)) {
          if (recv.t === 'split' && method === 'slice' && bounds.length === 1 && p >= 0)
            return { ...recv, from: (recv.from ?? 0) + p };
          if (recv.t === 'str' || recv.t === 'event')
            return method === 'slice'
              ? literalSlice(recv, p, q)
              : method === 'substring'
                ? substring(recv, p, q)
                : substr(recv, p, q);
        }
      }
      if (method === 'replace' || method === 'replaceAll') {
        // key.replace(/\+/g, ' '): a regex of one literal character is a string replacement
        const re = e.childForFieldName('arguments')?.namedChildren[0];
        const one = re?.type === 'regex' ? oneChar(re) : undefined;
        if (one) return replaced(recv, one.ch, litOf(args.pos[1]), one.global || method === 'replaceAll');
        // key.replace(/^\/\d+\/[^/]+\//, ''): the Tencent key's "/<appid>/<bucket>/" removed
        const segments =
          re?.type === 'regex' && litOf(args.pos[1]) === ''
            ? leadingSegmentsOf(re.childForFieldName('pattern')?.text ?? '')
            : undefined;
        const stripped = segments ? dropLeadingSegments(recv, segments) : undefined;
        if (stripped) return stripped;
        // key.replace(/\.jpe?g$/i, '.png'), key.replace(/^uploads\//, 'thumbs/'), key.replace(/(\.\w+)$/, '_thumb$1')
        if (re?.type === 'regex' && (recv.t === 'str' || recv.t === 'event')) {
          return regexReplace(
            recv,
            re.childForFieldName('pattern')?.text ?? '',
            re.childForFieldName('flags')?.text ?? '',
            litOf(args.pos[1]),
            false,
          );
        }
      }
      const out = this.method(recv, method, args, e, fn, f);
      // `client.useBucket(name)` changes the client held by that variable (a record's `rebinds`)
      if (recv.t === 'client' && out.t === 'client' && this.a.registry.rebinds(recv.kind, method)) {
        if (objNode.type === 'identifier') this.assign(f, objNode.text, out);
        else if (objNode.type === 'member_expression') {
          // this.ossClient.useBucket(b)
          const owner = objNode.childForFieldName('object');
          const prop = objNode.childForFieldName('property')?.text;
          const o = owner && (owner.type === 'this' || owner.type === 'identifier') ? this.expr(owner, f) : UNKNOWN;
          if (prop && (o.t === 'inst' || o.t === 'cls')) o.attrs.set(prop, out);
          else if (prop && o.t === 'obj') o.props.set(prop, out);
        }
        return UNKNOWN;
      }
      return out;
    }
    const callee = this.expr(fn, f);
    if (callee.t === 'fn') return this.invoke(callee, args);
    if (callee.t === 'method') return clientCall(this.a, callee.client, callee.name, args, e, fn, f.module);
    if (callee.t === 'sdk') {
      if (callee.sdk === 'js') return this.std(callee.path.join('.'), args, f);
      return sdkCall(this.a, f.module, e, fn.text, callee, args); // OSS({...}) without new
    }
    // a wrapper trigger-lint does not know (`middyfy(handler)`, `wrap(handler)`): the function flows through
    const wrapped = args.pos.find((x) => x.t === 'fn' || x.t === 'method');
    if (wrapped) return wrapped;
    this.callbacks(args, UNKNOWN);
    return UNKNOWN;
  }

  private std(name: string, args: Args, f: Frame): Val {
    const [x, y] = args.pos;
    if (contextReadsEnv(name)) return this.envVal(litOf(x), undefined); // FunctionGraph's context.getUserData(name)
    switch (name) {
      case 'require': {
        const spec = litOf(x);
        return spec === undefined ? UNKNOWN : this.defaultOf(this.moduleVal(spec, f));
      }
      case 'JSON.parse':
      case 'decodeURIComponent':
      case 'decodeURI':
      case 'String':
        return x ?? UNKNOWN;
      case 'util.promisify':
        return x ?? UNKNOWN; // the same write, with a promise
      case 'path.join':
      case 'path.posix.join':
        return joinPath(args.pos);
      case 'path.basename':
        return x ? (y && litOf(y) !== undefined ? stem(basename(x)) : basename(x)) : UNKNOWN;
      case 'path.dirname':
        return x ? dirname(x) : UNKNOWN;
      case 'path.extname':
        return x ? fromLast(basename(x), '.') : UNKNOWN;
      case 'path.parse':
        return {
          t: 'obj',
          props: new Map<string, Val>([
            ['base', x ? basename(x) : UNKNOWN],
            ['dir', x ? dirname(x) : UNKNOWN],
          ]),
        };
      default:
        return UNKNOWN;
    }
  }

  private method(recv: Val, method: string, args: Args, e: SyntaxNode, fn: SyntaxNode, f: Frame): Val {
    const [x, y] = args.pos;
    switch (recv.t) {
      case 'sdk':
        if (recv.sdk === 'js') return this.std([...recv.path, method].join('.'), args, f);
        return sdkCall(this.a, f.module, e, fn.text, { ...recv, path: [...recv.path, method] }, args);
      case 'mod': {
        const fnv = (recv.module as ModuleInfo).exports.get(method);
        return fnv?.t === 'fn' ? this.invoke(fnv, args) : UNKNOWN;
      }
      case 'inst':
      case 'cls': {
        // this.run(event); a method it does not define may be inherited
        const found = this.classes.member(recv, method);
        if (found?.t === 'fn') return this.invoke(found, args);
        if (!found) untracked(this.a, method, args, e, fn, f.module);
        return UNKNOWN;
      }
      case 'obj': {
        const fnv = recv.props.get(method);
        return fnv?.t === 'fn' ? this.invoke(fnv, args) : UNKNOWN;
      }
      case 'fn':
        if (method === 'call') return this.invoke(recv, { pos: args.pos.slice(1), kw: args.kw });
        if (method === 'apply') return this.invoke(recv, { pos: y?.t === 'list' ? y.items : [], kw: args.kw });
        return recv; // middy(handler).use(…), handler.bind(this): still the handler
      case 'method':
        if (method === 'call')
          return clientCall(this.a, recv.client, recv.name, { pos: args.pos.slice(1), kw: args.kw }, e, fn, f.module);
        if (method === 'apply')
          return clientCall(
            this.a,
            recv.client,
            recv.name,
            { pos: y?.t === 'list' ? y.items : [], kw: args.kw },
            e,
            fn,
            f.module,
          );
        return recv; // cos.putObject.bind(cos)
      case 'client': {
        return clientCall(this.a, recv, method, args, e, fn, f.module);
      }
      case 'str':
      case 'event':
        switch (method) {
          case 'replace': // key.replace(`/${appid}/${name}/`, ''): the Tencent key's start removed
            return replaceIn(recv, x, y, false);
          case 'replaceAll':
            return replaced(recv, litOf(x), litOf(y), true);
          case 'toString':
          case 'trim':
          case 'valueOf':
            return recv;
          case 'split': {
            // kept as a split, so an item, a slice or a join taken later still means something (split.ts)
            const sep = litOf(x);
            if (sep && args.pos.length === 1) return { t: 'split', of: recv, sep, rsplit: false };
            return sep === '/' ? { t: 'list', items: [UNKNOWN] } : UNKNOWN;
          }
          case 'toLowerCase':
          case 'toLocaleLowerCase':
            return caseChanged(recv, (t) => t.toLowerCase());
          case 'toUpperCase':
          case 'toLocaleUpperCase':
            return caseChanged(recv, (t) => t.toUpperCase());
          case 'trimStart':
          case 'trimEnd':
            return recv;
          case 'map':
            return this.mapped(args, recv); // event.Records.map(record => …)
          default:
            this.callbacks(args, recv);
            return UNKNOWN; // event.Records.forEach(record => …)
        }
      case 'split':
        switch (method) {
          case 'pop': // parts.pop(), parts.at(-1), parts.shift(): the last or first field
            return splitItem(recv, -1);
          case 'shift':
            return splitItem(recv, 0);
          case 'at': {
            const n = intLiteral(e.childForFieldName('arguments')?.namedChildren[0]);
            return n === undefined ? UNKNOWN : splitItem(recv, n);
          }
          case 'join': // parts.slice(3).join('/'): the value after its first fields
            return litOf(x) === recv.sep && recv.from !== undefined ? joinFields(recv, recv.from) : UNKNOWN;
          default:
            this.callbacks(args, UNKNOWN);
            return UNKNOWN;
        }
      case 'list':
        if (method === 'map') return this.mapped(args, recv);
        this.callbacks(args, recv);
        return UNKNOWN;
      default:
        untracked(this.a, method, args, e, fn, f.module);
        this.callbacks(args, recv);
        return UNKNOWN;
    }
  }

  /** `records.map(fn)`: a list of what the function returns for an item. */
  private mapped(args: Args, recv: Val): Val {
    const cb = args.pos[0];
    if (cb?.t !== 'fn') {
      this.callbacks(args, recv);
      return UNKNOWN;
    }
    return { t: 'list', items: [this.invoke(cb, { pos: [itemOf(recv), UNKNOWN, UNKNOWN], kw: new Map() })] };
  }
}

function unescape(s: string): string {
  const m: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
  return s.length === 2 ? (m[s[1]] ?? s[1]) : '';
}

/** A regex literal that matches one literal character (`/\+/g`, `/_/`), with its global flag. */
function oneChar(re: SyntaxNode): { ch: string; global: boolean } | undefined {
  const pattern = re.childForFieldName('pattern')?.text ?? '';
  const flags = re.childForFieldName('flags')?.text ?? '';
  const m = /^(?:\\([^a-zA-Z0-9])|([^\\^$.*+?()[\]{}|]))$/.exec(pattern);
  if (!m) return undefined;
  return { ch: m[1] ?? m[2], global: flags.includes('g') };
}

/** `parts.length - k` (the same `parts` as written): the index -k, else undefined. */
function fromEnd(idx: SyntaxNode, obj: string): number | undefined {
  if (idx.type !== 'binary_expression' || idx.childForFieldName('operator')?.text !== '-') return undefined;
  const left = idx.childForFieldName('left');
  const k = intLiteral(idx.childForFieldName('right') ?? undefined);
  return left?.text === `${obj}.length` && k !== undefined && k > 0 ? -k : undefined;
}
