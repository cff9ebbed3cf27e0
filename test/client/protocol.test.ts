// Every message crossing the webview boundary is validated: well-formed ones
// pass unchanged, anything else is dropped.

import { describe, expect, it } from "vitest";
import { isNodeId, looksLikeSvg, parseFromWebview, parsePersistedState, parseToWebview, type UpdateMessage } from "../../protocol/src/webview-messages";

const update: UpdateMessage = {
  type: "update",
  seq: 3,
  documentUri: "file:///w/shop.arch",
  documentName: "shop.arch",
  scope: "auto",
  scopeLabel: "Service Orders",
  diagrams: [
    { kind: "architecture", title: "Orders and its neighbours", text: "flowchart LR\n  svc_Orders", nodes: [{ id: "svc_Orders", label: "Orders" }], notes: [] },
    { kind: "er", title: "Service Orders", text: "", nodes: [], empty: "Service Orders declares no entities.", notes: ["a note"] },
  ],
  openapi: { path: "orders.openapi.yaml", text: "openapi: 3.1.0\n", notes: [] },
  sql: { path: "", text: "", notes: ["Service Orders has no entities."] },
  broken: false,
  problems: { errors: 1, warnings: 2, syntaxErrors: 0, first: "shop.arch:3: boom" },
  highlight: { architecture: ["svc_Orders"], er: [] },
};

describe("parseToWebview", () => {
  it("accepts every well-formed message unchanged", () => {
    expect(parseToWebview(update)).toEqual(update);
    for (const m of [
      { type: "highlight", highlight: { sequence: ["svc_A", "db_b"] } },
      { type: "theme", theme: "dark" },
      { type: "exportSvg", requestId: 4 },
      { type: "exportSvg", requestId: 5, kind: "er" },
      { type: "selectTab", tab: "sql" },
      { type: "notice", text: "" },
      { ...update, sql: { path: "", text: "", notes: [], omitted: true } },
    ]) {
      expect(parseToWebview(m)).toEqual(m);
    }
  });

  it("drops unknown types, wrong field types and out-of-range values", () => {
    for (const m of [
      null,
      "update",
      [],
      { type: "nope" },
      { ...update, seq: -1 },
      { ...update, seq: 1.5 },
      { ...update, scope: "galaxy" },
      { ...update, broken: "no" },
      { ...update, diagrams: [{ ...update.diagrams[0], kind: "pie" }] },
      { ...update, diagrams: [{ ...update.diagrams[0], nodes: [{ id: "a-b", label: "x" }] }] },
      { ...update, diagrams: [{ ...update.diagrams[0], nodes: [{ id: "<img>", label: "x" }] }] },
      { ...update, diagrams: [update.diagrams[0], update.diagrams[0], update.diagrams[0], update.diagrams[0]] },
      { ...update, highlight: { pie: ["x"] } },
      { ...update, highlight: { architecture: ["x y"] } },
      { ...update, problems: { errors: 1 } },
      { ...update, openapi: { path: 1, text: "", notes: [] } },
      { ...update, openapi: { path: "", text: "", notes: [], omitted: "yes" } },
      { type: "theme", theme: "pink" },
      { type: "exportSvg", requestId: "1" },
      { type: "exportSvg", requestId: 1, kind: "openapi" },
      { type: "selectTab", tab: "settings" },
      { type: "notice", text: 3 },
    ]) {
      expect(parseToWebview(m), JSON.stringify(m)?.slice(0, 120)).toBeUndefined();
    }
  });

  it("copies only known fields", () => {
    const parsed = parseToWebview({ ...update, extra: "<script>", diagrams: [{ ...update.diagrams[0], onclick: "x" }] });
    expect(parsed).toBeDefined();
    expect(JSON.stringify(parsed)).not.toContain("<script>");
    expect(JSON.stringify(parsed)).not.toContain("onclick");
  });
});

describe("parseFromWebview", () => {
  it("accepts the webview's messages", () => {
    for (const m of [
      { type: "ready" },
      { type: "reveal", kind: "architecture", nodeId: "svc_Orders" },
      { type: "setScope", scope: "system" },
      { type: "tabChanged", tab: "openapi" },
      { type: "svg", requestId: 1, kind: "er", svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
      { type: "svg", requestId: 2, error: "no diagram" },
      { type: "rendered", seq: 2, kind: "sequence", nodes: 9, fromCache: false, ms: 120, renders: 4, cspViolations: 0 },
      { type: "renderError", seq: 2, kind: "er", message: "Parse error" },
      { type: "cspViolation", directive: "style-src-attr", blockedUri: "inline", count: 1 },
      { type: "generate", target: "sql" },
      { type: "exportRequested" },
      { type: "exportRequested", kind: "architecture" },
    ]) {
      expect(parseFromWebview(m)).toEqual(m);
    }
  });

  it("does not trust the webview", () => {
    for (const m of [
      { type: "reveal", kind: "architecture", nodeId: "../../etc/passwd" },
      { type: "reveal", kind: "architecture", nodeId: "file:///x" },
      { type: "reveal", kind: "openapi", nodeId: "svc_A" },
      { type: "setScope", scope: "everything" },
      { type: "svg", requestId: 1 },
      { type: "svg", requestId: 1, svg: "<html><script>alert(1)</script></html>" },
      { type: "svg", requestId: 1, svg: "<svg><script>alert(1)</script></svg>" },
      { type: "rendered", seq: 1, kind: "er", nodes: 1, fromCache: "yes", ms: 1, renders: 1, cspViolations: 0 },
      { type: "rendered", seq: 1, kind: "er", nodes: 1, fromCache: true, ms: Number.NaN, renders: 1, cspViolations: 0 },
      { type: "cspViolation", directive: "x".repeat(600), blockedUri: "", count: 1 },
      { type: "generate", target: "bash" },
      { type: "generate", target: "openapi", path: "/etc" },
    ]) {
      const parsed = parseFromWebview(m);
      if (m.type === "generate" && (m as { target: string }).target === "openapi") expect(parsed).toEqual({ type: "generate", target: "openapi" });
      else expect(parsed, JSON.stringify(m).slice(0, 100)).toBeUndefined();
    }
  });
});

describe("helpers", () => {
  it("node ids are identifier characters only", () => {
    expect(isNodeId("svc_Orders_2")).toBe(true);
    expect(isNodeId("e_Catalog_Product")).toBe(true);
    expect(isNodeId("9x")).toBe(false);
    expect(isNodeId("a-b")).toBe(false);
    expect(isNodeId("")).toBe(false);
  });

  it("recognises an SVG without scripts", () => {
    expect(looksLikeSvg('  <svg id="a"><g/></svg>')).toBe(true);
    expect(looksLikeSvg('<?xml version="1.0"?><svg/>')).toBe(false);
    expect(looksLikeSvg("<svg><SCRIPT>x</SCRIPT></svg>")).toBe(false);
  });

  it("keeps only valid persisted state", () => {
    expect(parsePersistedState({ documentUri: "file:///a.arch", tab: "er", scope: "system", junk: 1 })).toEqual({ documentUri: "file:///a.arch", tab: "er", scope: "system" });
    expect(parsePersistedState({ tab: "nope", scope: 3 })).toEqual({});
    expect(parsePersistedState(undefined)).toEqual({});
  });
});
