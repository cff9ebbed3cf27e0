// arch/cyclic-dependency: services must not call each other in a circle.

import type { RelatedInformation } from "../../../diagnostics/diagnostic";
import { callGraphOf, isCyclic, shortestCycleThrough, type CallNode } from "../../../semantic/graph";
import type { CallInfo } from "../../../semantic/model";
import { defineRule } from "../../rule";

const SHOWN = 8;

function nameOf(node: CallNode): string {
  return node.symbol.name;
}

/** `A → B → C → A`, shortened in the middle for long cycles. */
function describePath(names: string[]): string {
  if (names.length <= SHOWN + 1) return names.join(" → ");
  return [...names.slice(0, SHOWN - 2), "…", ...names.slice(-2)].join(" → ");
}

function callLabel(call: CallInfo): string {
  const from = nameOf(call.from);
  const to = call.target ? nameOf(call.target) : "?";
  return call.decl.kind === "Route" ? `gateway ${from} routes to ${to}` : `${from} calls ${to}`;
}

export default defineRule({
  id: "arch/cyclic-dependency",
  category: "arch",
  severity: "error",
  summary: "Synchronous calls between services form no cycle.",
  fixable: false,
  docs: {
    why: "When services call each other synchronously in a circle, none of them can be deployed, started or scaled on its own, a slow member slows every other, and a request can wait on itself until every thread is taken: a distributed monolith. Only synchronous calls (`calls` lines and gateway `routes`) count: publishing an event instead of calling back is the usual way to break a cycle. Each cycle is reported once, on the call of its first service in declaration order, with the other calls of the cycle as related information.",
    incorrect: `service Orders {
  health "/healthz"
  ready "/readyz"
  calls Billing timeout 2s
}

service Billing {
  health "/healthz"
  ready "/readyz"
  calls Orders timeout 1s
}`,
    correct: `service Orders {
  health "/healthz"
  ready "/readyz"
  calls Billing timeout 2s
}

service Billing {
  health "/healthz"
  ready "/readyz"
  publishes InvoicePaid to billing_events
  event InvoicePaid { invoice_id uuid @key }
}

queue billing_events: kafka`,
    sources: ["msa-nose Cyclic Dependency", "AIP core::0121::no-mutable-cycles"],
  },
  check({ model, report }) {
    const analysis = callGraphOf(model);
    const { graph, scc } = analysis;
    for (let c = 0; c < scc.components.length; c++) {
      if (!isCyclic(graph, scc, c)) continue;
      const members = scc.components[c]!; // ascending: services first, in declaration order
      const start = members[0]!;
      const path = shortestCycleThrough(graph, scc, start);
      if (!path) continue;
      const calls = path.map(([v, i]) => graph.edges[v]![i]!);
      const first = calls[0]!;
      const names = [...calls.map((call) => nameOf(call.from)), nameOf(graph.nodes[start]!)];
      const related: RelatedInformation[] = calls.slice(1).map((call) => ({ uri: call.uri, start: call.span.start, end: call.span.end, message: callLabel(call) }));
      const self = calls.length === 1;
      let more = "";
      const cycleNodes = new Set(calls.map((call) => call.from));
      if (members.length > cycleNodes.size) {
        const others = members.filter((v) => !cycleNodes.has(graph.nodes[v]!)).map((v) => nameOf(graph.nodes[v]!));
        more = ` ${others.length === 1 ? `${others[0]} is` : `${describePath(others).replaceAll(" → ", ", ")} are`} caught in it too, through other calls.`;
      }
      report({
        uri: first.uri,
        start: first.span.start,
        end: first.span.end,
        message: self
          ? `${nameOf(first.from)} calls itself synchronously: each such request holds a thread while it waits for another of its own, and under load it runs out of them.${more} Call the code directly, or publish an event.`
          : `Synchronous calls form a cycle: ${describePath(names)}.${more} None of these services can be deployed or fail on its own; replace one call with an event, or merge the services.`,
        related,
      });
    }
  },
});
