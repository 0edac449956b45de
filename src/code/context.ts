// What the evaluation of one function's code shares across its modules: the modules read
// (each parsed once), the SDKs they import, the writes found, the environment lookup, and the
// bounds (call depth, statements evaluated) that keep any input from taking long.
import type { Lang, SyntaxNode } from './parser.js';
import type { FoundWrite, SdkRegistry } from './sdk.js';
import { SDK_REGISTRY } from './sdks.js';
import type { Val } from './values.js';
import type { KeyGuard } from '../model/key-guard.js';

export interface ModuleInfo {
  /** Display path (relative to the working directory, "/" separators). */
  path: string;
  abs: string;
  lang: Lang;
  text: string;
  root: SyntaxNode;
  /** Module-level names once the module's top level has run. */
  globals: Map<string, Val>;
  /** Exported names (Node.js `exports.x`, `module.exports`, `export …`). */
  exports: Map<string, Val>;
  state: 'new' | 'running' | 'done';
}

export interface Write extends FoundWrite {
  module: ModuleInfo;
}

export const MAX_DEPTH = 8;
/** Statements evaluated per function's code, at most (the default of CodeBudget.functionSteps). */
export const MAX_STEPS = 200_000;

/** Where one function's evaluation must stop: steps left and a wall-clock deadline (performance.now()). */
export interface Limits {
  steps: number;
  deadline: number;
  /** Why the evaluation stopped, once it has. */
  stopped?: 'steps' | 'time';
}

export class Analysis {
  readonly writes: Write[] = [];
  private readonly seen = new Set<string>();
  readonly sdks = new Set<string>();
  readonly stack: SyntaxNode[] = [];
  /** Checks on the triggering key in effect where evaluation is (src/model/key-guard.ts); a write records them. */
  readonly guards: KeyGuard[] = [];
  /** Function nodes evaluated at least once (by start offset per module). */
  readonly ran = new Set<string>();
  steps = 0;
  /** 'rest': functions the handler never reached, evaluated with unknown arguments; their writes count only at call sites not seen yet. */
  phase: 'handler' | 'rest' = 'handler';
  private readonly sites = new Set<string>();

  constructor(
    /** An environment variable of the function, as the config declares it (undefined: not declared). */
    readonly env: (name: string) => Val | undefined,
    /** A local module imported by `from` (relative spec or module name); undefined when it is not in the code folder. */
    readonly load: (from: ModuleInfo, spec: string) => ModuleInfo | undefined,
    readonly limits: Limits = { steps: MAX_STEPS, deadline: Infinity },
    /** The SDKs whose writes count (src/code/sdks.ts). */
    readonly registry: SdkRegistry = SDK_REGISTRY,
  ) {}

  record(module: ModuleInfo, w: FoundWrite): void {
    const id = `${module.abs}\u0000${w.start}\u0000${JSON.stringify(w.bucket)}\u0000${JSON.stringify(w.key)}\u0000${(w.guards ?? []).map((g) => `${g.label}=${g.expect}`).join(',')}`;
    const site = `${module.abs}\u0000${w.start}`;
    if (this.seen.has(id) || (this.phase === 'rest' && this.sites.has(site))) return;
    this.seen.add(id);
    if (this.phase === 'handler') this.sites.add(site);
    this.writes.push({ ...w, module });
  }

  /** Whether evaluation may go on (steps and time left; the clock is read every 256 steps). */
  tick(): boolean {
    const l = this.limits;
    if (l.stopped) return false;
    if (++this.steps >= l.steps) l.stopped = 'steps';
    else if ((this.steps & 255) === 0 && performance.now() > l.deadline) l.stopped = 'time';
    return !l.stopped;
  }
}
