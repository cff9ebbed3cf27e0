import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, parse } from "../index";
import { hover } from "./hover";
import { codeLenses, inlayHints } from "./lenses";
import { semanticTokens } from "./semantic-tokens";
import { documentSymbols, foldingRanges, selectionRanges, workspaceSymbols } from "./structure";

const uri = "file:///shop.arch";
const text = readFileSync(join(__dirname, "../../../examples/shop.arch"), "utf8");
const file = parse(text, uri);
const model = analyze([file]);
const at = (needle: string, delta = 1) => text.indexOf(needle) + delta;

describe("document structure", () => {
  it("outlines system → service → entity/api → field/endpoint", () => {
    const [shop] = documentSymbols(file);
    expect(shop!.name).toBe("Shop");
    const catalog = shop!.children.find((c) => c.name === "Catalog")!;
    expect(catalog.kind).toBe("service");
    expect(catalog.children.map((c) => `${c.kind} ${c.name}`)).toEqual(["enum ProductStatus", "entity Category", "entity Product", "type NewProduct", "type ProductPatch", "api /api/v1"]);
    const api = catalog.children.find((c) => c.kind === "api")!;
    expect(api.children[0]).toMatchObject({ name: "GET /products", kind: "endpoint" });
    const product = catalog.children.find((c) => c.name === "Product")!;
    expect(product.children.find((f) => f.name === "price")!.detail).toBe("decimal(12, 2)");
    for (const s of [shop!, catalog, product]) expect(s.selectionStart >= s.start && s.selectionEnd <= s.end).toBe(true);
  });

  it("finds workspace symbols by fuzzy name", () => {
    expect(workspaceSymbols(model, "ordlin").map((s) => s.name)).toEqual(["OrderLine", "NewOrderLine", "GET /orders/{id}/lines"]);
    expect(workspaceSymbols(model, "OrderLine")[0]).toMatchObject({ kind: "entity", container: "Orders" });
  });

  it("folds blocks and keeps the closing brace visible", () => {
    const folds = foldingRanges(file);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length - 1;
    const entity = lineOf("    entity User {");
    expect(folds).toContainEqual({ startLine: entity, endLine: entity + 6 });
    expect(folds[0]!.startLine).toBe(lineOf("system Shop"));
  });

  it("selects outwards from a name", () => {
    const spans = selectionRanges(file, at("sku         varchar(64)    @unique", 1));
    const texts = spans.map((s) => text.slice(s.start, s.end));
    expect(texts[0]).toBe("sku");
    expect(texts[1]).toBe("sku         varchar(64)    @unique");
    expect(texts[2]!.startsWith("entity Product {")).toBe(true);
    expect(texts[texts.length - 1]).toBe(text);
  });
});

describe("semantic tokens", () => {
  it("colours names by what they denote, without overlaps", () => {
    const tokens = semanticTokens(model, file);
    const find = (needle: string, delta = 0) => tokens.find((t) => t.start === text.indexOf(needle) + delta);
    expect(find("Catalog \"Product")).toMatchObject({ type: "class", modifiers: ["declaration"] });
    expect(find("ProductStatus  @default")).toMatchObject({ type: "enum", modifiers: [] });
    expect(find("uuid           @id")).toMatchObject({ type: "type", modifiers: ["defaultLibrary"] });
    expect(find("@unique")).toMatchObject({ type: "decorator" });
    expect(find("{id}                   -> 200 Product, 404 { cache")).toMatchObject({ type: "parameter" });
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
    for (const t of tokens) expect(text.slice(t.start, t.end)).not.toContain("\n");
  });
});

describe("hover", () => {
  it("shows an entity's table and an endpoint's inherited settings", () => {
    expect(hover(model, uri, at("entity Product", 8))!.markdown).toContain("table `catalog.products`");
    const ep = hover(model, uri, at("GET    /products/{id}", 0))!.markdown;
    expect(ep).toContain("full path `GET /api/v1/products/{id}`");
    expect(ep).toContain("auth `jwt` (from the api)");
    expect(ep).toContain("rate limit `100/min per client` (from the api)");
  });

  it("explains a lint diagnostic under the cursor", () => {
    const d = { uri, start: at("GET    /products/{id}", 0), end: at("GET    /products/{id}", 5), severity: "warning" as const, code: "rest/path-trailing-slash", message: "m" };
    expect(hover(model, uri, d.start + 1, [d])!.markdown).toContain("Rule documentation");
    expect(hover(model, uri, 0)).toBeUndefined();
  });
});

describe("lenses and inlay hints", () => {
  it("summarises services and entities", () => {
    const lenses = codeLenses(model, uri);
    expect(lenses.map((l) => l.title)).toContain("4 endpoints · 1 table · called by 0 services");
    expect(lenses.map((l) => l.title)).toContain("7 endpoints · 2 tables · called by 1 service");
    expect(lenses.find((l) => l.command?.id === "archwright.openPreview")).toBeDefined();
  });

  it("shows inherited auth and table names", () => {
    const hints = inlayHints(model, uri);
    expect(hints.find((h) => h.offset === text.indexOf("entity Product") + "entity Product".length)!.label).toBe(" table products");
    expect(hints.some((h) => h.label === " auth jwt · ratelimit 60/min per user")).toBe(true);
  });
});
