// The extension side of the preview: which node the cursor is in, what the
// webview gets (no file locations), and the debounce.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce, documentName, findNode, nodesAtPosition, rangeContains, toUpdate } from "../../client/src/preview-logic";
import { parseToWebview } from "../../protocol/src/webview-messages";
import type { PreviewNode, PreviewResponse } from "../../server/src/preview";

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const node = (id: string, full: ReturnType<typeof r>, uri = "file:///w/shop.arch"): PreviewNode => ({ id, symbolName: id, uri, range: full, fullRange: full });

const response: PreviewResponse = {
  uri: "file:///w/shop.arch",
  scopeLabel: "Service Orders",
  scope: "auto",
  service: "Orders",
  diagrams: [
    { kind: "architecture", title: "Orders and its neighbours", text: "flowchart LR", nodes: [node("sys_Shop", r(0, 0, 100, 1)), node("svc_Orders", r(10, 2, 40, 3)), node("svc_Other", r(50, 0, 60, 1), "file:///w/other.arch")], notes: [] },
    { kind: "er", title: "Service Orders", text: "erDiagram", nodes: [node("e_Orders_Order", r(12, 4, 20, 5))], notes: [] },
    { kind: "sequence", title: "POST /orders", text: "sequenceDiagram", nodes: [], notes: [] },
  ],
  openapi: { path: "orders.openapi.yaml", text: "openapi: 3.1.0\n", notes: [] },
  sql: { path: "orders.sql", text: "CREATE SCHEMA orders;\n", notes: [] },
  problems: { errors: 0, warnings: 0, syntaxErrors: 0 },
  broken: false,
};

describe("nodesAtPosition", () => {
  it("picks the innermost declaration holding the cursor, per diagram", () => {
    expect(nodesAtPosition(response.diagrams, "file:///w/shop.arch", { line: 15, character: 0 })).toEqual({ architecture: ["svc_Orders"], er: ["e_Orders_Order"], sequence: [] });
    expect(nodesAtPosition(response.diagrams, "file:///w/shop.arch", { line: 45, character: 0 })).toEqual({ architecture: ["sys_Shop"], er: [], sequence: [] });
  });

  it("only matches nodes of the same document", () => {
    expect(nodesAtPosition(response.diagrams, "file:///w/other.arch", { line: 15, character: 0 }).architecture).toEqual([]);
    expect(nodesAtPosition(response.diagrams, "file:///w/other.arch", { line: 55, character: 0 }).architecture).toEqual(["svc_Other"]);
  });

  it("treats range ends as inside", () => {
    expect(rangeContains(r(1, 2, 3, 4), { line: 1, character: 2 })).toBe(true);
    expect(rangeContains(r(1, 2, 3, 4), { line: 3, character: 4 })).toBe(true);
    expect(rangeContains(r(1, 2, 3, 4), { line: 3, character: 5 })).toBe(false);
    expect(rangeContains(r(1, 2, 3, 4), { line: 1, character: 1 })).toBe(false);
  });
});

describe("findNode", () => {
  it("finds the declaration of a clicked node in the last answer", () => {
    expect(findNode(response, "architecture", "svc_Orders")?.range).toEqual(r(10, 2, 40, 3));
    expect(findNode(response, "er", "svc_Orders")).toBeUndefined();
    expect(findNode(undefined, "er", "x")).toBeUndefined();
  });
});

describe("toUpdate", () => {
  const update = toUpdate(response, 7, "file:///w/shop.arch", { architecture: ["svc_Orders"] });

  it("is a valid webview message", () => {
    expect(parseToWebview(update)).toEqual(update);
    expect(update.seq).toBe(7);
    expect(update.documentName).toBe("shop.arch");
  });

  it("sends node ids and names, not file locations", () => {
    expect(update.diagrams[0]!.nodes[1]).toEqual({ id: "svc_Orders", label: "svc_Orders" });
    expect(JSON.stringify(update.diagrams)).not.toContain("file://");
    expect(JSON.stringify(update.diagrams)).not.toContain("fullRange");
  });

  it("takes the workspace's problem counts from the client when given", () => {
    const withCounts = toUpdate(response, 8, "file:///w/shop.arch", {}, { errors: 13, warnings: 40 });
    expect(withCounts.problems).toEqual({ errors: 13, warnings: 40, syntaxErrors: 0 });
    expect(update.problems).toEqual(response.problems);
  });

  it("decodes document names", () => {
    expect(documentName("file:///w/my%20model.arch")).toBe("my model.arch");
  });
});

describe("debounce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once after the last call", () => {
    const fn = vi.fn();
    const d = debounce(fn, 300);
    d();
    vi.advanceTimersByTime(200);
    d();
    vi.advanceTimersByTime(299);
    expect(fn).not.toHaveBeenCalled();
    expect(d.pending()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(d.pending()).toBe(false);
  });

  it("can be flushed or cancelled", () => {
    const fn = vi.fn();
    const d = debounce(fn, 300);
    d();
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
    d();
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
