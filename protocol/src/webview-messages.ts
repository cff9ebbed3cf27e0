// The messages between the extension and the preview webview, both ways, and
// their validation. Pure (no vscode, no DOM): the extension and the webview
// bundle both import it, and every message either side receives goes through
// `parseToWebview` / `parseFromWebview` first — anything malformed is dropped.

export const TABS = ["architecture", "er", "sequence", "openapi", "sql"] as const;
export type Tab = (typeof TABS)[number];

export const DIAGRAM_KINDS = ["architecture", "er", "sequence"] as const;
export type DiagramKind = (typeof DIAGRAM_KINDS)[number];

export const THEMES = ["auto", "light", "dark"] as const;
export type ThemeSetting = (typeof THEMES)[number];

export const SCOPES = ["auto", "system"] as const;
export type ScopeSetting = (typeof SCOPES)[number];

export const GENERATE_TARGETS = ["openapi", "sql", "mermaid"] as const;
export type GenerateTarget = (typeof GENERATE_TARGETS)[number];

/** Most nodes the webview draws; a larger diagram is not rendered (the server sends a smaller scope). */
export const MAX_DIAGRAM_NODES = 100;
/** Mermaid renders nothing longer than this (its `maxTextSize`). */
export const MAX_DIAGRAM_TEXT = 50_000;
/** Largest text (OpenAPI, SQL, SVG) accepted in one message. */
export const MAX_TEXT = 20_000_000;

// ---- extension → webview ---------------------------------------------------

export interface WebviewNode {
  /** The Mermaid node id. */
  id: string;
  /** The declaration's qualified name, shown as a tooltip. */
  label: string;
}

export interface WebviewDiagram {
  kind: DiagramKind;
  title: string;
  text: string;
  nodes: WebviewNode[];
  empty?: string;
  notes: string[];
}

export interface WebviewDocument {
  path: string;
  text: string;
  notes: string[];
  /** Not computed yet (the extension asks for it when its tab is shown). */
  omitted?: boolean;
}

export interface WebviewProblems {
  errors: number;
  warnings: number;
  syntaxErrors: number;
  first?: string;
}

export type Highlight = Partial<Record<DiagramKind, string[]>>;

export interface UpdateMessage {
  type: "update";
  /** Increases with every update the extension sends to this panel. */
  seq: number;
  /** The previewed document (persisted by the webview so that the panel survives a reload). */
  documentUri: string;
  documentName: string;
  scope: ScopeSetting;
  scopeLabel: string;
  diagrams: WebviewDiagram[];
  openapi: WebviewDocument;
  sql: WebviewDocument;
  broken: boolean;
  problems: WebviewProblems;
  highlight: Highlight;
}

export interface HighlightMessage {
  type: "highlight";
  highlight: Highlight;
}

export interface ThemeMessage {
  type: "theme";
  theme: ThemeSetting;
}

export interface ExportSvgMessage {
  type: "exportSvg";
  requestId: number;
  /** The diagram to export; the one on screen (or the last one shown) when absent. */
  kind?: DiagramKind;
}

export interface SelectTabMessage {
  type: "selectTab";
  tab: Tab;
}

/** A line for the panel's banner, e.g. while the language server restarts; empty text clears it. */
export interface NoticeMessage {
  type: "notice";
  text: string;
}

export type ToWebview = UpdateMessage | HighlightMessage | ThemeMessage | ExportSvgMessage | SelectTabMessage | NoticeMessage;

// ---- webview → extension ---------------------------------------------------

export interface ReadyMessage {
  type: "ready";
}

export interface RevealMessage {
  type: "reveal";
  kind: DiagramKind;
  nodeId: string;
}

export interface SetScopeMessage {
  type: "setScope";
  scope: ScopeSetting;
}

export interface TabChangedMessage {
  type: "tabChanged";
  tab: Tab;
}

export interface SvgMessage {
  type: "svg";
  requestId: number;
  kind?: DiagramKind;
  svg?: string;
  error?: string;
}

export interface RenderedMessage {
  type: "rendered";
  /** The update this render belongs to. */
  seq: number;
  kind: DiagramKind;
  /** Nodes of the diagram found in the SVG (clickable). */
  nodes: number;
  fromCache: boolean;
  ms: number;
  /** Renders by this panel so far (cached ones included). */
  renders: number;
  cspViolations: number;
}

export interface RenderErrorMessage {
  type: "renderError";
  seq: number;
  kind: DiagramKind;
  message: string;
}

export interface CspViolationMessage {
  type: "cspViolation";
  directive: string;
  blockedUri: string;
  /** Violations seen by this panel so far, this one included. */
  count: number;
}

export interface GenerateMessage {
  type: "generate";
  target: GenerateTarget;
}

export interface ExportRequestedMessage {
  type: "exportRequested";
  kind?: DiagramKind;
}

export type FromWebview =
  | ReadyMessage
  | RevealMessage
  | SetScopeMessage
  | TabChangedMessage
  | SvgMessage
  | RenderedMessage
  | RenderErrorMessage
  | CspViolationMessage
  | GenerateMessage
  | ExportRequestedMessage;

/** What the webview keeps with `setState` (and the serializer gets back after a reload). */
export interface PersistedState {
  documentUri?: string;
  tab?: Tab;
  scope?: ScopeSetting;
}

// ---- validation -------------------------------------------------------------

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max = 10_000): x is string => typeof x === "string" && x.length <= max;
const isCount = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= Number.MAX_SAFE_INTEGER;
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const oneOf = <T extends string>(list: readonly T[], x: unknown): x is T => typeof x === "string" && (list as readonly string[]).includes(x);
/** Mermaid ids as the generators write them: identifier characters only. */
export const isNodeId = (x: unknown): x is string => typeof x === "string" && /^[A-Za-z_][A-Za-z0-9_]{0,200}$/.test(x);

function strings(x: unknown, max = 2_000): string[] | undefined {
  if (!Array.isArray(x) || x.length > 100) return undefined;
  return x.every((s) => isStr(s, max)) ? (x as string[]) : undefined;
}

function parseHighlight(x: unknown): Highlight | undefined {
  if (!isObj(x)) return undefined;
  const out: Highlight = {};
  for (const [key, value] of Object.entries(x)) {
    if (!oneOf(DIAGRAM_KINDS, key)) return undefined;
    if (!Array.isArray(value) || value.length > 1000 || !value.every(isNodeId)) return undefined;
    out[key] = value as string[];
  }
  return out;
}

function parseDiagram(x: unknown): WebviewDiagram | undefined {
  if (!isObj(x) || !oneOf(DIAGRAM_KINDS, x.kind) || !isStr(x.title, 1_000) || !isStr(x.text, MAX_TEXT)) return undefined;
  if (!Array.isArray(x.nodes) || x.nodes.length > 10_000) return undefined;
  const nodes: WebviewNode[] = [];
  for (const n of x.nodes) {
    if (!isObj(n) || !isNodeId(n.id) || !isStr(n.label, 1_000)) return undefined;
    nodes.push({ id: n.id, label: n.label });
  }
  const notes = strings(x.notes);
  if (!notes) return undefined;
  const d: WebviewDiagram = { kind: x.kind, title: x.title, text: x.text, nodes, notes };
  if (x.empty !== undefined) {
    if (!isStr(x.empty, 2_000)) return undefined;
    d.empty = x.empty;
  }
  return d;
}

function parseDocument(x: unknown): WebviewDocument | undefined {
  if (!isObj(x) || !isStr(x.path, 1_000) || !isStr(x.text, MAX_TEXT)) return undefined;
  const notes = strings(x.notes);
  if (!notes) return undefined;
  if (x.omitted !== undefined && x.omitted !== true) return undefined;
  return x.omitted ? { path: x.path, text: x.text, notes, omitted: true } : { path: x.path, text: x.text, notes };
}

function parseProblems(x: unknown): WebviewProblems | undefined {
  if (!isObj(x) || !isCount(x.errors) || !isCount(x.warnings) || !isCount(x.syntaxErrors)) return undefined;
  const p: WebviewProblems = { errors: x.errors, warnings: x.warnings, syntaxErrors: x.syntaxErrors };
  if (x.first !== undefined) {
    if (!isStr(x.first, 2_000)) return undefined;
    p.first = x.first;
  }
  return p;
}

/** Validates a message from the extension (in the webview). */
export function parseToWebview(x: unknown): ToWebview | undefined {
  if (!isObj(x)) return undefined;
  switch (x.type) {
    case "update": {
      if (!isCount(x.seq) || !isStr(x.documentUri, 5_000) || !isStr(x.documentName, 1_000) || !oneOf(SCOPES, x.scope) || !isStr(x.scopeLabel, 1_000) || typeof x.broken !== "boolean") return undefined;
      if (!Array.isArray(x.diagrams) || x.diagrams.length > DIAGRAM_KINDS.length) return undefined;
      const diagrams: WebviewDiagram[] = [];
      for (const d of x.diagrams) {
        const parsed = parseDiagram(d);
        if (!parsed) return undefined;
        diagrams.push(parsed);
      }
      const openapi = parseDocument(x.openapi);
      const sql = parseDocument(x.sql);
      const problems = parseProblems(x.problems);
      const highlight = parseHighlight(x.highlight);
      if (!openapi || !sql || !problems || !highlight) return undefined;
      return { type: "update", seq: x.seq, documentUri: x.documentUri, documentName: x.documentName, scope: x.scope, scopeLabel: x.scopeLabel, diagrams, openapi, sql, broken: x.broken, problems, highlight };
    }
    case "highlight": {
      const highlight = parseHighlight(x.highlight);
      return highlight ? { type: "highlight", highlight } : undefined;
    }
    case "theme":
      return oneOf(THEMES, x.theme) ? { type: "theme", theme: x.theme } : undefined;
    case "exportSvg": {
      if (!isCount(x.requestId)) return undefined;
      if (x.kind !== undefined && !oneOf(DIAGRAM_KINDS, x.kind)) return undefined;
      return x.kind ? { type: "exportSvg", requestId: x.requestId, kind: x.kind } : { type: "exportSvg", requestId: x.requestId };
    }
    case "selectTab":
      return oneOf(TABS, x.tab) ? { type: "selectTab", tab: x.tab } : undefined;
    case "notice":
      return isStr(x.text, 2_000) ? { type: "notice", text: x.text } : undefined;
    default:
      return undefined;
  }
}

/** Validates a message from the webview (in the extension): the webview is not trusted. */
export function parseFromWebview(x: unknown): FromWebview | undefined {
  if (!isObj(x)) return undefined;
  switch (x.type) {
    case "ready":
      return { type: "ready" };
    case "reveal":
      return oneOf(DIAGRAM_KINDS, x.kind) && isNodeId(x.nodeId) ? { type: "reveal", kind: x.kind, nodeId: x.nodeId } : undefined;
    case "setScope":
      return oneOf(SCOPES, x.scope) ? { type: "setScope", scope: x.scope } : undefined;
    case "tabChanged":
      return oneOf(TABS, x.tab) ? { type: "tabChanged", tab: x.tab } : undefined;
    case "svg": {
      if (!isCount(x.requestId)) return undefined;
      const m: SvgMessage = { type: "svg", requestId: x.requestId };
      if (x.kind !== undefined) {
        if (!oneOf(DIAGRAM_KINDS, x.kind)) return undefined;
        m.kind = x.kind;
      }
      if (x.svg !== undefined) {
        if (!isStr(x.svg, MAX_TEXT) || !looksLikeSvg(x.svg)) return undefined;
        m.svg = x.svg;
      }
      if (x.error !== undefined) {
        if (!isStr(x.error, 2_000)) return undefined;
        m.error = x.error;
      }
      return m.svg !== undefined || m.error !== undefined ? m : undefined;
    }
    case "rendered":
      if (!isCount(x.seq) || !oneOf(DIAGRAM_KINDS, x.kind) || !isCount(x.nodes) || typeof x.fromCache !== "boolean" || !isNum(x.ms) || !isCount(x.renders) || !isCount(x.cspViolations)) return undefined;
      return { type: "rendered", seq: x.seq, kind: x.kind, nodes: x.nodes, fromCache: x.fromCache, ms: x.ms, renders: x.renders, cspViolations: x.cspViolations };
    case "renderError":
      return isCount(x.seq) && oneOf(DIAGRAM_KINDS, x.kind) && isStr(x.message, 5_000) ? { type: "renderError", seq: x.seq, kind: x.kind, message: x.message } : undefined;
    case "cspViolation":
      return isStr(x.directive, 500) && isStr(x.blockedUri, 2_000) && isCount(x.count) ? { type: "cspViolation", directive: x.directive, blockedUri: x.blockedUri, count: x.count } : undefined;
    case "generate":
      return oneOf(GENERATE_TARGETS, x.target) ? { type: "generate", target: x.target } : undefined;
    case "exportRequested":
      if (x.kind !== undefined && !oneOf(DIAGRAM_KINDS, x.kind)) return undefined;
      return x.kind ? { type: "exportRequested", kind: x.kind } : { type: "exportRequested" };
    default:
      return undefined;
  }
}

/** Validates what the webview persisted (it comes back from VS Code after a reload). */
export function parsePersistedState(x: unknown): PersistedState {
  if (!isObj(x)) return {};
  const out: PersistedState = {};
  if (isStr(x.documentUri, 5_000)) out.documentUri = x.documentUri;
  if (oneOf(TABS, x.tab)) out.tab = x.tab;
  if (oneOf(SCOPES, x.scope)) out.scope = x.scope;
  return out;
}

/** An SVG document as Mermaid writes it: starts with `<svg` and has no script. */
export function looksLikeSvg(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith("<svg") && !/<script[\s>]/i.test(t);
}
