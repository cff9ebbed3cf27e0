// The synchronous call graph of a model, and the graph algorithms the
// architecture rules share: strongly connected components (Tarjan), the
// shortest cycle through a node, and the longest chain of calls from each
// node. Nodes are services, gateways, clients and externals; edges are the
// resolved synchronous calls (`calls` lines and gateway `routes`).
// Asynchronous messages are not edges: they are the accepted way to break a
// cycle. Every algorithm is iterative (no recursion, so no stack overflow on
// long chains or big cycles) and linear in nodes plus edges.

import type { CallInfo, ComponentInfo, Model, ServiceInfo } from "./model";

export type CallNode = ServiceInfo | ComponentInfo;

/** A plain directed graph: nodes 0..size-1, `succ[v]` the targets of v's edges, in order. */
export interface Digraph {
  size: number;
  succ: readonly (readonly number[])[];
}

export interface CallGraph extends Digraph {
  /** Services first, in declaration order, then the gateways, clients and externals in declaration order. */
  nodes: CallNode[];
  /** `edges[v][i]` is the call behind `succ[v][i]`. */
  edges: CallInfo[][];
  indexOf: ReadonlyMap<CallNode, number>;
  /** How many of the first nodes are services. */
  serviceCount: number;
}

export function isService(node: CallNode): node is ServiceInfo {
  return "apis" in node;
}

/** Builds the graph of resolved synchronous calls. Calls whose caller or target did not resolve are left out. */
export function buildCallGraph(model: Model): CallGraph {
  const nodes: CallNode[] = [...model.services];
  for (const c of model.components) if (c.kind === "gateway" || c.kind === "client" || c.kind === "external") nodes.push(c);
  const indexOf = new Map<CallNode, number>();
  nodes.forEach((n, i) => indexOf.set(n, i));
  const succ: number[][] = nodes.map(() => []);
  const edges: CallInfo[][] = nodes.map(() => []);
  for (const node of nodes) {
    const v = indexOf.get(node)!;
    for (const call of node.calls) {
      const w = call.target ? indexOf.get(call.target) : undefined;
      if (w === undefined) continue;
      succ[v]!.push(w);
      edges[v]!.push(call);
    }
  }
  return { size: nodes.length, succ, nodes, edges, indexOf, serviceCount: model.services.length };
}

export interface Components {
  /** The strongly connected components, sinks first (reverse topological order); each lists its nodes in ascending order. */
  components: number[][];
  /** `componentOf[v]`: the index in `components` of v's component. An edge v→w has componentOf[w] <= componentOf[v]. */
  componentOf: Int32Array;
}

/** Tarjan's strongly connected components, iteratively. */
export function stronglyConnectedComponents(graph: Digraph): Components {
  const n = graph.size;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const components: number[][] = [];
  const stack: number[] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    callNode.push(root);
    callEdge.push(0);
    while (callNode.length) {
      const top = callNode.length - 1;
      const v = callNode[top]!;
      const out = graph.succ[v]!;
      const i = callEdge[top]!;
      if (i < out.length) {
        callEdge[top] = i + 1;
        const w = out[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(0);
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (low[v] === index[v]) {
        const id = components.length;
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          componentOf[w] = id;
          members.push(w);
        } while (w !== v);
        members.sort((a, b) => a - b);
        components.push(members);
      }
      if (callNode.length) {
        const u = callNode[callNode.length - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { components, componentOf };
}

/** True when the component holds a cycle: two or more nodes, or one node that calls itself. */
export function isCyclic(graph: Digraph, scc: Components, component: number): boolean {
  const members = scc.components[component]!;
  if (members.length > 1) return true;
  const v = members[0]!;
  return graph.succ[v]!.includes(v);
}

/**
 * The shortest cycle through `start`, as the edge positions taken from each
 * node: `[[start, i0], [v1, i1], …]` where `succ[start][i0] = v1`, and the last
 * edge leads back to `start`. Breadth-first within start's component, so
 * linear in its size; ties go to the earlier edge. Undefined when no cycle
 * passes through `start`.
 */
export function shortestCycleThrough(graph: Digraph, scc: Components, start: number): [number, number][] | undefined {
  const comp = scc.componentOf[start]!;
  const parent = new Map<number, [number, number]>();
  const queue: number[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    const out = graph.succ[v]!;
    for (let i = 0; i < out.length; i++) {
      const w = out[i]!;
      if (scc.componentOf[w] !== comp) continue;
      if (w === start) {
        const path: [number, number][] = [[v, i]];
        let x = v;
        while (x !== start) {
          const p = parent.get(x)!;
          path.push(p);
          x = p[0];
        }
        return path.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, [v, i]);
        queue.push(w);
      }
    }
  }
  return undefined;
}

export interface Chains {
  /** Hops of the longest chain of calls from each node, counting only edges between different components. */
  depth: Int32Array;
  /** The position in `succ[v]` of the first edge of v's longest chain, or -1 when v calls nothing outside its component. */
  next: Int32Array;
}

/**
 * The longest chain of calls from every node. Edges inside a strongly
 * connected component are left out (a cycle is arch/cyclic-dependency's
 * concern), so what remains is acyclic and every chain is a real path that
 * visits each node once. Components come sinks first, so one pass in that
 * order sees every successor's depth before its callers'. Ties go to the
 * earlier edge.
 */
export function longestChains(graph: Digraph, scc: Components): Chains {
  const depth = new Int32Array(graph.size);
  const next = new Int32Array(graph.size).fill(-1);
  for (let c = 0; c < scc.components.length; c++) {
    for (const v of scc.components[c]!) {
      const out = graph.succ[v]!;
      let best = 0;
      for (let i = 0; i < out.length; i++) {
        const w = out[i]!;
        if (scc.componentOf[w] === c) continue;
        const d = depth[w]! + 1;
        if (d > best) {
          best = d;
          next[v] = i;
        }
      }
      depth[v] = best;
    }
  }
  return { depth, next };
}

/** The edges of v's longest chain, as `[node, edge position]` pairs in order. */
export function chainFrom(graph: Digraph, chains: Chains, v: number): [number, number][] {
  const out: [number, number][] = [];
  let x = v;
  while (chains.next[x]! >= 0) {
    const i = chains.next[x]!;
    out.push([x, i]);
    x = graph.succ[x]![i]!;
  }
  return out;
}

export interface CallGraphAnalysis {
  graph: CallGraph;
  scc: Components;
  chains: Chains;
}

const cache = new WeakMap<Model, CallGraphAnalysis>();

/** The call graph of a model with its components and chains, computed once per model. */
export function callGraphOf(model: Model): CallGraphAnalysis {
  let analysis = cache.get(model);
  if (!analysis) {
    const graph = buildCallGraph(model);
    const scc = stronglyConnectedComponents(graph);
    analysis = { graph, scc, chains: longestChains(graph, scc) };
    cache.set(model, analysis);
  }
  return analysis;
}

/** True when the call runs between two nodes of one cycle (the same strongly connected component). */
export function isCallInCycle(analysis: CallGraphAnalysis, call: CallInfo): boolean {
  const { graph, scc } = analysis;
  const v = graph.indexOf.get(call.from);
  const w = call.target ? graph.indexOf.get(call.target) : undefined;
  if (v === undefined || w === undefined) return false;
  return scc.componentOf[v] === scc.componentOf[w] && isCyclic(graph, scc, scc.componentOf[v]!);
}
