// arch/sync-call-timeout: every synchronous call has a timeout, and the timeouts fit inside each other.

import type { Fix } from "../../../diagnostics/diagnostic";
import { callGraphOf, isCallInCycle, type CallGraphAnalysis } from "../../../semantic/graph";
import type { CallInfo, ComponentInfo, Model, ServiceInfo } from "../../../semantic/model";
import type { CallsRelation } from "../../../syntax/ast";
import { defineRule, type ReportDescriptor } from "../../rule";
import { insertIntoBlock } from "./_edits";

/** The timeout a fix proposes for a call: 2s, or more when the target's own calls need longer. */
const DEFAULT_CALL_TIMEOUT_MS = 2000;
/** The timeout a fix proposes for a gateway: 5s, or more when a routed service's calls need longer. */
const DEFAULT_GATEWAY_TIMEOUT_MS = 5000;
/** Round durations a proposed timeout is chosen from. */
const LADDER_MS = [1000, 2000, 3000, 5000, 10_000, 15_000, 20_000, 30_000, 45_000, 60_000, 90_000, 120_000, 180_000, 300_000, 600_000];

function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** The smallest round duration of at least `floor` that is strictly greater than `budget`. */
function proposeTimeout(floor: number, budget: number): number {
  for (const ms of LADDER_MS) if (ms >= floor && ms > budget) return ms;
  return Math.ceil((budget + 1) / 60_000) * 60_000;
}

/** How long a caller of `node` may have to wait: the largest `timeout × (retries + 1)` among its calls that have a timeout. */
function budgetOf(node: ServiceInfo | ComponentInfo): { ms: number; call?: CallInfo } {
  let best: { ms: number; call?: CallInfo } = { ms: 0 };
  for (const call of node.calls) {
    if (call.timeoutMs === undefined) continue;
    const ms = call.timeoutMs * ((call.retries ?? 0) + 1);
    if (ms > best.ms) best = { ms, call };
  }
  return best;
}

function describeBudget(call: CallInfo): string {
  const target = call.target ? call.target.symbol.name : "?";
  const timeout = formatDuration(call.timeoutMs ?? 0);
  const retries = call.retries ?? 0;
  return retries > 0 ? `its call to ${target} can take ${timeout} × ${retries + 1} attempts = ${formatDuration((call.timeoutMs ?? 0) * (retries + 1))}` : `its call to ${target} can take ${timeout}`;
}

function isExternal(call: CallInfo): boolean {
  return !!call.target && "kind" in call.target && call.target.kind === "external";
}

function gatewayTimeoutProperty(gateway: ComponentInfo) {
  return gateway.properties.find((p) => p.key.text === "timeout");
}

export default defineRule({
  id: "arch/sync-call-timeout",
  category: "arch",
  severity: "warning",
  summary: "Every synchronous call has a timeout that covers the calls it waits on.",
  fixable: true,
  docs: {
    why: "A call without a timeout waits as long as the slowest server lets it: one hung dependency holds a thread per request until the caller runs out and fails too, and the outage cascades upstream. Every `calls` line needs a `timeout` (a gateway's routes take the gateway's `timeout`). The timeouts must also nest: when A calls B with a 1s timeout while B waits up to 2s for C (or 3 × 500ms with retries), A gives up while B is still working, and B's retries only add load. So A→B's timeout must exceed the largest `timeout × (retries + 1)` among B's own calls. Calls within a cycle are left to arch/cyclic-dependency, since no budget can nest around a cycle. A missing timeout on a call to an `external` system is an error: its latency is outside your control.",
    incorrect: `service Orders {
  health "/healthz"
  ready "/readyz"
  calls Catalog
  calls Payments timeout 1s
}

service Payments {
  health "/healthz"
  ready "/readyz"
  calls stripe timeout 2s breaker
}

service Catalog {
  health "/healthz"
  ready "/readyz"
}

external stripe "Stripe payments API"`,
    correct: `service Orders {
  health "/healthz"
  ready "/readyz"
  calls Catalog timeout 2s
  calls Payments timeout 3s
}

service Payments {
  health "/healthz"
  ready "/readyz"
  calls stripe timeout 2s breaker
}

service Catalog {
  health "/healthz"
  ready "/readyz"
}

external stripe "Stripe payments API"`,
    fix: "Adds `timeout 2s` to a call (5s to a gateway), or the next round duration above what the target's own calls can take (`10s` when the target waits up to 8s). Review the value: it should match the target's real latency.",
    sources: ["dotnet-ms partial-failure-strategies (always use timeouts)", "MS-Arch patterns/circuit-breaker", "MS-Arch antipatterns/retry-storm"],
  },
  check({ model, report, text }) {
    const analysis = callGraphOf(model);
    reportMissing(model, analysis, report, text);
    for (const call of model.calls) {
      if (call.timeoutMs === undefined || !call.target || isCallInCycle(analysis, call)) continue;
      const budget = budgetOf(call.target);
      if (!budget.call || call.timeoutMs > budget.ms) continue;
      const inner = budget.call;
      const from = call.from.symbol.name;
      const to = call.target.symbol.name;
      const own = formatDuration(call.timeoutMs);
      const what = call.decl.kind === "Route" ? `Gateway ${from} gives ${to} ${own} (its \`timeout\`)` : `${from} gives ${to} ${own}`;
      report({
        uri: call.uri,
        start: call.span.start,
        end: call.span.end,
        message: `${what}, but ${to} may need longer: ${describeBudget(inner)}. ${from} gives up while ${to} is still working; raise this timeout above ${formatDuration(budget.ms)} or lower the timeouts of the calls ${to} makes.`,
        related: [{ uri: inner.uri, start: inner.span.start, end: inner.span.end, message: `the call of ${to} that can take ${formatDuration(budget.ms)}` }],
      });
    }
  },
});

function reportMissing(model: Model, analysis: CallGraphAnalysis, report: (d: ReportDescriptor) => void, text: (uri: string) => string): void {
  const gateways = new Set<ComponentInfo>();
  for (const call of model.calls) {
    if (call.decl.kind === "Route") {
      const gateway = call.decl.gateway;
      if (!gatewayTimeoutProperty(gateway)) gateways.add(gateway);
      continue;
    }
    const rel: CallsRelation = call.decl;
    if (rel.timeout) continue;
    // Inside a cycle no budget can nest; propose the plain default there.
    const budget = call.target && !isCallInCycle(analysis, call) ? budgetOf(call.target).ms : 0;
    const ms = proposeTimeout(DEFAULT_CALL_TIMEOUT_MS, budget);
    const at = rel.path ?? rel.target;
    const fix: Fix = { title: `Add \`timeout ${formatDuration(ms)}\``, preferred: true, edits: [{ uri: call.uri, start: at.end, end: at.end, newText: ` timeout ${formatDuration(ms)}` }] };
    const to = call.target ? call.target.symbol.name : rel.target.text;
    const external = isExternal(call);
    report({
      uri: call.uri,
      start: rel.start,
      end: rel.end,
      message: `${call.from.symbol.name} calls ${to} without a timeout: one hung ${external ? "external system" : "service"} then holds a thread per request until ${call.from.symbol.name} fails too.`,
      fixes: [fix],
      ...(external ? { severity: "error" as const } : {}),
    });
  }
  for (const gateway of gateways) {
    const routes = gateway.calls.filter((c) => c.decl.kind === "Route" && c.target);
    let budget = 0;
    for (const r of routes) budget = Math.max(budget, budgetOf(r.target!).ms);
    const ms = proposeTimeout(DEFAULT_GATEWAY_TIMEOUT_MS, budget);
    const block = gateway.decl.block;
    const names = routes.map((r) => r.target!.symbol.name);
    report({
      uri: gateway.uri,
      start: gateway.decl.name.start,
      end: gateway.decl.name.end,
      message: `Gateway ${gateway.symbol.name} routes to ${names.length ? names.join(", ") : "services"} without a \`timeout\`: a hung service then holds the gateway's connections until it fails for every route.`,
      ...(block ? { fixes: [{ title: `Add \`timeout ${formatDuration(ms)}\``, preferred: true, edits: [insertIntoBlock(text(gateway.uri), gateway.uri, block, [`timeout ${formatDuration(ms)}`])] }] } : {}),
    });
  }
}
