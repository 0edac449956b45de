// The trigger graph of one run (issue #14): what invokes which function, and where each function
// writes. Plain data, built from the Model and the run's findings (src/graph/build.ts), drawn by
// the renderers in this folder (Mermaid, DOT, JSON; SVG from DOT).
import type { Severity } from '../types.js';

/**
 * bucket → trigger → function → bucket (a storage trigger is a node of its own: events and
 * filter); the other trigger kinds are their own nodes: a timer, a gateway (HTTP/API gateway),
 * a log store, a queue (or topic), an EventBridge source, or another event source.
 */
export type NodeKind =
  'bucket' | 'trigger' | 'function' | 'timer' | 'gateway' | 'logstore' | 'queue' | 'eventbridge' | 'source';

/**
 * `fires`: an event source fires a trigger or a function (bucket → trigger, timer → function…);
 * `invokes`: a storage trigger invokes its function; `writes`: a function writes into a bucket;
 * `logs`: a log trigger sends its execution logs to a log store; `overlaps`: two triggers of
 * one bucket fire on the same objects.
 */
export type EdgeKind = 'fires' | 'invokes' | 'writes' | 'logs' | 'overlaps';

/** A finding drawn on the graph: the rule that reports it and its severity. */
export interface Mark {
  ruleId: string;
  severity: Severity;
}

/** 1-based, like the findings of a report. */
export interface GraphPosition {
  path: string;
  line: number;
  column: number;
}

export interface GraphNode {
  /** Stable within one graph: `b0`, `t3`, `f1`… in order of appearance in the Model. */
  id: string;
  kind: NodeKind;
  /** Lines of text to draw: the first names the node, the others detail it. */
  label: string[];
  /** The value that names the node is not known (an unresolved variable): drawn as unknown, never merged. */
  unknown?: boolean;
  at?: GraphPosition;
  /** Facts for tools (json format): vendor, name, events, prefix, suffix, schedule… */
  data: Record<string, string | string[] | boolean | null>;
  marks: Mark[];
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Text drawn on the edge (a write's prefix and how it is known). */
  label?: string;
  /** For `writes`: how the write is known (env, mount, policy, declared, code). */
  via?: string;
  /** For `writes`: the key prefix written under; null when not known. */
  prefix?: string | null;
  at?: GraphPosition;
  /** Part of a loop the run reports (red), or an overlap (red, dashed). */
  marks: Mark[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
