// Pure helpers of the preview webview: Mermaid 12's element ids, themes, the
// render cache and the pan/zoom arithmetic.

import { describe, expect, it } from "vitest";
import { fitTransform, isClick, MAX_SCALE, mermaidTheme, MIN_SCALE, nodeIdOf, RenderCache, themeKind, wheelFactor, zoomAt } from "../../webview/src/diagram-logic";

describe("nodeIdOf (ids as Mermaid 12.3 writes them, checked in Chromium)", () => {
  const known = new Set(["svc_Orders", "svc_Orders_2", "sys_Shop", "e_Catalog_Product", "db_orders_db"]);

  it("reads flowchart nodes, subgraphs and ER entities", () => {
    expect(nodeIdOf({ id: "aw-svg-1-flowchart-svc_Orders-5" }, "aw-svg-1", known)).toBe("svc_Orders");
    expect(nodeIdOf({ id: "aw-svg-1-flowchart-svc_Orders_2-6" }, "aw-svg-1", known)).toBe("svc_Orders_2");
    expect(nodeIdOf({ id: "aw-svg-1-sys_Shop" }, "aw-svg-1", known)).toBe("sys_Shop");
    expect(nodeIdOf({ id: "aw-svg-3-entity-e_Catalog_Product-2" }, "aw-svg-3", known)).toBe("e_Catalog_Product");
  });

  it("reads sequence participants by data-id or name", () => {
    expect(nodeIdOf({ id: "root-2", dataId: "svc_Orders" }, "aw-svg-4", known)).toBe("svc_Orders");
    expect(nodeIdOf({ name: "db_orders_db" }, "aw-svg-4", known)).toBe("db_orders_db");
  });

  it("ignores edges, markers and unknown ids", () => {
    expect(nodeIdOf({ id: "aw-svg-1-L_svc_Orders_db_orders_db_0" }, "aw-svg-1", known)).toBeUndefined();
    expect(nodeIdOf({ id: "aw-svg-1_flowchart-v2-pointEnd" }, "aw-svg-1", known)).toBeUndefined();
    expect(nodeIdOf({ id: "aw-svg-1-flowchart-svc_Unknown-1" }, "aw-svg-1", known)).toBeUndefined();
    expect(nodeIdOf({ id: "aw-svg-3-id_entity-e_Catalog_Product-2_entity-e_Catalog_Product-1_0" }, "aw-svg-3", known)).toBeUndefined();
    expect(nodeIdOf({}, "aw-svg-1", known)).toBeUndefined();
  });
});

describe("themes", () => {
  it("follows VS Code's body classes unless forced", () => {
    expect(themeKind("auto", ["vscode-light"])).toBe("light");
    expect(themeKind("auto", ["vscode-dark"])).toBe("dark");
    expect(themeKind("auto", ["vscode-high-contrast"])).toBe("hc-dark");
    expect(themeKind("auto", ["vscode-high-contrast", "vscode-high-contrast-light"])).toBe("hc-light");
    expect(themeKind("light", ["vscode-dark"])).toBe("light");
    expect(themeKind("dark", ["vscode-light"])).toBe("dark");
    expect(themeKind("auto", [])).toBe("light");
  });

  it("maps to Mermaid themes", () => {
    expect(mermaidTheme("light")).toBe("default");
    expect(mermaidTheme("dark")).toBe("dark");
    expect(mermaidTheme("hc-dark")).toBe("dark");
    expect(mermaidTheme("hc-light")).toBe("neutral");
  });
});

describe("RenderCache", () => {
  it("keys by theme and text and evicts the least recently used", () => {
    const c = new RenderCache<string>(2);
    const a = RenderCache.key("dark", "A");
    const b = RenderCache.key("dark", "B");
    expect(RenderCache.key("default", "A")).not.toBe(a);
    c.set(a, "svgA");
    c.set(b, "svgB");
    expect(c.get(a)).toBe("svgA");
    c.set(RenderCache.key("dark", "C"), "svgC");
    expect(c.get(b)).toBeUndefined();
    expect(c.get(a)).toBe("svgA");
    expect(c.size).toBe(2);
  });
});

describe("pan and zoom", () => {
  it("zooms around the pointer", () => {
    const t = zoomAt({ x: 10, y: 20, scale: 1 }, 2, 110, 220);
    // The content point under the pointer stays under it.
    expect((110 - t.x) / t.scale).toBeCloseTo((110 - 10) / 1);
    expect((220 - t.y) / t.scale).toBeCloseTo((220 - 20) / 1);
    expect(t.scale).toBe(2);
  });

  it("clamps the scale", () => {
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, 1000, 0, 0).scale).toBe(MAX_SCALE);
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, 0.00001, 0, 0).scale).toBe(MIN_SCALE);
  });

  it("fits without enlarging", () => {
    expect(fitTransform(100, 50, 800, 600).scale).toBe(1);
    const big = fitTransform(2000, 500, 1000, 600);
    expect(big.scale).toBeCloseTo((1000 - 32) / 2000);
    expect(big.x).toBeCloseTo((1000 - 2000 * big.scale) / 2);
    expect(fitTransform(0, 0, 100, 100)).toEqual({ x: 0, y: 0, scale: 1 });
  });

  it("turns wheel deltas into gentle factors", () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(48, 0));
    expect(wheelFactor(1e9, 0)).toBeCloseTo(wheelFactor(400, 0));
  });

  it("tells clicks from drags", () => {
    expect(isClick(2, 3)).toBe(true);
    expect(isClick(5, 0)).toBe(false);
  });
});
