import { describe, expect, it } from "vitest";
import { chainFrom, isCyclic, longestChains, shortestCycleThrough, stronglyConnectedComponents, type Digraph } from "./graph";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function randomGraph(n: number, edges: number, seed: number): Digraph {
  const r = random(seed);
  const succ: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < edges; e++) succ[Math.floor(r() * n)]!.push(Math.floor(r() * n));
  return { size: n, succ };
}

function reach(g: Digraph, from: number): Set<number> {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length) for (const w of g.succ[todo.pop()!]!) if (!seen.has(w)) (seen.add(w), todo.push(w));
  return seen;
}

describe("call graph algorithms", () => {
  it("strongly connected components match mutual reachability, sinks first", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = randomGraph(12, 4 + seed % 20, seed);
      const scc = stronglyConnectedComponents(g);
      const reaches = Array.from({ length: g.size }, (_, v) => reach(g, v));
      for (let v = 0; v < g.size; v++) {
        for (let w = 0; w < g.size; w++) {
          const same = reaches[v]!.has(w) && reaches[w]!.has(v);
          expect(scc.componentOf[v] === scc.componentOf[w]).toBe(same);
        }
        for (const w of g.succ[v]!) expect(scc.componentOf[w]!).toBeLessThanOrEqual(scc.componentOf[v]!);
      }
    }
  });

  it("longest chains are the longest paths over edges between components", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = randomGraph(10, 6 + seed % 15, seed * 7);
      const scc = stronglyConnectedComponents(g);
      const chains = longestChains(g, scc);
      const brute = (v: number): number => {
        let best = 0;
        for (const w of g.succ[v]!) if (scc.componentOf[w] !== scc.componentOf[v]) best = Math.max(best, 1 + brute(w));
        return best;
      };
      for (let v = 0; v < g.size; v++) {
        expect(chains.depth[v]).toBe(brute(v));
        const path = chainFrom(g, chains, v);
        expect(path.length).toBe(chains.depth[v]);
        const visited = new Set([v, ...path.map(([x, i]) => g.succ[x]![i]!)]);
        expect(visited.size).toBe(path.length + 1);
      }
    }
  });

  it("the shortest cycle through a node is a real cycle of minimal length", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = randomGraph(10, 10 + seed % 15, seed * 13);
      const scc = stronglyConnectedComponents(g);
      for (let v = 0; v < g.size; v++) {
        const cycle = shortestCycleThrough(g, scc, v);
        expect(cycle !== undefined).toBe(isCyclic(g, scc, scc.componentOf[v]!));
        if (!cycle) continue;
        let x = v;
        for (const [from, i] of cycle) {
          expect(from).toBe(x);
          x = g.succ[from]![i]!;
        }
        expect(x).toBe(v);
        // No shorter cycle: breadth-first distance from v's successors back to v.
        const dist = new Map<number, number>();
        const queue: number[] = [];
        for (const w of g.succ[v]!) if (!dist.has(w)) (dist.set(w, 1), queue.push(w));
        for (let h = 0; h < queue.length; h++) for (const w of g.succ[queue[h]!]!) if (!dist.has(w)) (dist.set(w, dist.get(queue[h]!)! + 1), queue.push(w));
        expect(cycle.length).toBe(dist.get(v));
      }
    }
  });

  it("handles 10,000 nodes in one cycle, and a 100,000-node chain, without recursion", () => {
    const n = 10_000;
    const cycle: Digraph = { size: n, succ: Array.from({ length: n }, (_, i) => [(i + 1) % n]) };
    let scc = stronglyConnectedComponents(cycle);
    expect(scc.components).toHaveLength(1);
    expect(shortestCycleThrough(cycle, scc, 0)).toHaveLength(n);
    expect(Math.max(...longestChains(cycle, scc).depth)).toBe(0);
    const m = 100_000;
    const line: Digraph = { size: m, succ: Array.from({ length: m }, (_, i) => (i + 1 < m ? [i + 1] : [])) };
    scc = stronglyConnectedComponents(line);
    expect(scc.components).toHaveLength(m);
    expect(longestChains(line, scc).depth[0]).toBe(m - 1);
  });
});
