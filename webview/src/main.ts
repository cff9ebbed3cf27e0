// The preview panel's script (bundled to dist/webview.js, loaded before
// Mermaid's bundle under a nonce). It draws the diagrams the extension sends,
// one tab at a time, caches renders by diagram text, keeps the last good
// diagram while the model is broken or Mermaid fails, pans and zooms, reports
// clicks on nodes, highlights the node under the editor's cursor, and counts
// Content-Security-Policy violations (reported to the extension and shown in
// the hidden #aw-status element for tests).

import {
  DIAGRAM_KINDS,
  MAX_DIAGRAM_NODES,
  MAX_DIAGRAM_TEXT,
  parsePersistedState,
  parseToWebview,
  TABS,
  type DiagramKind,
  type FromWebview,
  type Highlight,
  type PersistedState,
  type Tab,
  type ThemeSetting,
  type ToWebview,
  type UpdateMessage,
  type WebviewDiagram,
} from "../../protocol/src/webview-messages";
import { fitTransform, isClick, mermaidTheme, nodeIdOf, RenderCache, themeKind, wheelFactor, zoomAt, type MermaidTheme, type ViewTransform } from "./diagram-logic";
import { highlightFile } from "./highlight";

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: FromWebview): void => vscode.postMessage(m);

// ---- CSP violations: counted from the very start (this script runs before Mermaid's) ----

let cspViolations = 0;
document.addEventListener("securitypolicyviolation", (e) => {
  cspViolations++;
  post({ type: "cspViolation", directive: String(e.effectiveDirective || e.violatedDirective).slice(0, 500), blockedUri: String(e.blockedURI).slice(0, 2000), count: cspViolations });
  updateStatus();
});

// ---- state ------------------------------------------------------------------

interface Shown {
  text: string;
  theme: MermaidTheme;
  title: string;
  /** Mermaid node id → the SVG elements standing for it. */
  nodes: Map<string, Element[]>;
}

const isDiagram = (t: Tab): t is DiagramKind => (DIAGRAM_KINDS as readonly string[]).includes(t);

const persisted: PersistedState = parsePersistedState(vscode.getState());
let tab: Tab = persisted.tab ?? (TABS.find((t) => byId(`aw-tab-${t}`)?.getAttribute("aria-selected") === "true") ?? "architecture");
let lastDiagram: DiagramKind = isDiagram(tab) ? tab : "architecture";
let update: UpdateMessage | undefined;
let highlight: Highlight = {};
let themeSetting: ThemeSetting = "auto";
let notice = "";
let state: "loading" | "ready" | "rendered" | "error" = "loading";
let renders = 0;
let renderIds = 0;
let lastRendered: { kind: DiagramKind; seq: number; nodes: number } | undefined;
const cache = new RenderCache<string>(24);
const shown: Partial<Record<DiagramKind, Shown>> = {};
const renderErrors: Partial<Record<DiagramKind, string>> = {};
const transforms: Record<DiagramKind, ViewTransform> = { architecture: { x: 0, y: 0, scale: 1 }, er: { x: 0, y: 0, scale: 1 }, sequence: { x: 0, y: 0, scale: 1 } };
/** True while the view is as fitted (no pan or zoom by the user since): refit on resize. */
const autoFit: Record<DiagramKind, boolean> = { architecture: true, er: true, sequence: true };
let initializedTheme: MermaidTheme | undefined;

function byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

function mermaidApi(): MermaidApi | undefined {
  return (window as unknown as { mermaid?: MermaidApi }).mermaid;
}

function currentTheme(): MermaidTheme {
  return mermaidTheme(themeKind(themeSetting, [...document.body.classList]));
}

function saveState(): void {
  vscode.setState(persisted);
}

// ---- status (for tests) and banner -------------------------------------------

function updateStatus(): void {
  const el = byId("aw-status");
  if (!el) return;
  const nodes = lastRendered?.nodes ?? 0;
  el.dataset.state = state;
  el.dataset.tab = tab;
  el.dataset.renders = String(renders);
  el.dataset.cspViolations = String(cspViolations);
  el.dataset.seq = String(update?.seq ?? -1);
  el.dataset.renderedSeq = String(lastRendered?.seq ?? -1);
  el.dataset.renderedKind = lastRendered?.kind ?? "";
  el.dataset.nodes = String(nodes);
  el.textContent = `state:${state} tab:${tab} seq:${update?.seq ?? -1} rendered-seq:${lastRendered?.seq ?? -1} renders:${renders} nodes:${nodes} csp-violations:${cspViolations}`;
  byId("aw-root")?.setAttribute("data-state", state);
}

function updateBanner(): void {
  const banner = byId("aw-banner");
  const text = byId("aw-banner-text");
  if (!banner || !text) return;
  let message = "";
  let error = false;
  const kind = isDiagram(tab) ? tab : undefined;
  if (notice) message = notice;
  else if (update?.broken) {
    const n = update.problems.syntaxErrors;
    message = `${update.documentName} has ${n} syntax error${n === 1 ? "" : "s"}${update.problems.first ? ` (${update.problems.first})` : ""}: showing the last good diagram.`;
  } else if (kind && renderErrors[kind]) {
    error = true;
    message = `Mermaid could not render the ${kind === "er" ? "ER" : kind} diagram: ${renderErrors[kind]}${shown[kind] ? " Showing the last good one." : ""}`;
  } else if (!mermaidApi()) {
    error = true;
    message = "Mermaid failed to load: diagrams cannot be shown.";
  }
  text.textContent = message;
  banner.hidden = !message;
  banner.classList.toggle("aw-error", error);
}

function setNotes(kind: Tab, notes: readonly string[]): void {
  const list = byId(`aw-notes-${kind}`);
  if (!list) return;
  list.replaceChildren(
    ...notes.map((n) => {
      const li = document.createElement("li");
      li.textContent = n;
      return li;
    }),
  );
  list.hidden = notes.length === 0;
}

function setEmpty(kind: Tab, message: string | undefined): void {
  const el = byId(`aw-empty-${kind}`);
  if (!el) return;
  el.textContent = message ?? "";
  el.hidden = !message;
}

// ---- tabs ---------------------------------------------------------------------

function selectTab(next: Tab, notify = true): void {
  tab = next;
  if (isDiagram(next)) lastDiagram = next;
  for (const t of TABS) {
    const button = byId(`aw-tab-${t}`);
    const panel = byId(`aw-panel-${t}`);
    button?.setAttribute("aria-selected", String(t === next));
    button?.setAttribute("tabindex", t === next ? "0" : "-1");
    if (panel) panel.hidden = t !== next;
  }
  document.body.classList.toggle("aw-code-tab", !isDiagram(next));
  persisted.tab = next;
  saveState();
  if (notify) post({ type: "tabChanged", tab: next });
  refresh();
  updateZoomLabel();
  updateBanner();
  updateStatus();
}

/** Shows the current tab's content for the current update. */
function refresh(): void {
  if (!update) return;
  if (isDiagram(tab)) schedule(tab);
  else showCode(tab);
}

// ---- OpenAPI and SQL ----------------------------------------------------------------

const shownCode: Partial<Record<"openapi" | "sql", string>> = {};

function showCode(kind: "openapi" | "sql"): void {
  if (!update) return;
  const doc = update[kind];
  const title = byId(`aw-title-${kind}`);
  if (title) title.textContent = doc.path ? `${doc.path} · ${update.scopeLabel}` : update.scopeLabel;
  setNotes(kind, doc.text ? doc.notes : []);
  const pre = byId(`aw-code-${kind}`);
  const code = pre?.querySelector("code");
  const button = byId<HTMLButtonElement>(`aw-generate-${kind}`);
  if (button) button.disabled = !doc.text;
  if (!pre || !code) return;
  if (doc.omitted) {
    // Asked for when the tab is shown: the extension's next update carries it.
    if (shownCode[kind] === undefined) {
      pre.hidden = true;
      setEmpty(kind, "Loading…");
    }
    return;
  }
  if (!doc.text) {
    pre.hidden = true;
    setEmpty(kind, doc.notes.length ? doc.notes.join(" ") : `Nothing to generate for ${update.scopeLabel}.`);
    shownCode[kind] = undefined;
    return;
  }
  pre.hidden = false;
  setEmpty(kind, undefined);
  const key = `${doc.path}\u0000${doc.text}`;
  if (shownCode[kind] === key) return;
  shownCode[kind] = key;
  // highlightFile escapes every character of the text.
  code.innerHTML = highlightFile(doc.path || (kind === "sql" ? "x.sql" : "x.yaml"), doc.text);
}

// ---- diagrams -----------------------------------------------------------------------

let chain: Promise<void> = Promise.resolve();

/** Renders one diagram after the renders already queued (Mermaid renders one at a time). */
function schedule(kind: DiagramKind): Promise<void> {
  chain = chain.then(() => renderKind(kind)).catch((e: unknown) => console.error("archwright preview:", e));
  return chain;
}

function ensureMermaid(m: MermaidApi, theme: MermaidTheme): void {
  if (initializedTheme === theme) return;
  m.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    theme,
    maxTextSize: MAX_DIAGRAM_TEXT,
    flowchart: { useMaxWidth: false },
    er: { useMaxWidth: false },
    sequence: { useMaxWidth: false },
  });
  initializedTheme = theme;
}

function removeLeftovers(id: string): void {
  // Mermaid leaves its scratch element in the body when a render fails.
  for (const leftover of [`d${id}`, id, `i${id}`]) {
    const el = document.getElementById(leftover);
    if (el && !el.closest(".aw-canvas")) el.remove();
  }
}

function errorText(e: unknown): string {
  const message = typeof e === "object" && e !== null && "message" in e ? (e as { message: unknown }).message : undefined;
  const text = typeof message === "string" ? message : String(e);
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "unknown error";
}

function report(kind: DiagramKind, seq: number, nodes: number, fromCache: boolean, ms: number): void {
  renders++;
  state = "rendered";
  lastRendered = { kind, seq, nodes };
  post({ type: "rendered", seq, kind, nodes, fromCache, ms: Math.round(ms), renders, cspViolations });
  updateStatus();
}

async function renderKind(kind: DiagramKind): Promise<void> {
  const u = update;
  if (!u) return;
  const d = u.diagrams.find((x) => x.kind === kind);
  const titleEl = byId(`aw-title-${kind}`);
  if (!d) return;
  const prev = shown[kind];
  const theme = currentTheme();
  const keepLastGood = u.broken && prev !== undefined;
  if (titleEl && !keepLastGood) titleEl.textContent = d.title;
  setNotes(kind, keepLastGood ? [] : d.notes);

  if (d.empty !== undefined || !d.text) {
    if (keepLastGood) return report(kind, u.seq, prev.nodes.size, true, 0);
    clearCanvas(kind);
    setEmpty(kind, d.empty ?? "Nothing to draw.");
    return report(kind, u.seq, 0, true, 0);
  }
  if (d.nodes.length > MAX_DIAGRAM_NODES || d.text.length > MAX_DIAGRAM_TEXT) {
    if (keepLastGood) return report(kind, u.seq, prev.nodes.size, true, 0);
    clearCanvas(kind);
    setEmpty(kind, `This diagram has ${d.nodes.length} nodes, too many to draw here. Put the cursor in a service to see its part of the system.`);
    return report(kind, u.seq, 0, true, 0);
  }
  if (keepLastGood) {
    applyHighlight(kind);
    return report(kind, u.seq, prev.nodes.size, true, 0);
  }
  if (prev && prev.text === d.text && prev.theme === theme) {
    renderErrors[kind] = undefined;
    updateBanner();
    if (prev.title !== d.title) prev.title = d.title;
    applyHighlight(kind);
    return report(kind, u.seq, prev.nodes.size, true, 0);
  }

  const m = mermaidApi();
  if (!m) {
    state = "error";
    updateBanner();
    updateStatus();
    return;
  }
  const started = performance.now();
  const key = RenderCache.key(theme, d.text);
  let svg = cache.get(key);
  const fromCache = svg !== undefined;
  if (svg === undefined) {
    const id = `aw-svg-${++renderIds}`;
    try {
      ensureMermaid(m, theme);
      svg = (await m.render(id, d.text)).svg;
      cache.set(key, svg);
    } catch (e) {
      removeLeftovers(id);
      renderErrors[kind] = errorText(e);
      post({ type: "renderError", seq: u.seq, kind, message: renderErrors[kind]! });
      if (!prev) {
        clearCanvas(kind);
        setEmpty(kind, "This diagram could not be drawn.");
      }
      state = prev ? state : "error";
      updateBanner();
      updateStatus();
      return;
    }
  }
  renderErrors[kind] = undefined;
  const subjectChanged = !prev || prev.title !== d.title;
  display(kind, d, svg, theme);
  if (subjectChanged || autoFit[kind]) fit(kind);
  applyHighlight(kind);
  updateBanner();
  report(kind, u.seq, shown[kind]?.nodes.size ?? 0, fromCache, performance.now() - started);
}

function clearCanvas(kind: DiagramKind): void {
  byId(`aw-canvas-${kind}`)?.replaceChildren();
  shown[kind] = undefined;
}

function display(kind: DiagramKind, d: WebviewDiagram, svg: string, theme: MermaidTheme): void {
  const canvas = byId(`aw-canvas-${kind}`);
  if (!canvas) return;
  setEmpty(kind, undefined);
  // Mermaid's output at securityLevel "strict" (sanitised by Mermaid; every label was escaped by the generator).
  canvas.innerHTML = svg;
  const svgEl = canvas.querySelector("svg");
  const nodes = new Map<string, Element[]>();
  if (svgEl) {
    const known = new Set(d.nodes.map((n) => n.id));
    const labels = new Map(d.nodes.map((n) => [n.id, n.label]));
    const found: [string, Element][] = [];
    for (const el of svgEl.querySelectorAll("[id], [data-id], [name]")) {
      if (el.tagName.toLowerCase() === "line" || el === svgEl) continue;
      const id = nodeIdOf({ id: el.getAttribute("id"), dataId: el.getAttribute("data-id"), name: el.getAttribute("name") }, svgEl.id, known);
      if (id) found.push([id, el]);
    }
    const idOf = new Map(found.map(([id, el]) => [el, id]));
    for (const [id, el] of found) {
      // Keep the outermost element per node (a participant's group, not also its box inside).
      let nested = false;
      for (let parent: Element | null = el.parentElement; parent && parent !== svgEl && !nested; parent = parent.parentElement) nested = idOf.get(parent) === id;
      if (nested) continue;
      el.setAttribute("data-aw-node", id);
      el.classList.add("aw-node");
      const list = nodes.get(id) ?? [];
      list.push(el);
      nodes.set(id, list);
      if (list.length === 1) {
        const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
        title.setAttribute("data-aw-title", "");
        title.textContent = `${labels.get(id) ?? id}: click to reveal its declaration`;
        el.insertBefore(title, el.firstChild);
      }
    }
  }
  shown[kind] = { text: d.text, theme, title: d.title, nodes };
  applyTransform(kind);
}

// ---- highlight ----------------------------------------------------------------------------

function applyHighlight(kind: DiagramKind): void {
  const canvas = byId(`aw-canvas-${kind}`);
  if (!canvas) return;
  for (const mark of canvas.querySelectorAll(".aw-mark")) mark.remove();
  for (const el of canvas.querySelectorAll(".aw-active")) el.classList.remove("aw-active");
  const s = shown[kind];
  if (!s) return;
  const t = transforms[kind];
  const base = canvas.getBoundingClientRect();
  for (const id of highlight[kind] ?? []) {
    for (const el of s.nodes.get(id) ?? []) {
      el.classList.add("aw-active");
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const mark = document.createElement("div");
      mark.className = "aw-mark";
      mark.dataset.node = id;
      const pad = 4;
      mark.style.left = `${(r.left - base.left) / t.scale - pad}px`;
      mark.style.top = `${(r.top - base.top) / t.scale - pad}px`;
      mark.style.width = `${r.width / t.scale + 2 * pad}px`;
      mark.style.height = `${r.height / t.scale + 2 * pad}px`;
      canvas.appendChild(mark);
    }
  }
}

// ---- pan and zoom ---------------------------------------------------------------------------

function applyTransform(kind: DiagramKind): void {
  const t = transforms[kind];
  const canvas = byId(`aw-canvas-${kind}`);
  if (canvas) canvas.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.scale})`;
  if (kind === tab) updateZoomLabel();
}

function updateZoomLabel(): void {
  const label = byId("aw-zoom-reset");
  if (label && isDiagram(tab)) label.textContent = `${Math.round(transforms[tab].scale * 100)}%`;
}

function contentSize(kind: DiagramKind): { w: number; h: number } | undefined {
  const svgEl = byId(`aw-canvas-${kind}`)?.querySelector("svg");
  if (!svgEl) return undefined;
  const r = svgEl.getBoundingClientRect();
  const scale = transforms[kind].scale;
  return { w: r.width / scale, h: r.height / scale };
}

function fit(kind: DiagramKind): void {
  const viewport = byId(`aw-viewport-${kind}`);
  const size = contentSize(kind);
  if (!viewport || !size || viewport.clientWidth === 0) {
    autoFit[kind] = true;
    return;
  }
  transforms[kind] = fitTransform(size.w, size.h, viewport.clientWidth, viewport.clientHeight);
  autoFit[kind] = true;
  applyTransform(kind);
}

function zoomBy(kind: DiagramKind, factor: number, px?: number, py?: number): void {
  const viewport = byId(`aw-viewport-${kind}`);
  if (!viewport) return;
  transforms[kind] = zoomAt(transforms[kind], factor, px ?? viewport.clientWidth / 2, py ?? viewport.clientHeight / 2);
  autoFit[kind] = false;
  applyTransform(kind);
}

function actualSize(kind: DiagramKind): void {
  const viewport = byId(`aw-viewport-${kind}`);
  const size = contentSize(kind);
  if (!viewport || !size) return;
  transforms[kind] = { scale: 1, x: Math.max(16, (viewport.clientWidth - size.w) / 2), y: 16 };
  autoFit[kind] = false;
  applyTransform(kind);
}

function wireViewport(kind: DiagramKind): void {
  const viewport = byId(`aw-viewport-${kind}`);
  if (!viewport) return;
  let down: { x: number; y: number; tx: number; ty: number; target: EventTarget | null; id: number } | undefined;
  viewport.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    down = { x: e.clientX, y: e.clientY, tx: transforms[kind].x, ty: transforms[kind].y, target: e.target, id: e.pointerId };
  });
  viewport.addEventListener("pointermove", (e) => {
    if (!down || e.pointerId !== down.id) return;
    const dx = e.clientX - down.x;
    const dy = e.clientY - down.y;
    if (isClick(dx, dy) && !viewport.classList.contains("aw-dragging")) return;
    if (!viewport.classList.contains("aw-dragging")) {
      viewport.classList.add("aw-dragging");
      viewport.setPointerCapture?.(e.pointerId);
    }
    transforms[kind] = { ...transforms[kind], x: down.tx + dx, y: down.ty + dy };
    autoFit[kind] = false;
    applyTransform(kind);
  });
  const end = (e: PointerEvent) => {
    if (!down || e.pointerId !== down.id) return;
    const dragged = viewport.classList.contains("aw-dragging");
    viewport.classList.remove("aw-dragging");
    if (viewport.hasPointerCapture?.(e.pointerId)) viewport.releasePointerCapture(e.pointerId);
    const target = down.target;
    down = undefined;
    if (dragged || e.type !== "pointerup") return;
    const node = target instanceof Element ? target.closest("[data-aw-node]") : null;
    const nodeId = node?.getAttribute("data-aw-node");
    if (nodeId) post({ type: "reveal", kind, nodeId });
  };
  viewport.addEventListener("pointerup", end);
  viewport.addEventListener("pointercancel", end);
  viewport.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const r = viewport.getBoundingClientRect();
      zoomBy(kind, wheelFactor(e.deltaY, e.deltaMode), e.clientX - r.left, e.clientY - r.top);
    },
    { passive: false },
  );
  viewport.addEventListener("keydown", (e) => {
    const t = transforms[kind];
    const step = 40;
    switch (e.key) {
      case "+":
      case "=":
        zoomBy(kind, 1.2);
        break;
      case "-":
        zoomBy(kind, 1 / 1.2);
        break;
      case "0":
        actualSize(kind);
        break;
      case "f":
        fit(kind);
        break;
      case "ArrowLeft":
      case "ArrowRight":
      case "ArrowUp":
      case "ArrowDown":
        transforms[kind] = {
          ...t,
          x: t.x + (e.key === "ArrowLeft" ? step : e.key === "ArrowRight" ? -step : 0),
          y: t.y + (e.key === "ArrowUp" ? step : e.key === "ArrowDown" ? -step : 0),
        };
        autoFit[kind] = false;
        applyTransform(kind);
        break;
      default:
        return;
    }
    e.preventDefault();
  });
  if (typeof ResizeObserver === "undefined") return;
  new ResizeObserver(() => {
    if (autoFit[kind] && kind === tab && shown[kind]) {
      fit(kind);
      applyHighlight(kind);
    }
  }).observe(viewport);
}

// ---- export -------------------------------------------------------------------------------

async function exportSvg(requestId: number, kind: DiagramKind | undefined): Promise<void> {
  const k = kind ?? (isDiagram(tab) ? tab : lastDiagram);
  try {
    const d = update?.diagrams.find((x) => x.kind === k);
    if (d && d.text && !update?.broken && shown[k]?.text !== d.text) await schedule(k);
    const svgEl = byId(`aw-canvas-${k}`)?.querySelector("svg");
    if (!svgEl) {
      post({ type: "svg", requestId, kind: k, error: d?.empty ?? renderErrors[k] ?? "There is no diagram to export." });
      return;
    }
    const copy = svgEl.cloneNode(true) as SVGSVGElement;
    for (const t of copy.querySelectorAll("[data-aw-title]")) t.remove();
    for (const el of copy.querySelectorAll("[data-aw-node]")) {
      el.removeAttribute("data-aw-node");
      el.classList.remove("aw-node", "aw-active");
      if (el.getAttribute("class") === "") el.removeAttribute("class");
    }
    if (!copy.getAttribute("xmlns")) copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    post({ type: "svg", requestId, kind: k, svg: new XMLSerializer().serializeToString(copy) });
  } catch (e) {
    post({ type: "svg", requestId, kind: k, error: errorText(e) });
  }
}

// ---- messages from the extension -------------------------------------------------------------

function applyTheme(): void {
  document.body.classList.toggle("aw-forced-light", themeSetting === "light");
  document.body.classList.toggle("aw-forced-dark", themeSetting === "dark");
}

function onUpdate(m: UpdateMessage): void {
  update = m;
  highlight = m.highlight;
  persisted.documentUri = m.documentUri;
  persisted.scope = m.scope;
  saveState();
  const toggle = byId<HTMLInputElement>("aw-scope-system");
  if (toggle) toggle.checked = m.scope === "system";
  const label = byId("aw-scope-label");
  if (label) label.textContent = m.scopeLabel;
  const doc = byId("aw-document");
  if (doc) doc.textContent = m.documentName;
  const problems = byId("aw-problems");
  if (problems) {
    const { errors, warnings } = m.problems;
    problems.textContent = errors || warnings ? `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in the workspace` : "No problems";
  }
  if (state === "loading") state = "ready";
  updateBanner();
  updateStatus();
  refresh();
}

function onMessage(m: ToWebview): void {
  switch (m.type) {
    case "update":
      onUpdate(m);
      break;
    case "highlight":
      highlight = { ...highlight, ...m.highlight };
      if (isDiagram(tab)) applyHighlight(tab);
      break;
    case "theme":
      themeSetting = m.theme;
      applyTheme();
      refresh();
      break;
    case "exportSvg":
      void exportSvg(m.requestId, m.kind);
      break;
    case "selectTab":
      selectTab(m.tab);
      break;
    case "notice":
      notice = m.text;
      updateBanner();
      break;
  }
}

// ---- start ------------------------------------------------------------------------------------

function start(): void {
  for (const t of TABS) byId(`aw-tab-${t}`)?.addEventListener("click", () => selectTab(t));
  byId("aw-tabs")?.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const i = TABS.indexOf(tab);
    const next = TABS[(i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
    selectTab(next);
    byId(`aw-tab-${next}`)?.focus();
    e.preventDefault();
  });
  for (const kind of DIAGRAM_KINDS) wireViewport(kind);
  byId("aw-zoom-in")?.addEventListener("click", () => isDiagram(tab) && zoomBy(tab, 1.2));
  byId("aw-zoom-out")?.addEventListener("click", () => isDiagram(tab) && zoomBy(tab, 1 / 1.2));
  byId("aw-zoom-reset")?.addEventListener("click", () => isDiagram(tab) && actualSize(tab));
  byId("aw-zoom-fit")?.addEventListener("click", () => isDiagram(tab) && fit(tab));
  byId("aw-export")?.addEventListener("click", () => post({ type: "exportRequested", kind: isDiagram(tab) ? tab : lastDiagram }));
  byId("aw-generate-openapi")?.addEventListener("click", () => post({ type: "generate", target: "openapi" }));
  byId("aw-generate-sql")?.addEventListener("click", () => post({ type: "generate", target: "sql" }));
  byId<HTMLInputElement>("aw-scope-system")?.addEventListener("change", (e) => {
    const scope = (e.target as HTMLInputElement).checked ? "system" : "auto";
    persisted.scope = scope;
    saveState();
    post({ type: "setScope", scope });
  });
  new MutationObserver(() => {
    if (isDiagram(tab) && shown[tab] && shown[tab]!.theme !== currentTheme()) refresh();
  }).observe(document.body, { attributes: true, attributeFilter: ["class"] });
  window.addEventListener("message", (e: MessageEvent) => {
    const m = parseToWebview(e.data);
    if (m) onMessage(m);
  });
  applyTheme();
  selectTab(tab, false);
  if (!mermaidApi()) state = "error";
  updateBanner();
  updateStatus();
  post({ type: "ready" });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
