// The architecture flowchart: clients, gateways, services, databases, caches,
// queues and externals, grouped in a subgraph per system. Synchronous calls are
// solid arrows labelled with the endpoint, messages are dotted arrows labelled
// with the event, data access points at the store it uses.

import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { ArchSymbol, ComponentInfo, Model, ServiceInfo, SystemInfo } from "../../semantic/model";
import { type DiagramNode, type DiagramResult, type DiagramScope, type ScopeTarget, LIMITS, diagnosticAt, isService, nodeOf, resolveScope } from "./common";
import { FRONTMATTER, IdAllocator, mermaidText, quoted } from "./escape";

export type ArchNodeKind = "client" | "gateway" | "service" | "database" | "cache" | "queue" | "external";

interface GNode {
  info: ServiceInfo | ComponentInfo;
  kind: ArchNodeKind;
  system?: SystemInfo;
  symbol: ArchSymbol;
  /** Declaration order, for deterministic output. */
  order: number;
}

type EdgeStyle = "sync" | "async" | "data";

interface GEdge {
  from: GNode;
  to: GNode;
  style: EdgeStyle;
  labels: string[];
  /** Async edge through a queue, or a dead-letter edge (for collapsing). */
  via?: "message" | "dead-letter";
}

export interface ArchitectureGraph {
  nodes: GNode[];
  edges: GEdge[];
}

const KIND_RANK: Record<ArchNodeKind, number> = { client: 0, gateway: 1, service: 2, external: 3, database: 4, cache: 5, queue: 6 };
const PREFIX: Record<ArchNodeKind, string> = { client: "cl", gateway: "gw", service: "svc", database: "db", cache: "cache", queue: "q", external: "ext" };

const CLASS_DEFS: Record<ArchNodeKind, string> = {
  client: "fill:#fff4e5,stroke:#b26a00,color:#1f1f1f",
  gateway: "fill:#f3e5f5,stroke:#7b1fa2,color:#1f1f1f",
  service: "fill:#e3f2fd,stroke:#1565c0,color:#1f1f1f",
  external: "fill:#eceff1,stroke:#455a64,color:#1f1f1f,stroke-dasharray:4 3",
  database: "fill:#e8f5e9,stroke:#2e7d32,color:#1f1f1f",
  cache: "fill:#fffde7,stroke:#f9a825,color:#1f1f1f",
  queue: "fill:#fce4ec,stroke:#ad1457,color:#1f1f1f",
};

/** Most labels shown on one merged edge before `+N more`. */
const MAX_EDGE_LABELS = 4;

/** Every service and component of the model as a node, every relation as an edge (parallel relations merged). */
export function architectureGraph(model: Model): ArchitectureGraph {
  const order = new Map<unknown, number>();
  model.symbols.forEach((s, i) => order.set(s.node, i));
  const byInfo = new Map<ServiceInfo | ComponentInfo, GNode>();
  const nodes: GNode[] = [];
  const add = (info: ServiceInfo | ComponentInfo, kind: ArchNodeKind) => {
    if (byInfo.has(info)) return;
    const node: GNode = { info, kind, symbol: info.symbol, order: order.get(info.decl) ?? Number.MAX_SAFE_INTEGER };
    if (info.system) node.system = info.system;
    byInfo.set(info, node);
    nodes.push(node);
  };
  for (const c of model.components) add(c, c.kind);
  for (const s of model.services) add(s, "service");
  nodes.sort((a, b) => a.order - b.order);

  const edges: GEdge[] = [];
  const merged = new Map<string, GEdge>();
  const index = new Map<GNode, number>();
  nodes.forEach((n, i) => index.set(n, i));
  const edge = (fromInfo: ServiceInfo | ComponentInfo, toInfo: ServiceInfo | ComponentInfo | undefined, style: EdgeStyle, label?: string, via?: GEdge["via"]) => {
    const from = byInfo.get(fromInfo);
    const to = toInfo && byInfo.get(toInfo);
    if (!from || !to) return;
    const key = `${index.get(from)}>${index.get(to)}:${style}`;
    let e = merged.get(key);
    if (!e) {
      e = { from, to, style, labels: [] };
      if (via) e.via = via;
      merged.set(key, e);
      edges.push(e);
    }
    if (label && !e.labels.includes(label)) e.labels.push(label);
  };

  const callLabel = (decl: ServiceInfo["calls"][number]["decl"]): string | undefined =>
    decl.kind === "Calls" && decl.method && decl.path && !decl.method.missing && !decl.path.missing ? `${decl.method.text} ${decl.path.text}` : undefined;

  for (const c of model.components) {
    for (const call of c.calls) edge(c, call.target, "sync", callLabel(call.decl));
    if (c.kind === "client" && c.calls.length === 0) {
      // A client with no `calls` line reaches its system through its gateway.
      for (const g of model.components) if (g.kind === "gateway" && g.system === c.system) edge(c, g, "sync");
    }
  }
  for (const s of model.services) for (const call of s.calls) edge(s, call.target, "sync", callLabel(call.decl));
  for (const s of model.services) {
    for (const m of s.publishes) edge(s, m.queue, "async", m.event?.symbol.name ?? m.decl.event.text, "message");
    for (const m of s.consumes) if (m.queue) edge(m.queue, s, "async", m.event?.symbol.name ?? m.decl.event.text, "message");
  }
  for (const s of model.services) for (const st of s.stores) edge(s, st.target, "data", st.access === "database" ? undefined : st.access);
  for (const u of model.uses) edge(u.from, u.target, "data", u.ttl ? `ttl ${u.ttl.text}` : undefined);
  for (const q of model.components) {
    if (q.kind !== "queue") continue;
    const dl = q.properties.find((p) => p.key.text === "dead_letter")?.values[0];
    if (!dl || dl.valueKind !== "word" || dl.text === "none") continue;
    const target = model.components.find((c) => c.kind === "queue" && c.symbol.name === dl.text);
    edge(q, target, "async", "dead letter", "dead-letter");
  }
  return { nodes, edges };
}

/** The nodes a scope shows (before any restriction for size). */
function selectNodes(graph: ArchitectureGraph, target: ScopeTarget): Set<GNode> {
  const all = graph.nodes;
  if (target.kind === "workspace") return new Set(all);
  const adjacent = (set: Set<GNode>): Set<GNode> => {
    const out = new Set(set);
    for (const e of graph.edges) {
      if (set.has(e.from)) out.add(e.to);
      if (set.has(e.to)) out.add(e.from);
    }
    return out;
  };
  if (target.kind === "system") {
    const own = new Set(all.filter((n) => n.system === target.system));
    return adjacent(own);
  }
  const service = all.find((n) => n.info === target.service);
  if (!service) return new Set();
  const own = new Set<GNode>([service]);
  for (const e of graph.edges) {
    if (e.from === service && e.to.kind !== "service" && (e.style === "data" || e.to.kind === "queue")) own.add(e.to);
    if (e.to === service && e.from.kind === "queue") own.add(e.from);
  }
  // Dead-letter queues of its queues belong to them.
  for (const e of graph.edges) if (e.via === "dead-letter" && own.has(e.from)) own.add(e.to);
  if (target.kind === "service") return own;
  return adjacent(own);
}

export interface ArchitectureSelection {
  nodes: GNode[];
  edges: GEdge[];
}

/** The nodes and edges of a scope, sorted; exported for the default-scope choice (node count). */
export function architectureSelection(model: Model, target: ScopeTarget, graph = architectureGraph(model)): ArchitectureSelection {
  const set = selectNodes(graph, target);
  const nodes = graph.nodes.filter((n) => set.has(n));
  const edges = graph.edges.filter((e) => set.has(e.from) && set.has(e.to));
  return { nodes, edges };
}

/** Restricts a selection that would be too big to draw: services and their entry points only, then services only, then truncation. */
function restrict(selection: ArchitectureSelection, describe: string, anchor: ArchSymbol | undefined, model: Model): { selection: ArchitectureSelection; diagnostics: Diagnostic[] } {
  const fits = (s: ArchitectureSelection) => s.nodes.length <= LIMITS.nodes && s.edges.length <= LIMITS.edges;
  if (fits(selection)) return { selection, diagnostics: [] };
  const size = `${selection.nodes.length} nodes and ${selection.edges.length} edges`;
  const limit = `Mermaid lays out at most ${LIMITS.nodes} nodes and ${LIMITS.edges} edges readably`;

  // 1. Without stores and queues: messages drawn publisher → consumer.
  const keep1 = selection.nodes.filter((n) => n.kind !== "database" && n.kind !== "cache" && n.kind !== "queue");
  let next = collapse(selection, new Set(keep1));
  let what = "showing services, gateways, clients and externals only, with messages drawn from publisher to consumer";
  if (!fits(next)) {
    // 2. Services only.
    next = collapse(next, new Set(next.nodes.filter((n) => n.kind === "service")));
    what = "showing services only, with messages drawn from publisher to consumer";
  }
  if (!fits(next)) {
    // 3. The first services and edges in declaration order.
    const nodes = next.nodes.slice(0, LIMITS.nodes);
    const set = new Set(nodes);
    const edges = next.edges.filter((e) => set.has(e.from) && set.has(e.to)).slice(0, LIMITS.edges);
    what = `showing only the first ${nodes.length} services and ${edges.length} of their connections; choose a smaller scope (one service and its neighbours)`;
    next = { nodes, edges };
  }
  return { selection: next, diagnostics: [diagnosticAt(model, anchor, "warning", "mermaid/diagram-too-large", `The architecture diagram of ${describe} would have ${size} (${limit}): ${what}.`)] };
}

/** Keeps `keep`, replacing paths through dropped queues by direct async edges between kept nodes. */
function collapse(selection: ArchitectureSelection, keep: Set<GNode>): ArchitectureSelection {
  const edges: GEdge[] = [];
  const merged = new Map<string, GEdge>();
  const index = new Map<GNode, number>();
  selection.nodes.forEach((n, i) => index.set(n, i));
  const add = (from: GNode, to: GNode, style: EdgeStyle, labels: string[]) => {
    const key = `${index.get(from)}>${index.get(to)}:${style}`;
    let e = merged.get(key);
    if (!e) {
      e = { from, to, style, labels: [] };
      merged.set(key, e);
      edges.push(e);
    }
    for (const l of labels) if (!e.labels.includes(l)) e.labels.push(l);
  };
  for (const e of selection.edges) {
    if (keep.has(e.from) && keep.has(e.to)) add(e.from, e.to, e.style, e.labels);
    else if (e.via === "message" && keep.has(e.from) && !keep.has(e.to)) {
      // publisher → queue: join with queue → consumer edges carrying the same event.
      for (const out of selection.edges) {
        if (out.from !== e.to || out.via !== "message" || !keep.has(out.to)) continue;
        const common = e.labels.filter((l) => out.labels.includes(l));
        if (common.length) add(e.from, out.to, "async", common);
      }
    }
  }
  return { nodes: selection.nodes.filter((n) => keep.has(n)), edges };
}

function nodeShape(kind: ArchNodeKind, label: string): string {
  switch (kind) {
    case "client":
      return `(["${label}"])`;
    case "gateway":
      return `{{"${label}"}}`;
    case "service":
      return `["${label}"]`;
    case "database":
      return `[("${label}")]`;
    case "cache":
      return `[["${label}"]]`;
    case "queue":
      return `>"${label}"]`;
    case "external":
      return `[/"${label}"\\]`;
  }
}

function nodeLabel(n: GNode, compact: boolean): string {
  const info = n.info;
  const name = mermaidText(n.symbol.name, { fallback: "(unnamed)", maxLength: compact ? 40 : 60 });
  if (compact) return name;
  const title = info.decl.title?.value;
  const engine = isService(info) ? undefined : info.engine;
  const second = [engine, title].filter((x): x is string => !!x).join(", ");
  return second ? `${name}<br/>${mermaidText(second, { maxLength: 60 })}` : name;
}

function edgeLabel(labels: string[], compact: boolean): string {
  const max = compact ? 1 : MAX_EDGE_LABELS;
  const shown = labels.slice(0, labels.length > max ? Math.max(1, max - 1) : max).map((l) => mermaidText(l, { maxLength: compact ? 40 : 80 }));
  if (labels.length > shown.length) shown.push(`+${labels.length - shown.length} more`);
  return shown.join("<br/>");
}

const ARROW: Record<EdgeStyle, string> = { sync: "-->", async: "-.->", data: "-->" };

/** Renders a selection as a flowchart. */
function render(selection: ArchitectureSelection, model: Model, compact = false): { text: string; nodes: DiagramNode[] } {
  const ids = new IdAllocator();
  const nodes = [...selection.nodes].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.order - b.order);
  for (const n of nodes) ids.id(n.info, PREFIX[n.kind], n.symbol.name);
  const out: string[] = [FRONTMATTER + "flowchart LR"];
  const diagramNodes: DiagramNode[] = [];
  const line = (indent: string, n: GNode) => {
    const id = ids.get(n.info)!;
    out.push(`${indent}${id}${nodeShape(n.kind, nodeLabel(n, compact))}`);
    diagramNodes.push(nodeOf(id, n.symbol));
  };
  // Systems in model order, each as a subgraph; nodes outside any system last.
  for (const system of model.systems) {
    const members = nodes.filter((n) => n.system === system);
    if (!members.length) continue;
    const id = ids.id(system, "sys", system.symbol.name);
    const title = system.decl.title?.value;
    const label = title ? `${system.symbol.name} (${title})` : system.symbol.name;
    out.push(`  subgraph ${id}[${quoted(compact ? system.symbol.name : label, { fallback: "(unnamed)", maxLength: compact ? 40 : 80 })}]`);
    diagramNodes.push(nodeOf(id, system.symbol));
    for (const n of members) line("    ", n);
    out.push("  end");
  }
  for (const n of nodes) if (!n.system || !model.systems.includes(n.system)) line("  ", n);
  for (const e of selection.edges) {
    const from = ids.get(e.from.info)!;
    const to = ids.get(e.to.info)!;
    out.push(e.labels.length ? `  ${from} ${ARROW[e.style]}|"${edgeLabel(e.labels, compact)}"| ${to}` : `  ${from} ${ARROW[e.style]} ${to}`);
  }
  const kinds = (Object.keys(KIND_RANK) as ArchNodeKind[]).filter((k) => nodes.some((n) => n.kind === k));
  for (const k of kinds) out.push(`  classDef ${k} ${CLASS_DEFS[k]}`);
  for (const k of kinds) out.push(`  class ${nodes.filter((n) => n.kind === k).map((n) => ids.get(n.info)!).join(",")} ${k}`);
  return { text: out.join("\n") + "\n", nodes: diagramNodes };
}

function describeTarget(target: ScopeTarget): { text: string; anchor?: ArchSymbol } {
  switch (target.kind) {
    case "workspace":
      return { text: "the workspace" };
    case "system":
      return target.system ? { text: `system ${target.system.symbol.name}`, anchor: target.system.symbol } : { text: "the declarations outside any system" };
    case "service":
      return { text: `service ${target.service.symbol.name}`, anchor: target.service.symbol };
    case "neighbours":
      return { text: `service ${target.service.symbol.name} and its neighbours`, anchor: target.service.symbol };
  }
}

/** The architecture flowchart of a scope. */
export function architectureDiagram(model: Model, scope: DiagramScope): DiagramResult {
  const resolved = resolveScope(model, scope);
  if (!resolved.target) return { text: FRONTMATTER + "flowchart LR\n", diagnostics: resolved.diagnostic ? [resolved.diagnostic] : [], nodes: [] };
  return architectureOfTarget(model, resolved.target);
}

export function architectureOfTarget(model: Model, target: ScopeTarget, graph?: ArchitectureGraph): DiagramResult {
  const selection = architectureSelection(model, target, graph);
  const { text: describe, anchor } = describeTarget(target);
  const restricted = restrict(selection, describe, anchor, model);
  let rendered = render(restricted.selection, model);
  if (rendered.text.length > LIMITS.text) {
    // Too long for Mermaid to render: names only and one label per edge, then fewer nodes.
    const before = rendered.text.length;
    let sel = restricted.selection;
    rendered = render(sel, model, true);
    while (rendered.text.length > LIMITS.text && sel.nodes.length > 1) {
      const nodes = sel.nodes.slice(0, Math.floor(sel.nodes.length * 0.8));
      const set = new Set(nodes);
      sel = { nodes, edges: sel.edges.filter((e) => set.has(e.from) && set.has(e.to)) };
      rendered = render(sel, model, true);
    }
    const what = sel === restricted.selection ? "node labels shortened to names, one label per edge" : `names only, and only the first ${sel.nodes.length} nodes`;
    restricted.diagnostics.push(diagnosticAt(model, anchor, "warning", "mermaid/diagram-too-large", `The architecture diagram of ${describe} would be ${before} characters long (Mermaid renders at most 50,000): ${what}.`));
  }
  return { text: rendered.text, diagnostics: restricted.diagnostics, nodes: rendered.nodes };
}
