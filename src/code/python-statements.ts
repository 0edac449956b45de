// The statement half of the Python evaluator (src/code/python.ts has the expressions): modules,
// imports, functions entered with their arguments, assignments, loops and blocks, in order.
import type { Analysis, ModuleInfo } from './context.js';
import type { SyntaxNode } from './parser.js';
import { table, type Args } from './sdk.js';
import { splitItem } from './split.js';
import { regexGuard } from './regex-guard.js';
import { intLiteral } from './string-slices.js';
import { concat, litOf, UNKNOWN, type Val } from './values.js';
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

const STD = table({
  os: 'os',
  'os.path': 'os.path',
  posixpath: 'os.path',
  json: 'json',
  'urllib.parse': 'urllib.parse',
  urllib: 'urllib',
  ntpath: 'os.path',
  re: 're',
  pathlib: 'pathlib',
});
export const PASS_THROUGH = new Set([
  'json.loads',
  'urllib.parse.unquote_plus',
  'urllib.parse.unquote',
  'str',
  'pathlib.Path',
  'pathlib.PurePath',
  'pathlib.PurePosixPath',
  'pathlib.PosixPath',
]);

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
    this.invoke(fn, {
      pos: [
        { t: 'event', path: [] },
        { t: 'sdk', sdk: 'py', path: ['<context>'] },
      ],
      kw: new Map(),
    });
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
        if (!name) {
          i++;
          continue;
        }
        if (first && owner && !isStatic(node)) {
          first = false;
          scope.set(name, self ?? UNKNOWN);
          if (!fn.self) i++; // called through the class: the instance was the first argument
          continue;
        }
        first = false;
        if (name === 'self' || name === 'cls') {
          if (i === 0) {
            scope.set(name, UNKNOWN);
            i++;
            continue;
          }
        }
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
      if (this.a.limits.stopped) return;
      this.stmt(s, f);
    }
  }

  protected stmt(s: SyntaxNode, f: Frame): void {
    if (!this.a.tick()) return; // every statement, nested ones too: the step and time budgets
    switch (s.type) {
      case 'import_statement':
        return this.importStmt(s, f);
      case 'import_from_statement':
        return this.importFrom(s, f);
      case 'future_import_statement':
        return;
      case 'function_definition': {
        const name = s.childForFieldName('name')?.text;
        if (name)
          this.set(f, name, {
            t: 'fn',
            node: s,
            module: f.module,
            ...(f.scopes.length > 1 ? { scopes: f.scopes } : {}),
          });
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
      case 'if_statement':
        return this.ifStmt(s, f);
      case 'try_statement':
        return this.tryStmt(s, f);
      case 'match_statement':
        return this.matchStmt(s, f);
      case 'while_statement': {
        const cond = s.childForFieldName('condition');
        if (cond) this.expr(cond, f);
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
        const alt = s.childForFieldName('alternative');
        if (alt) this.stmt(alt, f);
        return;
      }
      case 'elif_clause':
      case 'else_clause':
      case 'except_clause':
      case 'finally_clause':
      case 'block':
      case 'with_statement':
      case 'with_clause':
      case 'case_clause':
        for (const c of s.namedChildren) {
          if (c.type === 'with_item') this.withItem(c, f);
          else if (c.type === 'block' || c.type.endsWith('_clause') || c.type.endsWith('_statement')) this.stmt(c, f);
        }
        return;
      case 'for_statement': {
        const left = s.childForFieldName('left');
        const right = s.childForFieldName('right');
        const coll = right ? this.expr(right, f) : UNKNOWN;
        const body = s.childForFieldName('body');
        this.arms(
          [
            () => {
              if (left) this.bind(left, itemOf(coll), f);
              if (body) this.stmt(body, f);
              return true;
            },
            () => true,
          ],
          f,
        ); // the body may not run
        const alt = s.childForFieldName('alternative');
        if (alt) this.stmt(alt, f);
        return;
      }
      default:
        return;
    }
  }

  /** `if/elif/else`: every arm from the same state, joined where they meet (src/code/join.ts). */
  protected ifStmt(s: SyntaxNode, f: Frame): void {
    const arms: (() => boolean)[] = [];
    const cond = s.childForFieldName('condition');
    if (cond) this.expr(cond, f);
    // a check on the triggering key guards the arms it decides (src/model/key-guard.ts)
    const guard = (expect: boolean) => (cond ? this.keyTest(cond, f, expect) : undefined);
    const body = s.childForFieldName('consequence');
    arms.push(() => withGuard(this.a, guard(true), () => this.arm(body, f)));
    const alts = s.childrenForFieldName('alternative');
    let hasElse = false;
    for (const alt of alts) {
      if (alt.type === 'else_clause') {
        hasElse = true;
        arms.push(() =>
          withGuard(this.a, alts.length === 1 ? guard(false) : undefined, () =>
            this.arm(alt.childForFieldName('body'), f),
          ),
        );
        continue;
      }
      const c = alt.childForFieldName('condition');
      arms.push(() => {
        if (c) this.expr(c, f);
        return this.arm(alt.childForFieldName('consequence'), f);
      });
    }
    if (!hasElse) arms.push(() => true);
    this.arms(arms, f);
    // `if not key.endswith('.zip'): return`: what follows runs only for keys that pass
    if (alts.length === 0 && body && !fallsThrough(body)) {
      const g = guard(false);
      if (g) this.a.guards.push(g);
    }
  }

  /** A condition that checks the triggering key, as the guard of the arm where it is `expect`. */
  protected keyTest(c: SyntaxNode, f: Frame, expect: boolean): KeyGuard | undefined {
    if (c.type === 'parenthesized_expression' && c.namedChildren[0]) return this.keyTest(c.namedChildren[0], f, expect);
    if (c.type === 'not_operator') {
      const x = c.childForFieldName('argument');
      return x ? this.keyTest(x, f, !expect) : undefined;
    }
    if (c.type === 'call') {
      const fn = c.childForFieldName('function');
      // re.match(r'thumbs/', key), re.search(r'\.png$', key): a regex that is literal text, no flags
      const reArgs = c.childForFieldName('arguments')?.namedChildren ?? [];
      // re.I / re.IGNORECASE as the flags: the key's case does not count
      const reFlags = reArgs[2]?.text;
      const ignore = reFlags === 're.I' || reFlags === 're.IGNORECASE';
      if (
        (fn?.text === 're.match' || fn?.text === 're.search') &&
        (reArgs.length === 2 || (reArgs.length === 3 && ignore)) &&
        reArgs[0].type !== 'keyword_argument'
      ) {
        const g = regexGuard(litOf(this.expr(reArgs[0], f)) ?? '', ignore ? 'i' : '', fn.text === 're.match');
        return g && keyGuard(f.module, c, this.expr(reArgs[1], f), g.test, g.text, expect, g.ignoreCase);
      }
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      const obj = fn?.childForFieldName('object');
      const arg = c.childForFieldName('arguments')?.namedChildren[0];
      if (!obj || !arg || (method !== 'endswith' && method !== 'startswith')) return undefined;
      const text = litOf(this.expr(arg, f));
      // key.lower().endswith('.jpg'): the key, its case ignored
      const inner = obj.type === 'call' ? obj.childForFieldName('function') : null;
      const folded =
        inner?.type === 'attribute' && !obj.childForFieldName('arguments')?.namedChildren.length
          ? caseFolded(inner.childForFieldName('attribute')?.text, text)
          : false;
      const key = folded ? inner?.childForFieldName('object') : obj;
      if (folded === undefined || !key) return undefined;
      return keyGuard(
        f.module,
        c,
        this.expr(key, f),
        method === 'endswith' ? 'suffix' : 'prefix',
        text,
        expect,
        !!folded,
      );
    }
    if (c.type === 'comparison_operator' && c.namedChildren.length === 2 && c.namedChildren[0].type === 'call') {
      // key.find('_thumb') >= 0, key.find('a/') == 0
      const [left, right] = c.namedChildren;
      const callee = left.childForFieldName('function');
      const args = left.childForFieldName('arguments')?.namedChildren ?? [];
      const cmp = indexComparison(c.children.find((x) => !x.isNamed)?.text, intLiteral(right));
      const subject = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
      if (!cmp || callee?.childForFieldName('attribute')?.text !== 'find' || args.length !== 1 || !subject)
        return undefined;
      return keyGuard(
        f.module,
        c,
        this.expr(subject, f),
        cmp.test,
        litOf(this.expr(args[0], f)),
        cmp.holds ? expect : !expect,
      );
    }
    if (c.type === 'comparison_operator' && c.namedChildren.length === 2) {
      const op = c.children.find((x) => !x.isNamed)?.text;
      const not = c.children.some((x) => x.type === 'not in');
      if (op !== 'in' && !not) return undefined;
      const [needle, hay] = c.namedChildren;
      return keyGuard(f.module, c, this.expr(hay, f), 'contains', litOf(this.expr(needle, f)), not ? !expect : expect);
    }
    return undefined;
  }

  /** `try/except/else/finally`: the body runs, then the else arm or any except arm, joined; then finally. */
  protected tryStmt(s: SyntaxNode, f: Frame): void {
    const arms: (() => boolean)[] = [];
    let hasElse = false;
    const body = s.childForFieldName('body');
    if (body) this.stmt(body, f);
    for (const c of s.namedChildren) {
      if (c.type === 'else_clause') {
        hasElse = true;
        arms.push(() => this.arm(c.childForFieldName('body'), f));
      } else if (c.type === 'except_clause' || c.type === 'except_group_clause') arms.push(() => this.arm(c, f));
    }
    if (!hasElse) arms.push(() => !!body && fallsThrough(body));
    this.arms(arms, f);
    for (const c of s.namedChildren) if (c.type === 'finally_clause') this.stmt(c, f);
  }

  /** `match`: each case from the same state, and no case at all, joined. */
  protected matchStmt(s: SyntaxNode, f: Frame): void {
    const subject = s.childForFieldName('subject');
    if (subject) this.expr(subject, f);
    const cases = s.childForFieldName('body')?.namedChildren.filter((c) => c.type === 'case_clause') ?? [];
    this.arms([...cases.map((c) => () => this.arm(c.childForFieldName('consequence'), f)), () => true], f);
  }

  /** Run a block as an arm: whether it reaches what follows the branch. */
  protected arm(block: SyntaxNode | null, f: Frame): boolean {
    if (!block) return true;
    this.stmt(block, f);
    return fallsThrough(block);
  }

  /** Run arms from one state and join them where they meet (joinArms, src/code/join.ts). */
  protected arms(arms: (() => boolean)[], f: Frame): void {
    joinArms(f, this.a.guards, arms);
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
      case 'identifier':
        this.set(f, target.text, v);
        return;
      case 'attribute': {
        // self.bucket = …: the class's attribute store
        const obj = target.childForFieldName('object');
        const attr = target.childForFieldName('attribute')?.text;
        const o = obj ? this.expr(obj, f) : UNKNOWN;
        if (attr && (o.t === 'inst' || o.t === 'cls')) o.attrs.set(attr, v);
        return;
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern': {
        const items = v.t === 'list' ? v.items : undefined;
        target.namedChildren.forEach((t, i) =>
          this.bind(
            t,
            // name, ext = key.split('.', 1) / key.rsplit('.', 1): the fields of a split
            v.t === 'split'
              ? t.type === 'list_splat_pattern'
                ? UNKNOWN
                : splitItem(v, v.rsplit && v.max === 1 && i === 1 ? -1 : i)
              : (items?.[i] ?? (rightNode && v.t !== 'list' ? itemOf(v) : UNKNOWN)),
            f,
          ),
        );
        return;
      }
      default:
        return; // subscripts are not followed
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
    const sdk = this.a.registry.module(name);
    if (sdk) {
      this.a.sdks.add(sdk.sdk);
      return { t: 'sdk', sdk: sdk.sdk, path: sdk.path };
    }
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

const ENDS = new Set(['return_statement', 'raise_statement', 'continue_statement', 'break_statement']);

/** Whether running a block (or statement) can reach what follows it: not when it ends in return, raise, continue or break, or in an if whose every arm does. */
export function fallsThrough(s: SyntaxNode): boolean {
  if (ENDS.has(s.type)) return false;
  if (s.type === 'block' || s.type === 'else_clause' || s.type === 'except_clause') {
    const last =
      s.type === 'block'
        ? s.namedChildren.filter((c) => c.type !== 'comment').pop()
        : s.namedChildren.filter((c) => c.type === 'block').pop();
    return last ? fallsThrough(last) : true;
  }
  if (s.type === 'if_statement') {
    const alts = s.childrenForFieldName('alternative');
    if (!alts.some((a) => a.type === 'else_clause')) return true;
    const body = s.childForFieldName('consequence');
    return (
      (!!body && fallsThrough(body)) ||
      alts.some((a) => fallsThrough(a.childForFieldName(a.type === 'else_clause' ? 'body' : 'consequence') ?? a))
    );
  }
  return true;
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
