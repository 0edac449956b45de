// The statement half of the Python evaluator (src/code/python.ts has the expressions): modules,
// imports, functions entered with their arguments, assignments, loops and blocks, in order.
import type { Analysis, ModuleInfo } from './context.js';
import type { SyntaxNode } from './parser.js';
import { SDK_MODULES, type Args } from './sdk.js';
import { concat, UNKNOWN, type Val } from './values.js';
import { Classes } from './classes.js';
import { enter, itemOf, lookupScopes, runRest, type FnVal, type Frame, type Scope } from './evaluate-shared.js';

export type { Frame };

const STD: Record<string, string> = { os: 'os', 'os.path': 'os.path', posixpath: 'os.path', json: 'json', 'urllib.parse': 'urllib.parse', urllib: 'urllib', ntpath: 'os.path' };
export const PASS_THROUGH = new Set(['json.loads', 'urllib.parse.unquote_plus', 'urllib.parse.unquote', 'str']);

export abstract class PythonStatements {
  constructor(protected readonly a: Analysis) {}

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
    runRest(this.a, m, 'function_definition', (fn, args) => this.invoke(fn, args));
  }

  /** Local classes of this run's modules (src/code/classes.ts). */
  protected readonly classes = new Classes();

  invoke(fn: FnVal, args: Args): Val {
    return enter(this.a, fn, (node, module) => {
      const scope: Scope = new Map();
      const params = node.childForFieldName('parameters')?.namedChildren ?? [];
      // a method's first parameter: the instance it was called on, or (called from the rest pass
      // or through the class) the class's instance, whose attributes every method shares
      const owner = this.classes.owner(node, module);
      const self: Val | undefined = fn.self ?? (owner ? this.classes.instance(owner) : undefined);
      let i = 0;
      let first = true;
      for (const p of params) {
        const name = paramName(p);
        if (!name) { i++; continue; }
        if (first && owner && !isStatic(node)) {
          first = false;
          scope.set(name, self ?? UNKNOWN);
          if (!fn.self) i++; // called through the class: the instance was the first argument
          continue;
        }
        first = false;
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
    });
  }

  protected lookup(f: Frame, name: string): Val {
    const v = lookupScopes(f, name);
    if (v) return v;
    if (name === 'str') return { t: 'sdk', sdk: 'py', path: ['str'] };
    return UNKNOWN;
  }

  protected set(f: Frame, name: string, v: Val): void {
    f.scopes[f.scopes.length - 1].set(name, v);
  }

  protected block(stmts: SyntaxNode[], f: Frame): void {
    for (const s of stmts) {
      if (!this.a.tick()) return;
      this.stmt(s, f);
    }
  }

  protected stmt(s: SyntaxNode, f: Frame): void {
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
      case 'class_definition': {
        const name = s.childForFieldName('name')?.text;
        if (name) this.set(f, name, this.classes.of(s, f.module));
        return;
      }
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

  protected withItem(item: SyntaxNode, f: Frame): void {
    const v = item.childForFieldName('value');
    if (!v) return;
    if (v.type === 'as_pattern') {
      const val = this.expr(v.namedChildren[0], f);
      const alias = v.childForFieldName('alias');
      const target = alias?.namedChildren[0] ?? alias;
      if (target) this.bind(target, val, f);
    } else this.expr(v, f);
  }

  protected exprStmt(e: SyntaxNode, f: Frame): void {
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

  protected bind(target: SyntaxNode, v: Val, f: Frame, rightNode?: SyntaxNode): void {
    switch (target.type) {
      case 'identifier': this.set(f, target.text, v); return;
      case 'attribute': { // self.bucket = …: the class's attribute store
        const obj = target.childForFieldName('object');
        const attr = target.childForFieldName('attribute')?.text;
        const o = obj ? this.expr(obj, f) : UNKNOWN;
        if (attr && (o.t === 'inst' || o.t === 'cls')) o.attrs.set(attr, v);
        return;
      }
      case 'pattern_list': case 'tuple_pattern': case 'list_pattern': {
        const items = v.t === 'list' ? v.items : undefined;
        target.namedChildren.forEach((t, i) => this.bind(t, items?.[i] ?? (rightNode && v.t !== 'list' ? itemOf(v) : UNKNOWN), f));
        return;
      }
      default: return; // subscripts are not followed
    }
  }

  protected importStmt(s: SyntaxNode, f: Frame): void {
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

  protected moduleVal(name: string, f: Frame): Val {
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

  protected importFrom(s: SyntaxNode, f: Frame): void {
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

  abstract expr(e: SyntaxNode, f: Frame): Val;
}

export function paramName(p: SyntaxNode): string | undefined {
  if (p.type === 'identifier') return p.text;
  if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return p.childForFieldName('name')?.text;
  if (p.type === 'typed_parameter') return p.namedChildren.find((c) => c.type === 'identifier')?.text;
  return undefined;
}

/** A `@staticmethod`: no instance in its first parameter. */
function isStatic(fn: SyntaxNode): boolean {
  const d = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
  return !!d?.namedChildren.some((c) => c.type === 'decorator' && /^@\s*staticmethod\b/.test(c.text));
}
