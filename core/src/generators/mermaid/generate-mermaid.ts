// Mermaid diagrams from the model: architecture flowcharts, ER diagrams and
// endpoint sequence diagrams. Pure and deterministic: the same model gives the
// same text byte for byte.
//
// Files are named `<scope>.<diagram>.mmd`:
// - architecture: `shop.architecture.mmd` (a system), `orders.architecture.mmd`
//   (a service and its neighbours), `orders.service.architecture.mmd` (a service
//   alone), `workspace.architecture.mmd` (declarations outside any system);
// - er: `catalog.er.mmd` (a service), `catalog.neighbours.er.mmd`, `shop.er.mmd`
//   (a system);
// - sequence: `orders.post-orders.sequence.mmd` (service, method, path in its api).
// Every text starts with the dagre frontmatter on its first line and has no
// header comment (the CLI adds one after the frontmatter).

import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { EndpointInfo, Model, ServiceInfo, SystemInfo } from "../../semantic/model";
import { kebabCase, splitWords } from "../../util/names";
import type { GeneratedFile, GeneratorResult } from "../types";
import { architectureGraph, architectureOfTarget, architectureSelection } from "./architecture";
import { type DiagramResult, type DiagramScope, type ScopeTarget, diagnosticAt, findService, unknownName } from "./common";
import { erEntityCount, erOfTarget } from "./er";
import { findEndpoint, sequenceDiagram } from "./sequence";

export { architectureDiagram } from "./architecture";
export { erDiagram } from "./er";
export { sequenceDiagram, findEndpoint, MAX_CALL_DEPTH, MAX_MESSAGES, type EndpointLookup } from "./sequence";
export { type DiagramNode, type DiagramResult, type DiagramScope, LIMITS } from "./common";
export { mermaidText, quoted, sequenceText, FRONTMATTER } from "./escape";

export type DiagramKind = "architecture" | "er" | "sequence";

export interface MermaidOptions {
  diagram: DiagramKind;
  /** The service the diagram is about (required for a sequence when the endpoint's path is served by several services). */
  service?: string;
  /** Architecture and ER: one service, a service and its neighbours, or its whole system. */
  scope?: "service" | "neighbours" | "system";
  /** Sequence: `GET /path`, the full path or the path within the api. */
  endpoint?: string;
}

/** A system's architecture is drawn whole up to this many nodes, else one diagram per service with its neighbours. */
export const WHOLE_SYSTEM_MAX_NODES = 40;

/** `Orders` → `orders`, `OrderLine` → `order-line`; never empty. */
export function scopeSlug(name: string): string {
  return kebabCase(name) || "unnamed";
}

/** `POST /orders/{id}/cancel` → `post-orders-id-cancel`. */
export function endpointSlug(ep: EndpointInfo): string {
  const words = splitWords(ep.path);
  return [ep.method.toLowerCase(), ...(words.length ? words : ["root"])].join("-");
}

/** The file name of an endpoint's sequence diagram. */
export function sequenceFileName(ep: EndpointInfo): string {
  return `${scopeSlug(ep.service.symbol.name)}.${endpointSlug(ep)}.sequence.mmd`;
}

function systemSlug(system: SystemInfo | undefined): string {
  return system ? scopeSlug(system.symbol.name) : "workspace";
}

/** Systems with something in them, plus `undefined` for declarations outside any system. */
function systemGroups(model: Model): (SystemInfo | undefined)[] {
  const out: (SystemInfo | undefined)[] = model.systems.filter((s) => s.services.length || s.components.length || s.schemas.length);
  if (model.services.some((s) => !s.system) || model.components.some((c) => !c.system) || model.schemas.some((s) => s.kind === "entity" && !s.service && !s.system)) out.push(undefined);
  return out;
}

interface Planned {
  path: string;
  result: () => DiagramResult;
}

function planArchitecture(model: Model, options: MermaidOptions, service: ServiceInfo | undefined): Planned[] {
  const graph = architectureGraph(model);
  const of = (target: ScopeTarget) => () => architectureOfTarget(model, target, graph);
  const perService = (s: ServiceInfo, kind: "service" | "neighbours"): Planned => ({
    path: `${scopeSlug(s.symbol.name)}${kind === "service" ? ".service" : ""}.architecture.mmd`,
    result: of({ kind, service: s }),
  });
  const scope = options.scope;
  if (service) {
    if (scope === "system") return [{ path: `${systemSlug(service.system)}.architecture.mmd`, result: of({ kind: "system", system: service.system }) }];
    return [perService(service, scope === "service" ? "service" : "neighbours")];
  }
  if (scope === "service" || scope === "neighbours") return model.services.map((s) => perService(s, scope));
  const out: Planned[] = [];
  for (const system of systemGroups(model)) {
    const target: ScopeTarget = { kind: "system", system };
    const size = architectureSelection(model, target, graph).nodes.length;
    if (scope === "system" || size <= WHOLE_SYSTEM_MAX_NODES) out.push({ path: `${systemSlug(system)}.architecture.mmd`, result: of(target) });
    else for (const s of model.services.filter((x) => x.system === system)) out.push(perService(s, "neighbours"));
  }
  return out;
}

function planEr(model: Model, options: MermaidOptions, service: ServiceInfo | undefined, diagnostics: Diagnostic[]): Planned[] {
  const of = (target: ScopeTarget) => () => erOfTarget(model, target);
  const perService = (s: ServiceInfo, kind: "service" | "neighbours"): Planned => ({ path: `${scopeSlug(s.symbol.name)}${kind === "neighbours" ? ".neighbours" : ""}.er.mmd`, result: of({ kind, service: s }) });
  const scope = options.scope;
  if (service) {
    if (scope === "system") return [{ path: `${systemSlug(service.system)}.er.mmd`, result: of({ kind: "system", system: service.system }) }];
    const kind = scope === "neighbours" ? "neighbours" : "service";
    if (!erEntityCount(model, { kind, service })) {
      diagnostics.push(diagnosticAt(model, service.symbol, "info", "mermaid/no-entities", `Service ${service.symbol.name} has no entities: there is no ER diagram to draw.`));
      return [];
    }
    return [perService(service, kind)];
  }
  if (scope === "system") {
    return systemGroups(model)
      .filter((system) => erEntityCount(model, { kind: "system", system }) > 0)
      .map((system) => ({ path: `${systemSlug(system)}.er.mmd`, result: of({ kind: "system", system }) }));
  }
  const kind = scope === "neighbours" ? "neighbours" : "service";
  const out = model.services.filter((s) => s.entities.length > 0).map((s) => perService(s, kind));
  // Entities declared outside any service: one diagram per system holding them.
  const loose = new Set(model.schemas.filter((s) => s.kind === "entity" && !s.service).map((s) => s.system));
  for (const system of loose) out.push({ path: `${systemSlug(system)}.er.mmd`, result: of({ kind: "system", system }) });
  if (!out.length) diagnostics.push(diagnosticAt(model, undefined, "info", "mermaid/no-entities", "The model declares no entities: there is no ER diagram to draw."));
  return out;
}

/** Makes file names unique (`-2`, `-3` before the extension) in order. */
function uniquePaths(planned: Planned[]): Planned[] {
  const used = new Set<string>();
  return planned.map((p) => {
    let path = p.path;
    const dot = path.indexOf(".");
    for (let n = 2; used.has(path); n++) path = `${p.path.slice(0, dot)}-${n}${p.path.slice(dot)}`;
    used.add(path);
    return { ...p, path };
  });
}

/**
 * The scope a preview shows by default: with a service, that service and its
 * neighbours (architecture) or its own entities (ER); without one, the whole
 * workspace when its architecture has at most 40 nodes, else the first
 * service's neighbourhood (architecture) or the whole workspace (ER).
 */
export function defaultDiagramScope(model: Model, diagram: "architecture" | "er", service?: ServiceInfo | string): DiagramScope {
  const s = typeof service === "string" ? findService(model, service) : service;
  if (s) return diagram === "architecture" ? { kind: "neighbours", service: s } : { kind: "service", service: s };
  if (diagram === "er") return { kind: "workspace" };
  const size = architectureSelection(model, { kind: "workspace" }).nodes.length;
  const first = model.services[0];
  return size <= WHOLE_SYSTEM_MAX_NODES || !first ? { kind: "workspace" } : { kind: "neighbours", service: first };
}

/**
 * Generates Mermaid files. Defaults: architecture → one diagram per system when
 * it has at most 40 nodes, else one per service with its neighbours (with
 * `service`: that service and its neighbours); er → one per service with
 * entities; sequence → needs `endpoint` (and `service` when the path is ambiguous).
 */
export function generateMermaid(model: Model, options: MermaidOptions): GeneratorResult {
  const diagnostics: Diagnostic[] = [];
  let service: ServiceInfo | undefined;
  if (options.service !== undefined) {
    service = findService(model, options.service);
    if (!service) return { files: [], diagnostics: [unknownName(model, "service", options.service, model.services.map((s) => s.symbol.name))] };
  }
  let planned: Planned[];
  switch (options.diagram) {
    case "architecture":
      planned = planArchitecture(model, options, service);
      break;
    case "er":
      planned = planEr(model, options, service, diagnostics);
      break;
    case "sequence": {
      if (!options.endpoint) {
        const examples = (service ? model.endpoints.filter((e) => e.service === service) : model.endpoints).slice(0, 3).map((e) => `"${e.method} ${e.path}"`);
        diagnostics.push(
          diagnosticAt(model, service?.symbol, "error", "mermaid/missing-endpoint", `A sequence diagram is drawn for one endpoint: name it with --endpoint${examples.length ? `, e.g. --endpoint ${examples.join(" or ")}` : ""}.`),
        );
        return { files: [], diagnostics };
      }
      const found = findEndpoint(model, options.endpoint, options.service);
      if (!found.endpoint) return { files: [], diagnostics: found.diagnostic ? [found.diagnostic] : [] };
      const ep = found.endpoint;
      planned = [{ path: sequenceFileName(ep), result: () => sequenceDiagram(model, ep) }];
      break;
    }
  }
  const files: GeneratedFile[] = [];
  for (const p of uniquePaths(planned)) {
    const r = p.result();
    files.push({ path: p.path, text: r.text });
    diagnostics.push(...r.diagnostics);
  }
  return { files, diagnostics };
}
