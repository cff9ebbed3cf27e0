// Types and helpers shared by the Mermaid diagram builders.

import type { Diagnostic, Severity } from "../../diagnostics/diagnostic";
import type { ArchSymbol, ComponentInfo, Model, ServiceInfo, SystemInfo } from "../../semantic/model";
import { closest } from "../../util/names";

/** A Mermaid node (or subgraph, or participant) and the declaration it stands for. */
export interface DiagramNode {
  /** The Mermaid id: `svc_Orders`, `e_Catalog_Product`, `db_orders_db`. */
  id: string;
  /** The qualified name of the declaration: `Orders`, `Catalog.Product`. */
  symbolName: string;
  uri: string;
  /** The whole declaration (UTF-16 offsets), for "the node under the cursor". */
  start: number;
  end: number;
  /** Where the declaration's name is written, for revealing it. */
  nameStart: number;
  nameEnd: number;
}

export interface DiagramResult {
  /** Mermaid text, starting with the dagre frontmatter on the first line. */
  text: string;
  diagnostics: Diagnostic[];
  nodes: DiagramNode[];
}

/**
 * What part of the model a diagram shows.
 * - `workspace`: everything;
 * - `system`: one system (or, with no system, the declarations outside any
 *   system), plus whatever outside it is directly connected to it;
 * - `service`: one service and its own databases, caches and queues;
 * - `neighbours`: one service, its own nodes and everything directly connected
 *   to them (callers, callees, consumers of its events, other users of its stores).
 * Names are accepted in place of the infos.
 */
export type DiagramScope =
  | { kind: "workspace" }
  | { kind: "system"; system?: SystemInfo | string }
  | { kind: "service"; service: ServiceInfo | string }
  | { kind: "neighbours"; service: ServiceInfo | string };

/**
 * Largest diagrams drawn as asked; beyond these a diagram is restricted.
 * Mermaid refuses flowcharts with more than 500 edges, takes ~0.7 s to lay out
 * 100 nodes, and renders an error instead of any diagram longer than 50,000
 * characters (its `maxTextSize`): `text` leaves room for the CLI's header.
 */
export const LIMITS = { nodes: 100, edges: 400, text: 48_000 } as const;

export function nodeOf(id: string, symbol: ArchSymbol): DiagramNode {
  return {
    id,
    symbolName: symbol.qualifiedName,
    uri: symbol.uri,
    start: symbol.node.start,
    end: symbol.node.end,
    nameStart: symbol.nameSpan.start,
    nameEnd: symbol.nameSpan.end,
  };
}

/** A generator diagnostic on a symbol's name, or at the start of the first file when there is none. */
export function diagnosticAt(model: Model, symbol: ArchSymbol | undefined, severity: Severity, code: string, message: string): Diagnostic {
  if (symbol) return { uri: symbol.uri, start: symbol.nameSpan.start, end: symbol.nameSpan.end, severity, code, message };
  const first = model.files.keys().next();
  return { uri: first.done ? "" : first.value, start: 0, end: 0, severity, code, message };
}

export type ScopeTarget =
  | { kind: "workspace" }
  | { kind: "system"; system: SystemInfo | undefined }
  | { kind: "service" | "neighbours"; service: ServiceInfo };

/** Resolves names in a scope; an unknown name is an error diagnostic. */
export function resolveScope(model: Model, scope: DiagramScope): { target?: ScopeTarget; diagnostic?: Diagnostic } {
  switch (scope.kind) {
    case "workspace":
      return { target: { kind: "workspace" } };
    case "system": {
      if (scope.system === undefined || typeof scope.system !== "string") return { target: { kind: "system", system: scope.system } };
      const system = findSystem(model, scope.system);
      if (!system) return { diagnostic: unknownName(model, "system", scope.system, model.systems.map((s) => s.symbol.name)) };
      return { target: { kind: "system", system } };
    }
    case "service":
    case "neighbours": {
      const service = typeof scope.service === "string" ? findService(model, scope.service) : scope.service;
      if (!service) return { diagnostic: unknownName(model, "service", String(scope.service), model.services.map((s) => s.symbol.name)) };
      return { target: { kind: scope.kind, service } };
    }
  }
}

export function findService(model: Model, name: string): ServiceInfo | undefined {
  return model.services.find((s) => s.symbol.name === name) ?? model.services.find((s) => s.symbol.name.toLowerCase() === name.toLowerCase());
}

export function findSystem(model: Model, name: string): SystemInfo | undefined {
  return model.systems.find((s) => s.symbol.name === name) ?? model.systems.find((s) => s.symbol.name.toLowerCase() === name.toLowerCase());
}

export function unknownName(model: Model, what: string, name: string, candidates: string[]): Diagnostic {
  const suggestion = closest(name, candidates);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : candidates.length ? ` Known: ${candidates.slice(0, 10).join(", ")}${candidates.length > 10 ? ", …" : ""}.` : "";
  return diagnosticAt(model, undefined, "error", `mermaid/unknown-${what}`, `No ${what} \`${name}\` in the model.${hint}`);
}

/** Services and components in declaration order (files, then source order). */
export function isService(x: ServiceInfo | ComponentInfo): x is ServiceInfo {
  return "apis" in x;
}

/** `120000` → `2m`, `300` → `300ms`. */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms > 0 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms > 0 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms > 0 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
