// The `archwright/preview` request: everything the live preview panel shows
// for one cursor position, computed from the current model in one go — the
// architecture, ER and sequence diagrams (Mermaid text plus a map from Mermaid
// node ids to declarations), the OpenAPI and SQL the generators would write for
// the same scope, and the state of the model (syntax errors keep the panel on
// its last good diagram).
//
// The scope follows the cursor: inside a service, that service (and its
// neighbours, for the architecture); elsewhere, the whole workspace. With
// `scope: "system"` the whole system of that service (or the workspace). A
// diagram too large to lay out quickly falls back to one service with a note.

import type { Diagnostic } from "../../core/src/diagnostics/diagnostic";
import { architectureGraph, architectureOfTarget, architectureSelection, type ArchitectureGraph } from "../../core/src/generators/mermaid/architecture";
import { LIMITS, type DiagramNode, type DiagramResult, type ScopeTarget } from "../../core/src/generators/mermaid/common";
import { erEntityCount, erOfTarget } from "../../core/src/generators/mermaid/er";
import { WHOLE_SYSTEM_MAX_NODES } from "../../core/src/generators/mermaid/generate-mermaid";
import { findEndpoint, sequenceDiagram } from "../../core/src/generators/mermaid/sequence";
import { generateOpenApi } from "../../core/src/generators/openapi/generate-openapi";
import { generateSql } from "../../core/src/generators/sql/generate-sql";
import type { GeneratorResult } from "../../core/src/generators/types";
import type { EndpointInfo, Model, ServiceInfo, SystemInfo } from "../../core/src/semantic/model";
import { rangeOf } from "./convert";
import { PREVIEW_REQUEST, type PreviewDiagram, type PreviewDiagramKind, type PreviewDocument, type PreviewNode, type PreviewParams, type PreviewProblems, type PreviewResponse } from "../../protocol/src/preview";

export { PREVIEW_REQUEST, type PreviewDiagram, type PreviewDiagramKind, type PreviewDocument, type PreviewNode, type PreviewParams, type PreviewProblems, type PreviewResponse };

export const PREVIEW_MAX_NODES = LIMITS.nodes;

/**
 * Beyond this many services the panel shows one service's OpenAPI and SQL
 * instead of the whole model's (which takes seconds and megabytes on a
 * 1,000-service workspace); the Generate commands still write everything.
 */
export const WHOLE_DOCUMENT_MAX_SERVICES = 30;

/** Per model (the server's model is immutable between edits): the architecture graph and generated documents. */
const caches = new WeakMap<Model, { graph?: ArchitectureGraph; documents: Map<string, PreviewDocument> }>();

function cacheOf(model: Model): { graph?: ArchitectureGraph; documents: Map<string, PreviewDocument> } {
  let c = caches.get(model);
  if (!c) {
    c = { documents: new Map() };
    caches.set(model, c);
  }
  return c;
}

const OMITTED: PreviewDocument = { path: "", text: "", notes: [], omitted: true };

export const EMPTY_PREVIEW: PreviewResponse = {
  uri: "",
  scopeLabel: "",
  scope: "auto",
  diagrams: [],
  openapi: { path: "", text: "", notes: [] },
  sql: { path: "", text: "", notes: [] },
  problems: { errors: 0, warnings: 0, syntaxErrors: 0 },
  broken: false,
};

const within = (x: { uri: string; decl: { start: number; end: number } }, uri: string, offset: number | undefined): boolean =>
  offset !== undefined && x.uri === uri && x.decl.start <= offset && offset <= x.decl.end;

function findService(model: Model, name: string | undefined): ServiceInfo | undefined {
  if (!name) return undefined;
  return model.services.find((s) => s.symbol.name === name) ?? model.services.find((s) => s.symbol.name.toLowerCase() === name.toLowerCase());
}

/** The endpoint of the sequence diagram: under the cursor, else the one last shown (same service), else the service's first. */
function chooseEndpoint(model: Model, params: PreviewParams, service: ServiceInfo | undefined): EndpointInfo | undefined {
  const atCursor = model.endpoints.find((e) => within(e, params.uri, params.offset));
  if (atCursor) return atCursor;
  if (params.endpoint) {
    const remembered = findEndpoint(model, params.endpoint, params.endpointService).endpoint;
    if (remembered && (!service || remembered.service === service)) return remembered;
  }
  if (service) return model.endpoints.find((e) => e.service === service);
  return model.endpoints.find((e) => e.uri === params.uri) ?? model.endpoints[0];
}

function nodesOf(model: Model, nodes: DiagramNode[]): PreviewNode[] {
  return nodes.flatMap((n) => {
    const file = model.files.get(n.uri);
    if (!file) return [];
    return [{ id: n.id, symbolName: n.symbolName, uri: n.uri, range: rangeOf(file, n.nameStart, n.nameEnd), fullRange: rangeOf(file, n.start, n.end) }];
  });
}

function notesOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.filter((d) => d.severity === "error" || d.severity === "warning").map((d) => d.message))];
}

function diagram(model: Model, kind: PreviewDiagramKind, title: string, result: DiagramResult, notes: string[] = []): PreviewDiagram {
  return { kind, title, text: result.text, nodes: nodesOf(model, result.nodes), notes: [...notes, ...notesOf(result.diagnostics)] };
}

function describe(target: ScopeTarget): string {
  switch (target.kind) {
    case "workspace":
      return "Workspace";
    case "system":
      return target.system ? `System ${target.system.symbol.name}` : "Declarations outside any system";
    case "service":
      return `Service ${target.service.symbol.name}`;
    case "neighbours":
      return `${target.service.symbol.name} and its neighbours`;
  }
}

function generatedDocument(result: GeneratorResult): PreviewDocument {
  const file = result.files[0];
  const notes = notesOf(result.diagnostics);
  if (!file) {
    const info = result.diagnostics.find((d) => d.severity === "info");
    if (!notes.length && info) notes.push(info.message);
    return { path: "", text: "", notes };
  }
  // One file per scope: several files (per-service output) are joined for reading.
  const text = result.files.length === 1 ? file.text : result.files.map((f) => f.text).join("\n");
  return { path: file.path, text, notes };
}

function fileName(uri: string): string {
  const tail = uri.slice(uri.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

function problemsOf(model: Model, diagnostics: readonly Diagnostic[], uri: string): PreviewProblems {
  const syntax = (model.files.get(uri)?.diagnostics ?? []).filter((d) => d.severity === "error");
  const errors = diagnostics.filter((d) => d.severity === "error");
  const problems: PreviewProblems = { errors: errors.length, warnings: diagnostics.filter((d) => d.severity === "warning").length, syntaxErrors: syntax.length };
  const first = syntax[0] ?? errors[0];
  if (first) {
    const file = model.files.get(first.uri);
    const line = file ? rangeOf(file, first.start, first.start).start.line + 1 : 1;
    problems.first = `${fileName(first.uri)}:${line}: ${first.message}`;
  }
  return problems;
}

/** The system to show in `system` scope: the service's, else the one whose block holds the cursor. */
function systemAt(model: Model, params: PreviewParams, service: ServiceInfo | undefined): SystemInfo | undefined {
  if (service?.system) return service.system;
  return model.systems.find((s) => within(s, params.uri, params.offset));
}

/**
 * The preview for a cursor position. `diagnostics` are what the problem counts
 * are made of: by default the model's syntax and name errors only, which cost
 * nothing (the client shows the workspace's full counts from VS Code's
 * diagnostics; running every lint rule per keystroke is the server's publish
 * loop's job, not the preview's).
 */
export function preview(model: Model, params: PreviewParams, diagnostics: readonly Diagnostic[] = model.diagnostics): PreviewResponse {
  const scope = params.scope === "system" ? "system" : "auto";
  const cursorService = model.services.find((s) => within(s, params.uri, params.offset));
  const service = cursorService ?? findService(model, params.service);
  const cache = cacheOf(model);
  const graph = (cache.graph ??= architectureGraph(model));

  // The scope of the architecture and ER diagrams.
  let target: ScopeTarget;
  if (scope === "system") {
    const system = systemAt(model, params, service);
    target = system ? { kind: "system", system } : { kind: "workspace" };
  } else {
    target = service ? { kind: "neighbours", service } : { kind: "workspace" };
  }
  /** Where to fall back to when the scope is too large. */
  const fallback = service ?? model.services[0];

  // Architecture.
  let archNotes: string[] = [];
  let archTarget = target;
  const size = architectureSelection(model, archTarget, graph).nodes.length;
  const limit = scope === "auto" && archTarget.kind === "workspace" ? WHOLE_SYSTEM_MAX_NODES : PREVIEW_MAX_NODES;
  if (size > limit && fallback) {
    archTarget = { kind: "neighbours", service: fallback };
    archNotes = [
      `${describe(target)} has ${size} nodes, too many to draw at once: showing ${fallback.symbol.name} and its neighbours. Put the cursor in another service to see it.`,
    ];
  }
  const architecture = diagram(model, "architecture", describe(archTarget), architectureOfTarget(model, archTarget, graph), archNotes);

  // ER: the service's own entities in auto scope.
  let erTarget: ScopeTarget = target.kind === "neighbours" ? { kind: "service", service: target.service } : target;
  let er: PreviewDiagram;
  let erResult = erOfTarget(model, erTarget);
  let erNotes: string[] = [];
  if (erResult.diagnostics.some((d) => d.code === "mermaid/diagram-too-large") && erTarget.kind !== "service" && fallback && erEntityCount(model, { kind: "service", service: fallback }) > 0) {
    erNotes = [`${describe(erTarget)} has too many entities to draw at once: showing the entities of ${fallback.symbol.name}.`];
    erTarget = { kind: "service", service: fallback };
    erResult = erOfTarget(model, erTarget);
  }
  if (erResult.nodes.length === 0) {
    const empty = erTarget.kind === "service" ? `Service ${erTarget.service.symbol.name} declares no entities.` : `${describe(erTarget)} declares no entities.`;
    er = { kind: "er", title: describe(erTarget), text: "", nodes: [], empty, notes: erNotes };
  } else {
    er = diagram(model, "er", describe(erTarget), erResult, erNotes);
  }

  // Sequence: the endpoint under the cursor (else the last one shown, else the service's first).
  const endpoint = chooseEndpoint(model, params, service);
  const sequence: PreviewDiagram = endpoint
    ? diagram(model, "sequence", `${endpoint.method} ${endpoint.fullPath}`, sequenceDiagram(model, endpoint))
    : { kind: "sequence", title: "Sequence", text: "", nodes: [], empty: "The model declares no endpoints. Put the cursor on an endpoint to see its sequence diagram.", notes: [] };

  // What the generators would write for the same scope (only the documents asked for).
  const wanted = new Set(params.documents ?? []);
  let documentOptions: { service: string } | { whole: true } = { whole: true };
  let documentNote: string | undefined;
  if (scope === "auto" && service) documentOptions = { service: service.symbol.name };
  else if (model.services.length > WHOLE_DOCUMENT_MAX_SERVICES && fallback) {
    documentOptions = { service: fallback.symbol.name };
    documentNote = `The workspace has ${model.services.length} services, too many to generate as one document while you type: showing ${fallback.symbol.name}. Generate OpenAPI and Generate SQL write them all.`;
  }
  const documentOf = (kind: "openapi" | "sql"): PreviewDocument => {
    if (!wanted.has(kind)) return OMITTED;
    const key = `${kind}:${JSON.stringify(documentOptions)}`;
    const cache = cacheOf(model).documents;
    let doc = cache.get(key);
    if (!doc) {
      doc = generatedDocument(kind === "openapi" ? generateOpenApi(model, documentOptions) : generateSql(model, documentOptions));
      cache.set(key, doc);
    }
    return documentNote ? { ...doc, notes: [documentNote, ...doc.notes] } : doc;
  };
  const openapi = documentOf("openapi");
  const sql = documentOf("sql");

  const problems = problemsOf(model, diagnostics, params.uri);
  const response: PreviewResponse = {
    uri: params.uri,
    scopeLabel: scope === "auto" ? (service ? `Service ${service.symbol.name}` : "Workspace") : describe(target),
    scope,
    diagrams: [architecture, er, sequence],
    openapi,
    sql,
    problems,
    broken: problems.syntaxErrors > 0,
  };
  if (service) response.service = service.symbol.name;
  if (endpoint) {
    response.endpoint = `${endpoint.method} ${endpoint.fullPath}`;
    response.endpointService = endpoint.service.symbol.name;
  }
  return response;
}
