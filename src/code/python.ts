// Evaluating a Python handler module (tree-sitter-python syntax tree) to the object-storage
// writes it makes: statements run in order through abstract values (src/code/values.ts), local
// functions are entered with the values their callers pass, `os.environ` reads the function's
// environment from the config, and SDK calls (src/code/sdk.ts) are recorded as writes.
import type { Analysis, ModuleInfo } from './context.js';
import { MAX_DEPTH } from './context.js';
import type { SyntaxNode } from './parser.js';
import { clientMember, clientMethod, construct, METHODS, SDK_KINDS, SDK_MODULES, writeOf, type Args } from './sdk.js';
import { basename, concat, dirname, joinPath, lit, litOf, member, replaced, stem, str, UNKNOWN, type Val } from './values.js';

type Scope = Map<string, Val>;

interface Frame {
  scopes: Scope[];
  module: ModuleInfo;
  ret?: Val;
}

const STD: Record<string, string> = { os: 'os', 'os.path': 'os.path', posixpath: 'os.path', json: 'json', 'urllib.parse': 'urllib.parse', urllib: 'urllib', ntpath: 'os.path' };
const PASS_THROUGH = new Set(['json.loads', 'urllib.parse.unquote_plus', 'urllib.parse.unquote', 'str']);

export class PythonEval {
  constructor(private readonly a: Analysis) {}

  /** Run a module's top level (once). */
  runModule(m: ModuleInfo): void {
    if (m.state !== 'new') return;
    m.state = 'running';
    this.block(m.root.namedChildren, { scopes: [m.globals], module: m });
    m.state = 'done';
  }

  /** Call a function of a module by name (the handler), with the event as its first argument. */
  callHandler(m: ModuleInfo, name: string): boolean {
    this.runModule(m);
    const fn = m.globals.get(name);
    if (!fn || fn.t !== 'fn') return false;
    this.invoke(fn, { pos: [{ t: 'event', path: [] }, UNKNOWN], kw: new Map() });
    return true;
  }

  /** Every function and method of the module not yet evaluated, with unknown arguments. */
  runRest(m: ModuleInfo): void {
    for (const def of m.root.descendantsOfType('function_definition')) {
      if (this.a.ran.has(`${m.abs}:${def.startIndex}`)) continue;
      this.invoke({ t: 'fn', node: def, module: m }, { pos: [], kw: new Map() });
    }
  }

  invoke(fn: Extract<Val, { t: 'fn' }>, args: Args): Val {
    const node = fn.node;
    const module = fn.module as ModuleInfo;
    if (this.a.stack.length >= MAX_DEPTH || this.a.stack.includes(node)) return UNKNOWN;
    this.a.ran.add(`${module.abs}:${node.startIndex}`);
    this.a.stack.push(node);
    try {
      const scope: Scope = new Map();
      const params = node.childForFieldName('parameters')?.namedChildren ?? [];
      let i = 0;
      for (const p of params) {
        const name = paramName(p);
        if (!name) { i++; continue; }
        if (name === 'self' || name === 'cls') { if (i === 0) { scope.set(name, UNKNOWN); i++; continue; } }
        const dflt = p.childForFieldName('value');
        const given = args.kw.get(name) ?? args.pos[i];
        scope.set(name, given ?? (dflt ? this.expr(dflt, { scopes: [module.globals], module }) : UNKNOWN));
        i++;
      }
      const frame: Frame = { scopes: [...(fn.scopes ?? [module.globals]), scope], module };
      const body = node.childForFieldName('body');
      if (body) this.block(body.namedChildren, frame);
      return frame.ret ?? UNKNOWN;
    } finally {
      this.a.stack.pop();
    }
  }

  private lookup(f: Frame, name: string): Val {
    for (let i = f.scopes.length - 1; i >= 0; i--) {
      const v = f.scopes[i].get(name);
      if (v) return v;
    }
    if (name === 'str') return { t: 'sdk', sdk: 'py', path: ['str'] };
    return UNKNOWN;
  }

  private set(f: Frame, name: string, v: Val): void {
    f.scopes[f.scopes.length - 1].set(name, v);
  }

  private block(stmts: SyntaxNode[], f: Frame): void {
    for (const s of stmts) {
      if (!this.a.tick()) return;
      this.stmt(s, f);
    }
  }

  private stmt(s: SyntaxNode, f: Frame): void {
    switch (s.type) {
      case 'import_statement': return this.importStmt(s, f);
      case 'import_from_statement': return this.importFrom(s, f);
      case 'future_import_statement': return;
      case 'function_definition': {
        const name = s.childForFieldName('name')?.text;
        if (name) this.set(f, name, { t: 'fn', node: s, module: f.module, ...(f.scopes.length > 1 ? { scopes: f.scopes } : {}) });
        return;
      }
      case 'decorated_definition': {
        const def = s.childForFieldName('definition');
        if (def) this.stmt(def, f);
        return;
      }
      case 'class_definition': return; // methods are evaluated in the rest pass
      case 'expression_statement':
        for (const c of s.namedChildren) this.exprStmt(c, f);
        return;
      case 'return_statement': {
        const v = s.namedChildren[0];
        if (f.ret === undefined) f.ret = v ? this.expr(v, f) : UNKNOWN;
        return;
      }
      case 'if_statement': case 'elif_clause': case 'else_clause': case 'while_statement': case 'try_statement':
      case 'except_clause': case 'finally_clause': case 'block': case 'with_statement': case 'with_clause': case 'match_statement':
      case 'case_clause':
        for (const c of s.namedChildren) {
          if (c.type === 'with_item') this.withItem(c, f);
          else if (c.type === 'block' || c.type.endsWith('_clause') || c.type.endsWith('_statement')) this.stmt(c, f);
          else if (s.type === 'if_statement' || s.type === 'elif_clause' || s.type === 'while_statement') this.expr(c, f);
        }
        return;
      case 'for_statement': {
        const left = s.childForFieldName('left');
        const right = s.childForFieldName('right');
        const coll = right ? this.expr(right, f) : UNKNOWN;
        if (left) this.bind(left, itemOf(coll), f);
        const body = s.childForFieldName('body');
        if (body) this.stmt(body, f);
        const alt = s.childForFieldName('alternative');
        if (alt) this.stmt(alt, f);
        return;
      }
      default:
        return;
    }
  }

  private withItem(item: SyntaxNode, f: Frame): void {
    const v = item.childForFieldName('value');
    if (!v) return;
    if (v.type === 'as_pattern') {
      const val = this.expr(v.namedChildren[0], f);
      const alias = v.childForFieldName('alias');
      const target = alias?.namedChildren[0] ?? alias;
      if (target) this.bind(target, val, f);
    } else this.expr(v, f);
  }

  private exprStmt(e: SyntaxNode, f: Frame): void {
    if (e.type === 'assignment') {
      const left = e.childForFieldName('left');
      const right = e.childForFieldName('right');
      if (left && right) this.bind(left, this.expr(right, f), f, right);
      else if (right) this.expr(right, f);
      return;
    }
    if (e.type === 'augmented_assignment') {
      const left = e.childForFieldName('left');
      const right = e.childForFieldName('right');
      const op = e.childForFieldName('operator')?.text;
      if (left?.type === 'identifier' && right) {
        const r = this.expr(right, f);
        this.set(f, left.text, op === '+=' ? concat(this.lookup(f, left.text), r) : UNKNOWN);
      }
      return;
    }
    this.expr(e, f);
  }

  private bind(target: SyntaxNode, v: Val, f: Frame, rightNode?: SyntaxNode): void {
    switch (target.type) {
      case 'identifier': this.set(f, target.text, v); return;
      case 'pattern_list': case 'tuple_pattern': case 'list_pattern': {
        const items = v.t === 'list' ? v.items : undefined;
        target.namedChildren.forEach((t, i) => this.bind(t, items?.[i] ?? (rightNode && v.t !== 'list' ? itemOf(v) : UNKNOWN), f));
        return;
      }
      default: return; // attributes and subscripts of other objects are not followed
    }
  }

  private importStmt(s: SyntaxNode, f: Frame): void {
    for (const n of s.namedChildren) {
      const dotted = n.type === 'aliased_import' ? n.childForFieldName('name') : n;
      const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : undefined;
      if (!dotted) continue;
      const name = dotted.text;
      const top = name.split('.')[0];
      const v = this.moduleVal(name, f);
      if (alias) this.set(f, alias, v);
      else this.set(f, top, name.includes('.') ? this.moduleVal(top, f) : v);
    }
  }

  private moduleVal(name: string, f: Frame): Val {
    const sdk = SDK_MODULES[name];
    if (sdk) { this.a.sdks.add(sdk); return { t: 'sdk', sdk, path: [] }; }
    if (STD[name]) return { t: 'sdk', sdk: 'py', path: STD[name].split('.') };
    const local = this.a.load(f.module, name);
    if (local) {
      this.runModule(local);
      return { t: 'mod', module: local };
    }
    return UNKNOWN;
  }

  private importFrom(s: SyntaxNode, f: Frame): void {
    const modNode = s.childForFieldName('module_name');
    if (!modNode) return;
    const from = this.moduleVal(modNode.text, f);
    for (const n of s.childrenForFieldName('name')) {
      const nameNode = n.type === 'aliased_import' ? n.childForFieldName('name') : n;
      const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : undefined;
      if (!nameNode) continue;
      const name = nameNode.text;
      let v: Val;
      if (from.t === 'mod') v = (from.module as ModuleInfo).globals.get(name) ?? UNKNOWN;
      else if (from.t === 'sdk') v = { t: 'sdk', sdk: from.sdk, path: [...from.path, name] };
      else {
        const sub = this.moduleVal(`${modNode.text}.${name}`, f); // `from pkg import mod`
        v = sub;
      }
      if (v.t === 'sdk' && v.sdk === 'py' && v.path.join('.') === 'os.environ') v = { t: 'env' };
      this.set(f, alias ?? name, v);
    }
  }

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
      case 'identifier': return this.lookup(f, e.text);
      case 'string': return this.string(e, f);
      case 'concatenated_string': return concat(...e.namedChildren.map((c) => this.expr(c, f)));
      case 'integer': case 'float': return lit(e.text);
      case 'parenthesized_expression': case 'await': return e.namedChildren[0] ? this.expr(e.namedChildren[0], f) : UNKNOWN;
      case 'binary_operator': {
        const l = e.childForFieldName('left');
        const r = e.childForFieldName('right');
        const op = e.childForFieldName('operator')?.text;
        if (!l || !r) return UNKNOWN;
        const lv = this.expr(l, f);
        const rv = this.expr(r, f);
        if (op === '+') return concat(lv, rv);
        if (op === '%') return percent(lv, rv);
        return UNKNOWN;
      }
      case 'boolean_operator': {
        const l = e.childForFieldName('left');
        const r = e.childForFieldName('right');
        const lv = l ? this.expr(l, f) : UNKNOWN;
        const rv = r ? this.expr(r, f) : UNKNOWN;
        if (e.childForFieldName('operator')?.text === 'or') return lv.t === 'unknown' ? rv : lv;
        return UNKNOWN;
      }
      case 'conditional_expression': {
        const [a, , b] = e.namedChildren;
        const av = a ? this.expr(a, f) : UNKNOWN;
        const bv = b ? this.expr(b, f) : UNKNOWN;
        return JSON.stringify(av) === JSON.stringify(bv) ? av : UNKNOWN;
      }
      case 'attribute': {
        const obj = e.childForFieldName('object');
        const attr = e.childForFieldName('attribute')?.text;
        if (!obj || !attr) return UNKNOWN;
        return this.attr(this.expr(obj, f), attr);
      }
      case 'subscript': return this.subscript(e, f);
      case 'call': return this.call(e, f);
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
      case 'list': case 'tuple': return { t: 'list', items: e.namedChildren.map((c) => this.expr(c, f)) };
      case 'named_expression': {
        const name = e.childForFieldName('name')?.text;
        const v = e.childForFieldName('value');
        const val = v ? this.expr(v, f) : UNKNOWN;
        if (name) this.set(f, name, val);
        return val;
      }
      case 'lambda': return UNKNOWN;
      default:
        for (const c of e.namedChildren) this.expr(c, f); // calls nested in anything else still count
        return UNKNOWN;
    }
  }

  private attr(v: Val, name: string): Val {
    if (v.t === 'client') return clientMember(v, name);
    if (v.t === 'mod') return (v.module as ModuleInfo).globals.get(name) ?? UNKNOWN;
    if (v.t === 'sdk' && v.sdk === 'py' && [...v.path, name].join('.') === 'os.environ') return { t: 'env' };
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
        parts.push(fmt && x && !c.childForFieldName('format_specifier') ? this.expr(x, f) : fmt ? UNKNOWN : lit(c.text));
      }
    }
    return parts.length ? concat(...parts) : lit('');
  }

  private subscript(e: SyntaxNode, f: Frame): Val {
    const obj = e.childForFieldName('value');
    const sub = e.childForFieldName('subscript');
    if (!obj || !sub) return UNKNOWN;
    const idx = sub.type === 'integer' || sub.type === 'unary_operator' ? Number(sub.text) : undefined;
    // key.split('/')[-1], key.rsplit('/', 1)[-1]: the last path segment
    if (idx !== undefined && obj.type === 'call') {
      const fn = obj.childForFieldName('function');
      if (fn?.type === 'attribute' && ['split', 'rsplit'].includes(fn.childForFieldName('attribute')?.text ?? '')) {
        const target = fn.childForFieldName('object');
        const sep = litOf(this.args(obj.childForFieldName('arguments'), f).pos[0]);
        if (target && sep === '/' && idx === -1) return basename(this.expr(target, f));
        if (target) this.expr(target, f);
        return UNKNOWN;
      }
      if (fn && ['os.path.splitext', 'splitext', 'posixpath.splitext'].includes(fn.text) && idx === 0) {
        const arg = this.args(obj.childForFieldName('arguments'), f).pos[0];
        return arg ? stem(arg) : UNKNOWN;
      }
      if (fn && ['os.path.split', 'posixpath.split'].includes(fn.text)) {
        const arg = this.args(obj.childForFieldName('arguments'), f).pos[0];
        if (!arg) return UNKNOWN;
        return idx === -1 || idx === 1 ? basename(arg) : idx === 0 ? dirname(arg) : UNKNOWN;
      }
    }
    const v = this.expr(obj, f);
    if (v.t === 'env') return this.envVal(litOf(this.expr(sub, f)), undefined);
    if (idx !== undefined) {
      if (v.t === 'list') return v.items[idx < 0 ? v.items.length + idx : idx] ?? UNKNOWN;
      return member(v, undefined);
    }
    if (sub.type === 'slice') return UNKNOWN;
    return member(v, litOf(this.expr(sub, f)));
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
    if (callee.t === 'sdk') {
      if (callee.sdk === 'py') return this.std(callee.path.join('.'), args);
      if (callee.sdk === 'oss2' && callee.path.join('.') === 'resumable_upload') {
        const b = args.pos[0] ?? args.kw.get('bucket');
        this.writeAt(m, e, fn, 'oss2', b?.t === 'client' ? b.bucket : undefined, args.pos[1] ?? args.kw.get('key'));
        return UNKNOWN;
      }
      return construct(callee.sdk, callee.path, args);
    }
    return UNKNOWN;
  }

  private std(name: string, args: Args): Val {
    const [x, y] = args.pos;
    if (PASS_THROUGH.has(name)) return x ?? UNKNOWN;
    switch (name) {
      case 'os.getenv': case 'os.environ.get': return this.envVal(litOf(x ?? args.kw.get('key')), y ?? args.kw.get('default'));
      case 'os.path.join': return joinPath(args.pos);
      case 'os.path.basename': return x ? basename(x) : UNKNOWN;
      case 'os.path.dirname': return x ? dirname(x) : UNKNOWN;
      case 'os.path.normpath': return x ?? UNKNOWN;
      default: return UNKNOWN;
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
      case 'client': {
        const m = METHODS[recv.kind]?.[method];
        if (m) {
          const w = writeOf(recv, m, args);
          this.writeAt(f.module, e, fn, recv.sdk, w.bucket, w.key);
          return UNKNOWN;
        }
        return clientMethod(recv, method, args) ?? UNKNOWN;
      }
      case 'str': case 'event':
        switch (method) {
          case 'replace': return replaced(recv, litOf(x), litOf(y), true);
          case 'strip': case 'lstrip': case 'rstrip': return x && litOf(x) !== '/' && litOf(x) !== undefined ? UNKNOWN : recv;
          case 'decode': case 'encode': case 'get': break;
          case 'format': return format(recv, args);
          case 'join': return x?.t === 'list' && litOf(recv) !== undefined ? joinWith(litOf(recv)!, x.items) : UNKNOWN;
          default: return UNKNOWN;
        }
        if (method === 'get' && recv.t === 'event') return member(recv, litOf(x));
        return recv;
      case 'obj':
        if (method === 'get') return recv.props.get(litOf(x) ?? '') ?? y ?? UNKNOWN;
        return UNKNOWN;
      default:
        this.untracked(method, args, e, fn, f.module);
        return UNKNOWN;
    }
  }

  /** A write method on a receiver that could not be tracked: counted when the name is specific to one SDK the code imports. */
  private untracked(method: string, args: Args, e: SyntaxNode, fn: SyntaxNode, module: ModuleInfo): void {
    for (const sdk of this.a.sdks) {
      for (const kind of SDK_KINDS[sdk] ?? []) {
        const m = METHODS[kind]?.[method];
        if (!m || m.generic) continue;
        const w = writeOf({ t: 'client', sdk, kind }, m, args);
        this.writeAt(module, e, fn, sdk, w.bucket, w.key);
        return;
      }
    }
  }

  private writeAt(module: ModuleInfo, e: SyntaxNode, fn: SyntaxNode, sdk: string, bucket: Val | undefined, key: Val | undefined): void {
    this.a.record(module, { sdk, callee: fn.text.length > 60 ? fn.text.slice(0, 57) + '...' : fn.text, start: e.startIndex, end: e.endIndex, bucket, key });
  }
}

function paramName(p: SyntaxNode): string | undefined {
  if (p.type === 'identifier') return p.text;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name')?.text;
  if (p.type === 'typed_parameter') return p.namedChildren.find((c) => c.type === 'identifier')?.text;
  return undefined;
}

/** An item of a collection (`for record in evt['Records']`). */
function itemOf(v: Val): Val {
  if (v.t === 'list') return v.items[0] ?? UNKNOWN;
  if (v.t === 'event') return v;
  return UNKNOWN;
}

function unescape(s: string): string {
  return s.replace(/\\(n|t|r|\\|'|"|\n)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c));
}

/** `'%s/%s' % (a, b)`. */
function percent(fmt: Val, args: Val): Val {
  const s = litOf(fmt);
  if (s === undefined) return UNKNOWN;
  const items = args.t === 'list' ? args.items : [args];
  let i = 0;
  const out: Val[] = [];
  let last = 0;
  const re = /%[sdr]/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(lit(s.slice(last, m.index)), m[0] === '%s' ? (items[i] ?? UNKNOWN) : str([{ unknown: true }]));
    i++;
    last = m.index + m[0].length;
  }
  out.push(lit(s.slice(last)));
  return concat(...out);
}

/** `'{}/{}'.format(a, b)`, `'{0}{name}'.format(x, name=y)`. */
function format(fmt: Val, args: Args): Val {
  const s = litOf(fmt);
  if (s === undefined) return UNKNOWN;
  const out: Val[] = [];
  let auto = 0;
  let last = 0;
  const re = /\{([^{}]*)\}/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(lit(s.slice(last, m.index)));
    const field = m[1];
    const v = field === '' ? args.pos[auto++] : /^\d+$/.test(field) ? args.pos[Number(field)] : /^\w+$/.test(field) ? args.kw.get(field) : undefined;
    out.push(v ?? UNKNOWN);
    last = m.index + m[0].length;
  }
  out.push(lit(s.slice(last)));
  return concat(...out);
}

function joinWith(sep: string, items: Val[]): Val {
  const out: Val[] = [];
  items.forEach((v, i) => { if (i) out.push(lit(sep)); out.push(v); });
  return concat(...out);
}

