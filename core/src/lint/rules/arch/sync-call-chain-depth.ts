// arch/sync-call-chain-depth: long chains of synchronous calls multiply latency and failure.

import { callGraphOf, chainFrom, isService } from "../../../semantic/graph";
import { defineRule } from "../../rule";

const SHOWN = 8;

interface Options {
  maxDepth: number;
}

export default defineRule<Options>({
  id: "arch/sync-call-chain-depth",
  category: "arch",
  severity: "warning",
  summary: "A service starts no chain of more than 3 synchronous calls.",
  fixable: false,
  options: {
    maxDepth: { description: "The most hops a chain of synchronous calls may have.", schema: { type: "integer", minimum: 1 }, default: 3 },
  },
  docs: {
    why: "Each synchronous hop adds its latency and its failure rate to every request that takes it: five services at 99.9% availability answer together at 99.5%, and the slowest decides the response time. Long chains of HTTP calls are a known microservice anti-pattern; answer from local data kept up to date by events, or call the services side by side instead of through each other. The rule follows `calls` lines and gateway `routes` from every service (a gateway or client is not counted as the start of a chain) and reports the longest chain once, on its first call. Calls within a cycle are arch/cyclic-dependency's concern and are not counted.",
    incorrect: `service A {
  health "/healthz"
  ready "/readyz"
  calls B timeout 4s
}
service B {
  health "/healthz"
  ready "/readyz"
  calls C timeout 3s
}
service C {
  health "/healthz"
  ready "/readyz"
  calls D timeout 2s
}
service D {
  health "/healthz"
  ready "/readyz"
  calls E timeout 1s
}
service E {
  health "/healthz"
  ready "/readyz"
}`,
    correct: `service A {
  health "/healthz"
  ready "/readyz"
  calls B timeout 4s
}
service B {
  health "/healthz"
  ready "/readyz"
  calls C timeout 3s
}
service C {
  health "/healthz"
  ready "/readyz"
  calls D timeout 2s
}
service D {
  health "/healthz"
  ready "/readyz"
  publishes Work to work_queue
  event Work { id uuid @key }
}
queue work_queue: kafka`,
    sources: ["dotnet-ms handle-partial-failure", "dotnet-ms partial-failure-strategies", "MS-Arch antipatterns/chatty-io"],
  },
  check({ model, options, report }) {
    const maxDepth = typeof options.maxDepth === "number" ? options.maxDepth : 3;
    const analysis = callGraphOf(model);
    const { graph, scc, chains } = analysis;
    // A chain that a longer one, from a calling service, already contains is reported once, at its start.
    const calledByService = new Uint8Array(graph.size);
    for (let v = 0; v < graph.serviceCount; v++) {
      for (const w of graph.succ[v]!) if (scc.componentOf[w] !== scc.componentOf[v]) calledByService[w] = 1;
    }
    for (let v = 0; v < graph.serviceCount; v++) {
      const depth = chains.depth[v]!;
      if (depth <= maxDepth || calledByService[v]) continue;
      const node = graph.nodes[v]!;
      if (!isService(node)) continue;
      const path = chainFrom(graph, chains, v);
      const calls = path.map(([x, i]) => graph.edges[x]![i]!);
      const first = calls[0]!;
      const names = [node.symbol.name, ...calls.map((c) => c.target!.symbol.name)];
      const shown = names.length <= SHOWN + 1 ? names.join(" → ") : [...names.slice(0, SHOWN - 2), "…", ...names.slice(-2)].join(" → ");
      report({
        uri: first.uri,
        start: first.span.start,
        end: first.span.end,
        message: `${node.symbol.name} starts a chain of ${depth} synchronous calls (${shown}); more than ${maxDepth} multiply latency and failure. Serve the data from events, or call the services side by side.`,
        related: calls.slice(1).map((c) => ({ uri: c.uri, start: c.span.start, end: c.span.end, message: `${c.from.symbol.name} ${c.decl.kind === "Route" ? "routes to" : "calls"} ${c.target!.symbol.name}` })),
      });
    }
  },
});
