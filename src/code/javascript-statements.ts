// The statement half of the Node.js evaluator (src/code/javascript.ts has the expressions):
// CommonJS and ES modules, imports and exports, closures, declarations, destructuring, loops.
import type { Analysis, ModuleInfo } from './context.js';
import type { SyntaxNode } from './parser.js';
import { table, type Args } from './sdk.js';
import { splitItem } from './split.js';
import { regexGuard } from './regex-guard.js';
import { intLiteral } from './string-slices.js';
import { litOf, member, UNKNOWN, type Val } from './values.js';
import { Classes } from './classes.js';
import {
  caseFolded,
  enter,
  indexComparison,
  itemOf,
  keyGuard,
  lookupScopes,
  runRest,
  withGuard,
  type FnVal,
  type Frame,
  type Scope,
} from './evaluate-shared.js';
import type { KeyGuard } from '../model/key-guard.js';
import { joinArms } from './join.js';

export type { Frame };

/** The handler's context argument (FunctionGraph's `context.getUserData(name)` reads the environment). */
const CONTEXT: Val = { t: 'sdk', sdk: 'js', path: ['<context>'] };

export const FUNCTIONS = new Set([
  'function_declaration',
  'function_expression',
  'arrow_function',
  'generator_function_declaration',
  'method_definition',
  'function',
]);
const NODE_STD = table({
  path: 'path',
  'node:path': 'path',
  'path/posix': 'path',
  'node:path/posix': 'path',
  util: 'util',
  'node:util': 'util',
});

export abstract class JsStatements {
  constructor(protected readonly a: Analysis) {}

  runModule(m: ModuleInfo): void {
    if (m.state !== 'new') return;
    m.state = 'running';
    const f: Frame = { scopes: [m.globals], module: m };
    // function declarations are hoisted
    for (const s of m.root.namedChildren) this.hoist(s, f);
    this.block(m.root.namedChildren, f);
    m.state = 'done';
  }

  callHandler(m: ModuleInfo, name: string): boolean {
    this.runModule(m);
    const fn = m.exports.get(name) ?? m.globals.get(name);
    if (!fn || fn.t !== 'fn') return false;
    this.invoke(fn, { pos: [{ t: 'event', path: [] }, CONTEXT, UNKNOWN], kw: new Map() });
    return true;
  }

  runRest(m: ModuleInfo): void {
    runRest(this.a, m, [...FUNCTIONS], (fn, args) => this.invoke(fn, args));
  }

  invoke(fn: FnVal, args: Args): Val {
    return enter(this.a, fn, (node, module) => {
      const scope: Scope = new Map();
      // a method's `this`: the instance it was called on, else its class's instance (classes.ts)
      const owner = node.type === 'method_definition' ? this.classes.owner(node, module) : undefined;
      if (owner) scope.set('this', fn.self ?? this.classes.instance(owner));
      const frame: Frame = { scopes: [...(fn.scopes ?? [module.globals]), scope], module };
      const params =
        node.childForFieldName('parameters')?.namedChildren ??
        (node.childForFieldName('parameter') ? [node.childForFieldName('parameter')!] : []);
      params.filter((p) => p.type !== 'comment').forEach((p, i) => this.bindParam(p, args.pos[i], frame));
      const body = node.childForFieldName('body');
      if (!body) return UNKNOWN;
      if (body.type === 'statement_block') {
        for (const s of body.namedChildren) this.hoist(s, frame);
        this.block(body.namedChildren, frame);
        return frame.ret ?? UNKNOWN;
      }
      return this.expr(body, frame); // an arrow function's expression body
    });
  }

  protected bindParam(p: SyntaxNode, v: Val | undefined, f: Frame): void {
    let target = p;
    if (p.type === 'required_parameter' || p.type === 'optional_parameter')
      target = p.childForFieldName('pattern') ?? p;
    if (target.type === 'assignment_pattern') {
      const left = target.childForFieldName('left');
      const right = target.childForFieldName('right');
      if (left) this.bind(left, v ?? (right ? this.expr(right, f) : UNKNOWN), f);
      return;
    }
    this.bind(target, v ?? UNKNOWN, f);
  }

  protected lookup(f: Frame, name: string): Val {
    const v = lookupScopes(f, name);
    if (v) return v;
    if (name === 'process') return { t: 'sdk', sdk: 'js', path: ['process'] };
    if (name === 'JSON') return { t: 'sdk', sdk: 'js', path: ['JSON'] };
    if (name === 'decodeURIComponent' || name === 'String' || name === 'decodeURI')
      return { t: 'sdk', sdk: 'js', path: [name] };
    if (name === 'require') return { t: 'sdk', sdk: 'js', path: ['require'] };
    if (name === 'module') return { t: 'sdk', sdk: 'js', path: ['module'] };
    if (name === 'exports') return { t: 'sdk', sdk: 'js', path: ['exports'] };
    return UNKNOWN;
  }

  protected set(f: Frame, name: string, v: Val): void {
    f.scopes[f.scopes.length - 1].set(name, v);
  }

  /** Assign to an existing variable where it lives (`client = …` inside a function). */
  protected assign(f: Frame, name: string, v: Val): void {
    for (let i = f.scopes.length - 1; i >= 0; i--)
      if (f.scopes[i].has(name)) {
        f.scopes[i].set(name, v);
        return;
      }
    f.scopes[0].set(name, v);
  }

  protected hoist(s: SyntaxNode, f: Frame): void {
    const decl = s.type === 'export_statement' ? s.childForFieldName('declaration') : s;
    if (!decl) return;
    if (decl.type === 'function_declaration' || decl.type === 'generator_function_declaration') {
      const name = decl.childForFieldName('name')?.text;
      if (!name) return;
      const v: Val = this.closure(decl, f);
      this.set(f, name, v);
      if (s.type === 'export_statement' && f.scopes.length === 1) f.module.exports.set(name, v);
    }
  }

  /** Local classes of this run's modules (src/code/classes.ts). */
  protected readonly classes = new Classes();

  protected closure(node: SyntaxNode, f: Frame): Val {
    return { t: 'fn', node, module: f.module, ...(f.scopes.length > 1 ? { scopes: f.scopes } : {}) };
  }

  /**
   * Functions passed to a call trigger-lint does not model (`new Promise(cb)`, `.then(cb)`,
   * `records.forEach(cb)`) run too, with the item of the receiver when it is a list of records.
   */
  protected callbacks(args: Args, recv: Val): void {
    for (const a of args.pos)
      if (a.t === 'fn') this.invoke(a, { pos: [itemOf(recv), UNKNOWN, UNKNOWN], kw: new Map() });
  }

  protected block(stmts: SyntaxNode[], f: Frame): void {
    for (const s of stmts) {
      if (this.a.limits.stopped) return;
      this.stmt(s, f);
    }
  }

  protected stmt(s: SyntaxNode, f: Frame): void {
    if (!this.a.tick()) return; // every statement, nested ones too: the step and time budgets
    switch (s.type) {
      case 'import_statement':
        return this.importStmt(s, f);
      case 'export_statement': {
        const decl = s.childForFieldName('declaration');
        if (decl) {
          this.stmt(decl, f);
          for (const name of declaredNames(decl)) f.module.exports.set(name, this.lookup(f, name));
          return;
        }
        const value = s.childForFieldName('value');
        if (value) {
          const v = this.expr(value, f);
          f.module.exports.set('default', v);
          if (v.t === 'obj') for (const [k, x] of v.props) f.module.exports.set(k, x);
          return;
        }
        // export * from './x', export { a as b } from './x': the other module's exports
        const src = s.childForFieldName('source');
        const fromSpec = src ? litOf(this.expr(src, f)) : undefined;
        const from = fromSpec !== undefined ? this.moduleVal(fromSpec, f) : undefined;
        if (from?.t === 'mod' && !s.descendantsOfType('export_specifier').length) {
          const ns = s.namedChildren.find((c) => c.type === 'namespace_export')?.namedChildren[0]?.text; // export * as ns from
          if (ns) f.module.exports.set(ns, from);
          else
            for (const [k, x] of (from.module as ModuleInfo).exports) if (k !== 'default') f.module.exports.set(k, x);
          return;
        }
        for (const spec of s.descendantsOfType('export_specifier')) {
          const name = spec.childForFieldName('name')?.text;
          const alias = spec.childForFieldName('alias')?.text;
          if (name) f.module.exports.set(alias ?? name, from ? this.prop(from, name) : this.lookup(f, name));
        }
        return;
      }
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const d of s.namedChildren) {
          if (d.type !== 'variable_declarator') continue;
          const name = d.childForFieldName('name');
          const value = d.childForFieldName('value');
          if (name) this.bind(name, value ? this.expr(value, f) : UNKNOWN, f);
        }
        return;
      case 'function_declaration':
      case 'generator_function_declaration':
        return; // hoisted
      case 'class_declaration': {
        const name = s.childForFieldName('name')?.text;
        if (name) this.set(f, name, this.classes.of(s, f.module));
        return;
      }
      case 'expression_statement':
        for (const c of s.namedChildren) this.expr(c, f);
        return;
      case 'return_statement': {
        const v = s.namedChildren[0];
        if (f.ret === undefined) f.ret = v ? this.expr(v, f) : UNKNOWN;
        return;
      }
      case 'if_statement': {
        const cond = s.childForFieldName('condition');
        if (cond) this.expr(cond, f);
        const body = s.childForFieldName('consequence');
        const alt = s.childForFieldName('alternative');
        // a check on the triggering key guards the arms it decides (src/model/key-guard.ts)
        const guard = (expect: boolean) => (cond ? this.keyTest(cond, f, expect) : undefined);
        this.arms(
          [
            () => withGuard(this.a, guard(true), () => this.arm(body, f)),
            () => withGuard(this.a, alt ? guard(false) : undefined, () => this.arm(alt, f)),
          ],
          f,
        );
        // `if (!key.endsWith('.zip')) return`: what follows runs only for keys that pass
        if (!alt && body && !fallsThrough(body)) {
          const g = guard(false);
          if (g) this.a.guards.push(g);
        }
        return;
      }
      case 'try_statement': {
        const body = s.childForFieldName('body');
        const handler = s.childForFieldName('handler');
        if (body) this.stmt(body, f);
        this.arms([() => !!body && fallsThrough(body), ...(handler ? [() => this.arm(handler, f)] : [])], f);
        const fin = s.childForFieldName('finalizer');
        if (fin) this.stmt(fin, f);
        return;
      }
      case 'switch_statement': {
        const value = s.childForFieldName('value');
        if (value) this.expr(value, f);
        const cases =
          s
            .childForFieldName('body')
            ?.namedChildren.filter((c) => c.type === 'switch_case' || c.type === 'switch_default') ?? [];
        const arms = cases.map((c) => () => this.arm(c, f));
        if (!cases.some((c) => c.type === 'switch_default')) arms.push(() => true);
        this.arms(arms, f);
        return;
      }
      case 'while_statement':
      case 'for_statement': {
        for (const field of ['initializer', 'condition']) {
          const c = s.childForFieldName(field);
          if (c) this.stmtOrExpr(c, f);
        }
        const body = s.childForFieldName('body');
        this.arms(
          [
            () => {
              if (body) this.stmt(body, f);
              return true;
            },
            () => true,
          ],
          f,
        ); // the body may not run
        return;
      }
      case 'statement_block':
      case 'else_clause':
      case 'catch_clause':
      case 'finally_clause':
      case 'do_statement':
      case 'switch_body':
      case 'switch_case':
      case 'switch_default':
      case 'labeled_statement':
        for (const c of s.namedChildren) {
          if (c.type === 'parenthesized_expression' || c.type.endsWith('expression')) this.expr(c, f);
          else this.stmt(c, f);
        }
        return;
      case 'for_in_statement': {
        const left = s.childForFieldName('left');
        const right = s.childForFieldName('right');
        const coll = right ? this.expr(right, f) : UNKNOWN;
        const body = s.childForFieldName('body');
        this.arms(
          [
            () => {
              if (left) this.bind(left, s.children.some((c) => c.type === 'of') ? itemOf(coll) : UNKNOWN, f);
              if (body) this.stmt(body, f);
              return true;
            },
            () => true,
          ],
          f,
        );
        return;
      }
      default:
        if (s.type.endsWith('expression')) this.expr(s, f);
        return;
    }
  }

  private stmtOrExpr(c: SyntaxNode, f: Frame): void {
    if (c.type.endsWith('expression') || c.type === 'identifier') this.expr(c, f);
    else this.stmt(c, f);
  }

  /** Run a statement as an arm: whether it reaches what follows the branch. */
  protected arm(s: SyntaxNode | null, f: Frame): boolean {
    if (!s) return true;
    this.stmt(s, f);
    return fallsThrough(s);
  }

  /** Run arms from one state and join them where they meet (joinArms, src/code/join.ts). */
  protected arms(arms: (() => boolean)[], f: Frame): void {
    joinArms(f, this.a.guards, arms);
  }

  /** A condition that checks the triggering key, as the guard of the arm where it is `expect`. */
  protected keyTest(c: SyntaxNode, f: Frame, expect: boolean): KeyGuard | undefined {
    if (c.type === 'parenthesized_expression' && c.namedChildren[0]) return this.keyTest(c.namedChildren[0], f, expect);
    if (c.type === 'unary_expression' && c.childForFieldName('operator')?.text === '!') {
      const x = c.childForFieldName('argument');
      return x ? this.keyTest(x, f, !expect) : undefined;
    }
    if (c.type === 'binary_expression') {
      // key.indexOf('_thumb') !== -1, key.indexOf('a/') === 0
      const left = c.childForFieldName('left');
      const callee = left?.type === 'call_expression' ? left.childForFieldName('function') : null;
      const args = left?.childForFieldName('arguments')?.namedChildren ?? [];
      const cmp = indexComparison(
        c.childForFieldName('operator')?.text,
        intLiteral(c.childForFieldName('right') ?? undefined),
      );
      const subject = callee?.type === 'member_expression' ? callee.childForFieldName('object') : null;
      if (!cmp || callee?.childForFieldName('property')?.text !== 'indexOf' || args.length !== 1 || !subject)
        return undefined;
      const text = litOf(this.expr(args[0], f));
      return keyGuard(f.module, c, this.expr(subject, f), cmp.test, text, cmp.holds ? expect : !expect);
    }
    if (c.type !== 'call_expression') return undefined;
    const fn = c.childForFieldName('function');
    const method = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : undefined;
    const obj = fn?.childForFieldName('object');
    const arg = c.childForFieldName('arguments')?.namedChildren[0];
    // /^thumbs\//.test(key), key.match(/\.png$/): a regex that is literal text, anchored or not
    const re = method === 'test' ? obj : method === 'match' ? arg : undefined;
    const subject = method === 'test' ? arg : obj;
    if (re?.type === 'regex' && subject) {
      const g = regexGuard(re.childForFieldName('pattern')?.text ?? '', re.childForFieldName('flags')?.text ?? '');
      return g && keyGuard(f.module, c, this.expr(subject, f), g.test, g.text, expect, g.ignoreCase);
    }
    const test =
      method === 'endsWith'
        ? 'suffix'
        : method === 'startsWith'
          ? 'prefix'
          : method === 'includes'
            ? 'contains'
            : undefined;
    if (!obj || !arg || !test) return undefined;
    const text = litOf(this.expr(arg, f));
    // key.toLowerCase().endsWith('.jpg'): the key, its case ignored
    const inner = obj.type === 'call_expression' ? obj.childForFieldName('function') : null;
    const folded =
      inner?.type === 'member_expression' && !obj.childForFieldName('arguments')?.namedChildren.length
        ? caseFolded(inner.childForFieldName('property')?.text, text)
        : false;
    const key = folded ? inner?.childForFieldName('object') : obj;
    if (folded === undefined || !key) return undefined;
    return keyGuard(f.module, c, this.expr(key, f), test, text, expect, !!folded);
  }

  protected bind(target: SyntaxNode, v: Val, f: Frame): void {
    switch (target.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        this.set(f, target.text, v);
        return;
      case 'object_pattern':
        for (const p of target.namedChildren) {
          if (p.type === 'shorthand_property_identifier_pattern') this.set(f, p.text, this.prop(v, p.text));
          else if (p.type === 'pair_pattern') {
            const k = p.childForFieldName('key');
            const val = p.childForFieldName('value');
            if (k && val) this.bind(val, this.prop(v, propName(k)), f);
          } else if (p.type === 'object_assignment_pattern') {
            const left = p.childForFieldName('left');
            const right = p.childForFieldName('right');
            if (left) {
              const got = this.prop(v, left.text);
              this.bind(left, got.t === 'unknown' && right ? this.expr(right, f) : got, f);
            }
          }
        }
        return;
      case 'array_pattern':
        target.namedChildren.forEach((t, i) =>
          this.bind(
            t,
            // const [name, ext] = key.split('.'): the fields of a split
            v.t === 'split'
              ? t.type === 'rest_pattern'
                ? UNKNOWN
                : splitItem(v, i)
              : v.t === 'list'
                ? (v.items[i] ?? UNKNOWN)
                : itemOf(v),
            f,
          ),
        );
        return;
      case 'assignment_pattern': {
        const left = target.childForFieldName('left');
        const right = target.childForFieldName('right');
        if (left) this.bind(left, v.t === 'unknown' && right ? this.expr(right, f) : v, f);
        return;
      }
      default:
        return;
    }
  }

  protected importStmt(s: SyntaxNode, f: Frame): void {
    const src = s.childForFieldName('source');
    const spec = src ? litOf(this.expr(src, f)) : undefined;
    if (spec === undefined) return;
    const mod = this.moduleVal(spec, f);
    const clause = s.namedChildren.find((c) => c.type === 'import_clause');
    if (!clause) return;
    for (const c of clause.namedChildren) {
      if (c.type === 'identifier') this.set(f, c.text, this.defaultOf(mod));
      else if (c.type === 'namespace_import') {
        const id = c.namedChildren.find((x) => x.type === 'identifier');
        if (id) this.set(f, id.text, mod);
      } else if (c.type === 'named_imports') {
        for (const sp of c.namedChildren) {
          if (sp.type !== 'import_specifier') continue;
          const name = sp.childForFieldName('name')?.text;
          const alias = sp.childForFieldName('alias')?.text;
          if (name) this.set(f, alias ?? name, this.prop(mod, name));
        }
      }
    }
  }

  protected defaultOf(mod: Val): Val {
    if (mod.t === 'mod') {
      const m = mod.module as ModuleInfo;
      return m.exports.get('default') ?? { t: 'obj', props: m.exports };
    }
    return mod;
  }

  protected moduleVal(spec: string, f: Frame): Val {
    const sdk = this.a.registry.module(spec);
    if (sdk) {
      this.a.sdks.add(sdk.sdk);
      return { t: 'sdk', sdk: sdk.sdk, path: sdk.path };
    }
    if (NODE_STD[spec]) return { t: 'sdk', sdk: 'js', path: [NODE_STD[spec]] };
    {
      const local = this.a.load(f.module, spec); // ./x, or a tsconfig/jsconfig path alias (src/code/ts-paths.ts)
      if (local) {
        this.runModule(local);
        return { t: 'mod', module: local };
      }
    }
    return UNKNOWN;
  }

  protected prop(v: Val, name: string): Val {
    if (v.t === 'inst' || v.t === 'cls') return this.classes.member(v, name) ?? UNKNOWN;
    if (v.t === 'client') return this.a.registry.clientMember(v, name);
    if (v.t === 'mod') return (v.module as ModuleInfo).exports.get(name) ?? UNKNOWN;
    if (v.t === 'env') return this.envVal(name, undefined);
    if (v.t === 'sdk' && v.sdk === 'js' && v.path.join('.') === 'process' && name === 'env') return { t: 'env' };
    return member(v, name);
  }

  protected envVal(name: string | undefined, dflt: Val | undefined): Val {
    if (name === undefined) return UNKNOWN;
    return this.a.env(name) ?? dflt ?? UNKNOWN;
  }

  abstract expr(e: SyntaxNode, f: Frame): Val;
}

const ENDS = new Set(['return_statement', 'throw_statement', 'continue_statement', 'break_statement']);

/** Whether running a statement can reach what follows it: not when it (or its block) ends in return, throw, continue or break, or in an if whose both arms do. */
export function fallsThrough(s: SyntaxNode): boolean {
  if (ENDS.has(s.type)) return false;
  if (
    s.type === 'statement_block' ||
    s.type === 'else_clause' ||
    s.type === 'catch_clause' ||
    s.type === 'switch_case' ||
    s.type === 'switch_default'
  ) {
    const body = s.type === 'catch_clause' ? s.childForFieldName('body') : s;
    const stmts =
      s.type === 'switch_case' || s.type === 'switch_default'
        ? s.childrenForFieldName('body')
        : (body?.namedChildren ?? []);
    const last = stmts.filter((c) => c.type !== 'comment').pop();
    if (
      last?.type === 'break_statement' &&
      s.type !== 'statement_block' &&
      s.type !== 'else_clause' &&
      s.type !== 'catch_clause'
    )
      return true; // a case's break leaves the switch
    return last ? fallsThrough(last) : true;
  }
  if (s.type === 'if_statement') {
    const body = s.childForFieldName('consequence');
    const alt = s.childForFieldName('alternative');
    return !alt || (!!body && fallsThrough(body)) || fallsThrough(alt);
  }
  return true;
}

export function propName(k: SyntaxNode): string {
  return k.type === 'string' ? k.text.slice(1, -1) : k.text;
}

export function declaredNames(decl: SyntaxNode): string[] {
  if (
    decl.type === 'function_declaration' ||
    decl.type === 'class_declaration' ||
    decl.type === 'generator_function_declaration'
  ) {
    const n = decl.childForFieldName('name')?.text;
    return n ? [n] : [];
  }
  return decl.namedChildren
    .filter((d) => d.type === 'variable_declarator')
    .map((d) => d.childForFieldName('name'))
    .filter((n): n is SyntaxNode => n?.type === 'identifier')
    .map((n) => n.text);
}
