// Local classes in handler code (Python `class`, JavaScript `class`): one value per class
// definition with one attribute store, shared by every instance and every method of the class —
// what `__init__` / `constructor` assigns to `self.bucket` / `this.client` is what any method
// reads there. Coarser than one store per instance, and enough for the handler that builds one
// object and calls it (CodeQL's and Semgrep's taint rules track fields the same field-sensitive,
// instance-insensitive way).
import type { ModuleInfo } from './context.js';
import type { SyntaxNode } from './parser.js';
import type { Val } from './values.js';

export type ClassVal = Extract<Val, { attrs: Map<string, Val> }>;
type FnVal = Extract<Val, { t: 'fn' }>;

const CLASS_NODES = new Set(['class_definition', 'class_declaration', 'class']);

export class Classes {
  private readonly byId = new Map<string, ClassVal>();

  /** The value of a class definition (the same object every time it is evaluated). */
  of(node: SyntaxNode, module: ModuleInfo): ClassVal {
    const id = `${module.abs}:${node.startIndex}`;
    let c = this.byId.get(id);
    if (!c) this.byId.set(id, (c = { t: 'cls', node, module, attrs: new Map<string, Val>() }));
    return c;
  }

  /** An instance of a class: the class's own attribute store. */
  instance(c: ClassVal): ClassVal {
    return { ...c, t: 'inst' };
  }

  /** The class a function is a method of: a Python `def` in a class body, a JavaScript method definition. */
  owner(fn: SyntaxNode, module: ModuleInfo): ClassVal | undefined {
    let def = fn;
    if (def.parent?.type === 'decorated_definition') def = def.parent;
    const body = def.parent;
    const cls = body?.type === 'block' || body?.type === 'class_body' ? body.parent : null;
    return cls && CLASS_NODES.has(cls.type) ? this.of(cls, module) : undefined;
  }

  /** A method by name, bound to the instance when read from one. */
  method(v: ClassVal, name: string): FnVal | undefined {
    for (const c of v.node.childForFieldName('body')?.namedChildren ?? []) {
      const def = c.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
      if (!def || (def.type !== 'function_definition' && def.type !== 'method_definition')) continue;
      if (def.childForFieldName('name')?.text !== name) continue;
      return { t: 'fn', node: def, module: v.module, ...(v.t === 'inst' ? { self: v } : {}) };
    }
    return undefined;
  }

  /** A member of an instance or a class: an attribute assigned to it, else a method. */
  member(v: ClassVal, name: string): Val | undefined {
    return v.attrs.get(name) ?? this.method(v, name);
  }
}
