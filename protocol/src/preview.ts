// The `archwright/preview` request's shape, shared by the server that answers
// it and the client that asks: types only, no behaviour.

/** A range in LSP's terms: 0-based lines, UTF-16 characters. */
export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export const PREVIEW_REQUEST = "archwright/preview";

export type PreviewDiagramKind = "architecture" | "er" | "sequence";

export interface PreviewParams {
  /** The document the preview belongs to (the cursor is in it). */
  uri: string;
  /** The cursor, as a UTF-16 offset into that document. */
  offset?: number;
  /** `auto`: the service under the cursor; `system`: its whole system (or the workspace). */
  scope?: "auto" | "system";
  /** A service to show when the cursor is in none (e.g. from a code lens). */
  service?: string;
  /** The endpoint last shown (`POST /api/v1/orders`), kept while the cursor is on no endpoint of the same service. */
  endpoint?: string;
  /** The service of `endpoint`. */
  endpointService?: string;
  /** Which generated documents to include (the panel asks for the one on screen): they cost more than the diagrams. */
  documents?: ("openapi" | "sql")[];
}

export interface PreviewNode {
  /** The Mermaid node id (`svc_Orders`, `e_Catalog_Product`). */
  id: string;
  /** `Orders`, `Catalog.Product`. */
  symbolName: string;
  uri: string;
  /** Where the declaration's name is written: what a click reveals. */
  range: Range;
  /** The whole declaration: the node is highlighted while the cursor is inside. */
  fullRange: Range;
}

export interface PreviewDiagram {
  kind: PreviewDiagramKind;
  /** `Orders and its neighbours`, `POST /api/v1/orders`. */
  title: string;
  /** Mermaid text; empty when there is nothing to draw (see `empty`). */
  text: string;
  nodes: PreviewNode[];
  /** Why there is no diagram (`Service Users declares no entities.`). */
  empty?: string;
  /** Notes shown above the diagram (a smaller scope was chosen, the generator restricted it…). */
  notes: string[];
}

export interface PreviewDocument {
  /** The file name the generator would write (`orders.openapi.yaml`); empty when there is none. */
  path: string;
  text: string;
  /** Generator messages (warnings, or why there is no document). */
  notes: string[];
  /** Not computed: the request did not ask for it. */
  omitted?: boolean;
}

export interface PreviewProblems {
  /** Errors among the diagnostics given to `preview` (by default syntax and name errors; the client shows its own full counts). */
  errors: number;
  warnings: number;
  /** Syntax errors in the previewed document: while there are any, the panel keeps its last good diagrams. */
  syntaxErrors: number;
  /** The first syntax error (else the first error) as `file:line: message`. */
  first?: string;
}

export interface PreviewResponse {
  uri: string;
  /** What the panel shows: `Service Orders`, `System Shop`, `Workspace`. */
  scopeLabel: string;
  scope: "auto" | "system";
  /** The service in scope, if any. */
  service?: string;
  /** The endpoint of the sequence diagram (`POST /api/v1/orders`) and its service. */
  endpoint?: string;
  endpointService?: string;
  diagrams: PreviewDiagram[];
  openapi: PreviewDocument;
  sql: PreviewDocument;
  problems: PreviewProblems;
  /** True while the document has syntax errors. */
  broken: boolean;
}

/** Diagrams beyond this many nodes are not drawn in the panel: a service-scoped one is shown instead. */
