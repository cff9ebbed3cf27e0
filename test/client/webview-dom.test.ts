// The preview webview's script in a DOM (jsdom), with a stand-in for Mermaid
// that writes Mermaid 12's element ids: the contract with the extension and
// the end-to-end tests — messages both ways, node annotations, clicks, the
// last good diagram on errors, the render cache, CSP violation counting and
// SVG export. (Real Mermaid rendering is checked in Chromium by the e2e test.)

import { createRequire } from "node:module";
import { resolve } from "node:path";
import { build } from "esbuild";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { previewHtml } from "../../client/src/preview-html";
import type { FromWebview, UpdateMessage, WebviewDiagram } from "../../protocol/src/webview-messages";

// Structural DOM types: the root tsconfig has no DOM lib (core must not see it).
interface El {
  id: string;
  textContent: string | null;
  hidden: boolean;
  checked: boolean;
  disabled: boolean;
  className: string;
  classList: { contains(c: string): boolean };
  dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): El[] & Iterable<El>;
  appendChild(child: El): void;
  dispatchEvent(e: unknown): boolean;
  click(): void;
}
interface Doc {
  body: El;
  getElementById(id: string): El | null;
  querySelector(selector: string): El | null;
  createElement(tag: string): El;
  dispatchEvent(e: unknown): boolean;
}
type EventCtor<I> = new (type: string, init?: I) => object;
interface Win {
  document: Doc;
  eval(code: string): unknown;
  dispatchEvent(e: unknown): boolean;
  MessageEvent: EventCtor<{ data: unknown }>;
  MouseEvent: EventCtor<{ bubbles?: boolean; button?: number; clientX?: number; clientY?: number }>;
  Event: EventCtor<{ bubbles?: boolean }>;
  [key: string]: unknown;
}
const { JSDOM } = createRequire(import.meta.url)("jsdom") as { JSDOM: new (html: string, options: Record<string, unknown>) => { window: Win } };

let bundle = "";
beforeAll(async () => {
  const out = await build({ entryPoints: [resolve(__dirname, "../../webview/src/main.ts")], bundle: true, format: "iife", platform: "browser", write: false, logLevel: "silent" });
  bundle = out.outputFiles[0]!.text;
});

interface Harness {
  window: Win;
  document: Doc;
  posted: FromWebview[];
  renders: string[];
  themes: string[];
  send(m: unknown): void;
  status(): Record<string, string | undefined>;
  settle(): Promise<void>;
}

function start(): Harness {
  const html = previewHtml({ cspSource: "https://x.test", nonce: "AAAAAAAAAAAAAAAAAAAAAAAA", scriptUri: "webview.js", mermaidUri: "mermaid.min.js" }).replace(/<script[\s\S]*?<\/script>/g, "");
  const { window } = new JSDOM(html, { runScripts: "outside-only", pretendToBeVisual: true, url: "https://webview.test/" });
  window.document.body.className = "vscode-light";
  const posted: FromWebview[] = [];
  const renders: string[] = [];
  const themes: string[] = [];
  let state: unknown;
  window.acquireVsCodeApi = () => ({ postMessage: (m: FromWebview) => posted.push(JSON.parse(JSON.stringify(m))), getState: () => state, setState: (s: unknown) => (state = s) });
  window.mermaid = {
    initialize: (config: { theme: string }) => themes.push(config.theme),
    render: async (id: string, text: string) => {
      renders.push(text);
      if (text.includes("BROKEN")) {
        const scratch = window.document.createElement("div");
        scratch.id = `d${id}`;
        window.document.body.appendChild(scratch);
        throw new Error("Parse error on line 2: BROKEN");
      }
      const ids = [...new Set(text.match(/\b(?:svc|db|e)_[A-Za-z0-9_]+/g) ?? [])];
      const nodes = ids.map((n, i) => (n.startsWith("e_") ? `<g id="${id}-entity-${n}-${i}" class="node"><rect/></g>` : `<g id="${id}-flowchart-${n}-${i}" class="node default"><rect/><text>${n}</text></g>`));
      return { svg: `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" width="200" height="100"><style>#${id} .node{fill:#fff}</style><g>${nodes.join("")}<path id="${id}-L_a_b_0"/></g></svg>` };
    },
  };
  window.eval(bundle);
  const h: Harness = {
    window,
    document: window.document,
    posted,
    renders,
    themes,
    send: (m) => window.dispatchEvent(new window.MessageEvent("message", { data: m })),
    status: () => window.document.getElementById("aw-status")!.dataset,
    settle: async () => {
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    },
  };
  return h;
}

const arch = (text: string, ids: string[]): WebviewDiagram => ({ kind: "architecture", title: "Orders and its neighbours", text, nodes: ids.map((id) => ({ id, label: id.replace(/^svc_/, "") })), notes: [] });
let seq = 0;
function update(over: Partial<UpdateMessage> = {}): UpdateMessage {
  return {
    type: "update",
    seq: ++seq,
    documentUri: "file:///w/shop.arch",
    documentName: "shop.arch",
    scope: "auto",
    scopeLabel: "Service Orders",
    diagrams: [
      arch("flowchart LR\n  svc_Orders --> svc_Catalog\n  svc_Orders --> db_orders_db", ["svc_Orders", "svc_Catalog", "db_orders_db"]),
      { kind: "er", title: "Service Orders", text: "erDiagram\n  e_Orders_Order", nodes: [{ id: "e_Orders_Order", label: "Orders.Order" }], notes: [] },
      { kind: "sequence", title: "POST /orders", text: "", nodes: [], empty: "No endpoint.", notes: [] },
    ],
    openapi: { path: "orders.openapi.yaml", text: "openapi: 3.1.0\ninfo:\n  title: <Orders>\n", notes: [] },
    sql: { path: "", text: "", notes: ["Service Orders has no entities."] },
    broken: false,
    problems: { errors: 0, warnings: 1, syntaxErrors: 0 },
    highlight: { architecture: ["svc_Orders"] },
    ...over,
  };
}

const canvas = (h: Harness, kind = "architecture") => h.document.getElementById(`aw-canvas-${kind}`)!;
const banner = (h: Harness) => h.document.getElementById("aw-banner")!;
const ofType = <T extends FromWebview["type"]>(h: Harness, type: T) => h.posted.filter((m): m is Extract<FromWebview, { type: T }> => m.type === type);

describe("preview webview", () => {
  let h: Harness;
  beforeEach(() => {
    h = start();
  });

  it("says it is ready and waits for an update", () => {
    expect(h.posted[0]).toEqual({ type: "ready" });
    expect(h.status().state).toBe("loading");
    expect(h.document.getElementById("aw-status")!.textContent).toContain("csp-violations:0");
  });

  it("renders the diagram of the current tab and marks its nodes", async () => {
    const u = update();
    h.send(u);
    await h.settle();
    const nodes = [...canvas(h).querySelectorAll("[data-aw-node]")].map((e) => e.getAttribute("data-aw-node"));
    expect(nodes).toEqual(["svc_Orders", "svc_Catalog", "db_orders_db"]);
    expect(canvas(h).querySelector('[data-aw-node="svc_Orders"]')!.classList.contains("aw-active")).toBe(true);
    expect(canvas(h).querySelector('[data-aw-node="svc_Catalog"] > title')!.textContent).toContain("Catalog");
    expect(h.status()).toMatchObject({ state: "rendered", renderedSeq: String(u.seq), renderedKind: "architecture", nodes: "3", cspViolations: "0" });
    expect(ofType(h, "rendered").at(-1)).toMatchObject({ seq: u.seq, kind: "architecture", nodes: 3, fromCache: false, cspViolations: 0 });
    expect(h.renders).toHaveLength(1);
    expect(h.document.getElementById("aw-scope-label")!.textContent).toBe("Service Orders");
    expect(h.document.getElementById("aw-title-architecture")!.textContent).toBe("Orders and its neighbours");
    expect(banner(h).hidden).toBe(true);
  });

  it("reports a click on a node, not on the background", async () => {
    h.send(update());
    await h.settle();
    const node = canvas(h).querySelector('[data-aw-node="svc_Catalog"] rect')!;
    for (const type of ["pointerdown", "pointerup"]) node.dispatchEvent(new h.window.MouseEvent(type, { bubbles: true, button: 0, clientX: 10, clientY: 10 }));
    const background = canvas(h).querySelector("path")!;
    for (const type of ["pointerdown", "pointerup"]) background.dispatchEvent(new h.window.MouseEvent(type, { bubbles: true, button: 0, clientX: 10, clientY: 10 }));
    expect(ofType(h, "reveal")).toEqual([{ type: "reveal", kind: "architecture", nodeId: "svc_Catalog" }]);
  });

  it("reuses renders by diagram text", async () => {
    h.send(update());
    await h.settle();
    h.send(update({ scopeLabel: "Service Orders" }));
    await h.settle();
    expect(h.renders).toHaveLength(1);
    expect(ofType(h, "rendered").at(-1)).toMatchObject({ fromCache: true });
    // Another text, then the first one again: from the cache.
    h.send(update({ diagrams: [arch("flowchart LR\n  svc_Users", ["svc_Users"])] }));
    await h.settle();
    h.send(update());
    await h.settle();
    expect(h.renders).toHaveLength(2);
    expect(ofType(h, "rendered").at(-1)).toMatchObject({ fromCache: true, nodes: 3 });
  });

  it("keeps the last good diagram while the document has syntax errors", async () => {
    h.send(update());
    await h.settle();
    const svg = canvas(h).querySelector("svg");
    h.send(update({ broken: true, problems: { errors: 1, warnings: 0, syntaxErrors: 1, first: "shop.arch:12: expected `}`" }, diagrams: [arch("flowchart LR\n  svc_Half", ["svc_Half"])] }));
    await h.settle();
    expect(canvas(h).querySelector("svg")).toBe(svg);
    expect(banner(h).hidden).toBe(false);
    expect(banner(h).textContent).toContain("shop.arch has 1 syntax error (shop.arch:12: expected `}`): showing the last good diagram.");
    h.send(update());
    await h.settle();
    expect(banner(h).hidden).toBe(true);
  });

  it("keeps the last good diagram when Mermaid fails, and says so", async () => {
    h.send(update());
    await h.settle();
    h.send(update({ diagrams: [arch("flowchart LR\n  BROKEN svc_Orders", ["svc_Orders"])] }));
    await h.settle();
    expect(canvas(h).querySelectorAll("[data-aw-node]")).toHaveLength(3);
    expect(banner(h).classList.contains("aw-error")).toBe(true);
    expect(banner(h).textContent).toContain("Mermaid could not render the architecture diagram: Parse error on line 2: BROKEN Showing the last good one.");
    expect(ofType(h, "renderError")).toHaveLength(1);
    expect(h.document.querySelector('[id^="daw-svg"]')).toBeNull();
  });

  it("shows why a diagram is empty and refuses oversized ones", async () => {
    h.send(update());
    await h.settle();
    h.document.getElementById("aw-tab-sequence")!.click();
    await h.settle();
    expect(h.document.getElementById("aw-empty-sequence")!.textContent).toBe("No endpoint.");
    const many = Array.from({ length: 150 }, (_, i) => `svc_S${i}`);
    h.document.getElementById("aw-tab-architecture")!.click();
    h.send(update({ diagrams: [arch(`flowchart LR\n  ${many.join("\n  ")}`, many)] }));
    await h.settle();
    expect(h.document.getElementById("aw-empty-architecture")!.textContent).toContain("150 nodes");
    expect(h.renders).toHaveLength(1);
  });

  it("shows OpenAPI and SQL as escaped, highlighted text", async () => {
    h.send(update());
    await h.settle();
    h.document.getElementById("aw-tab-openapi")!.click();
    expect(ofType(h, "tabChanged").at(-1)).toEqual({ type: "tabChanged", tab: "openapi" });
    const code = h.document.querySelector("#aw-code-openapi code")!;
    expect(code.querySelector(".tok-key")!.textContent).toBe("openapi");
    expect(code.textContent).toContain("title: <Orders>");
    expect(code.querySelector("Orders")).toBeNull();
    expect(h.document.getElementById("aw-title-openapi")!.textContent).toContain("orders.openapi.yaml");
    h.document.getElementById("aw-generate-openapi")!.click();
    expect(ofType(h, "generate")).toEqual([{ type: "generate", target: "openapi" }]);
    h.document.getElementById("aw-tab-sql")!.click();
    expect(h.document.getElementById("aw-empty-sql")!.textContent).toBe("Service Orders has no entities.");
    expect(h.document.getElementById("aw-generate-sql")!.disabled).toBe(true);
  });

  it("says Loading… for a document the extension has not computed yet", async () => {
    h.send(update({ openapi: { path: "", text: "", notes: [], omitted: true } }));
    await h.settle();
    h.document.getElementById("aw-tab-openapi")!.click();
    expect(h.document.getElementById("aw-empty-openapi")!.textContent).toBe("Loading…");
    expect(h.document.getElementById("aw-code-openapi")!.hidden).toBe(true);
    h.send(update());
    await h.settle();
    expect(h.document.getElementById("aw-empty-openapi")!.hidden).toBe(true);
    expect(h.document.querySelector("#aw-code-openapi code")!.textContent).toContain("openapi: 3.1.0");
  });

  it("counts CSP violations and reports each one", () => {
    const e = new h.window.Event("securitypolicyviolation");
    Object.defineProperties(e, { effectiveDirective: { value: "style-src-attr" }, violatedDirective: { value: "style-src-attr" }, blockedURI: { value: "inline" } });
    h.document.dispatchEvent(e);
    expect(h.status().cspViolations).toBe("1");
    expect(ofType(h, "cspViolation")).toEqual([{ type: "cspViolation", directive: "style-src-attr", blockedUri: "inline", count: 1 }]);
  });

  it("exports the current diagram as standalone SVG", async () => {
    h.send(update());
    await h.settle();
    h.send({ type: "exportSvg", requestId: 9 });
    await h.settle();
    const svg = ofType(h, "svg")[0]!;
    expect(svg.requestId).toBe(9);
    expect(svg.kind).toBe("architecture");
    expect(svg.svg).toMatch(/^<svg /);
    expect(svg.svg).not.toContain("data-aw-node");
    expect(svg.svg).not.toContain("aw-node");
    expect(svg.svg).not.toContain("<title");
    // A diagram of a tab never shown is rendered for the export.
    h.send({ type: "exportSvg", requestId: 10, kind: "er" });
    await h.settle();
    expect(ofType(h, "svg")[1]).toMatchObject({ requestId: 10, kind: "er" });
    expect(ofType(h, "svg")[1]!.svg).toContain("entity-e_Orders_Order");
    h.send({ type: "exportSvg", requestId: 11, kind: "sequence" });
    await h.settle();
    expect(ofType(h, "svg")[2]).toEqual({ type: "svg", requestId: 11, kind: "sequence", error: "No endpoint." });
  });

  it("follows highlight, theme, scope and notice messages, and ignores invalid ones", async () => {
    h.send(update());
    await h.settle();
    h.send({ type: "highlight", highlight: { architecture: ["svc_Catalog"] } });
    expect(canvas(h).querySelector('[data-aw-node="svc_Catalog"]')!.classList.contains("aw-active")).toBe(true);
    expect(canvas(h).querySelector('[data-aw-node="svc_Orders"]')!.classList.contains("aw-active")).toBe(false);
    h.send({ type: "theme", theme: "dark" });
    await h.settle();
    expect(h.document.body.classList.contains("aw-forced-dark")).toBe(true);
    expect(h.themes.at(-1)).toBe("dark");
    expect(h.renders).toHaveLength(2);
    const toggle = h.document.getElementById("aw-scope-system")!;
    toggle.checked = true;
    toggle.dispatchEvent(new h.window.Event("change"));
    expect(ofType(h, "setScope")).toEqual([{ type: "setScope", scope: "system" }]);
    h.send({ type: "notice", text: "The language server is restarting." });
    expect(banner(h).textContent).toBe("The language server is restarting.");
    const before = h.posted.length;
    for (const bad of [{ type: "update" }, { type: "highlight", highlight: { architecture: ["<b>"] } }, "x", null, { type: "selectTab", tab: "evil" }]) h.send(bad);
    await h.settle();
    expect(h.posted.length).toBe(before);
  });

  it("switches tabs when the extension asks", async () => {
    h.send(update());
    await h.settle();
    h.send({ type: "selectTab", tab: "er" });
    await h.settle();
    expect(h.document.getElementById("aw-panel-er")!.hidden).toBe(false);
    expect(h.document.getElementById("aw-panel-architecture")!.hidden).toBe(true);
    expect(canvas(h, "er").querySelector('[data-aw-node="e_Orders_Order"]')).not.toBeNull();
  });
});
