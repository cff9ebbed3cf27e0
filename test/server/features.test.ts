// Every editor feature through a real LSP connection to the bundled server,
// on a two-file workspace built from the shop example.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspTestClient } from "../support/lsp-client";

const shop = readFileSync(join(__dirname, "../../examples/shop.arch"), "utf8");
const extra = `service Reviews {
  health "/healthz"
  ready "/readyz"
  calls Catalog GET /api/v1/products/{id} timeout 200ms

  entity Review {
    id         uuid        @id @default(uuid)
    product_id uuid
    body       text
    created_at timestamptz @default(now)
    updated_at timestamptz @default(now)
  }
}
`;

function position(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe("language server features", () => {
  const dir = mkdtempSync(join(tmpdir(), "archwright-features-"));
  const shopUri = pathToFileURL(join(dir, "shop.arch")).href;
  const extraUri = pathToFileURL(join(dir, "reviews.arch")).href;
  let client: LspTestClient;
  const req = <T>(method: string, params: object) => client.connection.sendRequest(method, params) as Promise<T>;

  beforeAll(async () => {
    writeFileSync(join(dir, "shop.arch"), shop);
    writeFileSync(join(dir, "reviews.arch"), extra);
    client = new LspTestClient();
    await client.initialize(pathToFileURL(dir).href);
    await client.open(shopUri, shop);
    await client.open(extraUri, extra);
    await client.waitFor(() => client.diagnostics.has(shopUri) && client.diagnostics.has(extraUri), 10_000, "diagnostics");
  });
  afterAll(() => client.stop());

  it("publishes diagnostics with codes and documentation links", async () => {
    const text = extra.replace('ready "/readyz"\n', "");
    await client.change(extraUri, 2, text);
    await client.waitFor(() => (client.diagnostics.get(extraUri) ?? []).some((d) => d.code === "arch/health-check"), 10_000, "arch/health-check");
    const d = client.diagnostics.get(extraUri)!.find((x) => x.code === "arch/health-check")!;
    expect(d.codeDescription?.href).toMatch(/docs\/rules\/arch\/health-check\.md$/);
    await client.change(extraUri, 3, extra);
    await client.waitFor(() => !(client.diagnostics.get(extraUri) ?? []).some((x) => x.code === "arch/health-check"), 10_000, "the fix to clear it");
  });

  it("completes types, @ref targets and endpoints of a called service", async () => {
    const items = async (text: string, needle: string, delta: number) => {
      await client.change(extraUri, 10, text);
      const r = await req<{ items: { label: string }[] }>("textDocument/completion", { textDocument: { uri: extraUri }, position: position(text, needle, delta) });
      return r.items.map((i) => i.label);
    };
    const refText = extra.replace("product_id uuid", "product_id uuid @ref()");
    expect(await items(refText, "@ref(", 5)).toContain("Product.id");
    const callText = extra.replace("calls Catalog GET /api/v1/products/{id} timeout 200ms", "calls Catalog ");
    expect(await items(callText, "calls Catalog ", 14)).toContain("GET /api/v1/products/{id}");
    await client.change(extraUri, 11, extra);
  });

  it("hovers, goes to definitions and finds references across files", async () => {
    const hover = await req<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri: shopUri }, position: position(shop, "entity Product", 8) });
    expect(hover.contents.value).toContain("table `catalog.products`");
    const def = await req<{ uri: string; range: { start: { line: number } } }>("textDocument/definition", { textDocument: { uri: extraUri }, position: position(extra, "calls Catalog", 7) });
    expect(def.uri).toBe(shopUri);
    expect(def.range.start.line).toBe(position(shop, "service Catalog").line);
    const refs = await req<{ uri: string }[]>("textDocument/references", { textDocument: { uri: shopUri }, position: position(shop, "service Catalog", 9), context: { includeDeclaration: false } });
    expect(refs.map((r) => r.uri).sort()).toEqual([shopUri, shopUri, extraUri].sort());
    const highlights = await req<unknown[]>("textDocument/documentHighlight", { textDocument: { uri: shopUri }, position: position(shop, "entity Category", 8) });
    expect(highlights.length).toBe(3); // the declaration, @ref(Category.id) and `200 Category[]`
  });

  it("renames an entity across files with prepareRename first", async () => {
    const prepared = await req<{ placeholder: string }>("textDocument/prepareRename", { textDocument: { uri: shopUri }, position: position(shop, "service Catalog", 9) });
    expect(prepared.placeholder).toBe("Catalog");
    const edit = await req<{ changes: Record<string, unknown[]> }>("textDocument/rename", { textDocument: { uri: shopUri }, position: position(shop, "service Catalog", 9), newName: "Products" });
    expect(Object.keys(edit.changes).sort()).toEqual([shopUri, extraUri].sort());
    await expect(req("textDocument/rename", { textDocument: { uri: shopUri }, position: position(shop, "service Catalog", 9), newName: "Orders" })).rejects.toThrow(/already declared/);
  });

  it("outlines documents and the workspace", async () => {
    const symbols = await req<{ name: string; children: { name: string }[] }[]>("textDocument/documentSymbol", { textDocument: { uri: shopUri } });
    expect(symbols[0]!.name).toBe("Shop");
    expect(symbols[0]!.children.map((c) => c.name)).toContain("Catalog");
    const ws = await req<{ name: string; location: { uri: string } }[]>("workspace/symbol", { query: "Review" });
    expect(ws.find((s) => s.name === "Review")!.location.uri).toBe(extraUri);
  });

  it("answers semantic tokens, folding, selection ranges, code lenses and inlay hints", async () => {
    const tokens = await req<{ data: number[] }>("textDocument/semanticTokens/full", { textDocument: { uri: shopUri } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length).toBeGreaterThan(200);
    const folds = await req<unknown[]>("textDocument/foldingRange", { textDocument: { uri: shopUri } });
    expect(folds.length).toBeGreaterThan(10);
    const sel = await req<{ range: unknown; parent?: unknown }[]>("textDocument/selectionRange", { textDocument: { uri: shopUri }, positions: [position(shop, "sku         varchar(64)", 1)] });
    expect(sel[0]!.parent).toBeDefined();
    const lenses = await req<{ command: { title: string } }[]>("textDocument/codeLens", { textDocument: { uri: shopUri } });
    expect(lenses.map((l) => l.command.title)).toContain("7 endpoints · 2 tables · called by 2 services");
    const hints = await req<{ label: string }[]>("textDocument/inlayHint", { textDocument: { uri: shopUri }, range: { start: { line: 0, character: 0 }, end: { line: 500, character: 0 } } });
    expect(hints.map((h) => h.label)).toContain(" table products");
  });

  it("formats a document without changing its meaning", async () => {
    const messy = extra.replace("    body       text", "body   text");
    await client.change(extraUri, 20, messy);
    const edits = await req<{ newText: string }[]>("textDocument/formatting", { textDocument: { uri: extraUri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits.map((e) => e.newText)).toContain("    body       text");
    await client.change(extraUri, 21, extra);
  });

  it("offers quick fixes and generating refactors as workspace edits", async () => {
    const broken = extra.replace("timestamptz @default(now)\n    updated", "timestamp @default(now)\n    updated");
    await client.change(extraUri, 30, broken);
    await client.waitFor(() => (client.diagnostics.get(extraUri) ?? []).some((d) => d.code === "schema/timestamp-without-time-zone"), 10_000, "timestamp warning");
    const diag = client.diagnostics.get(extraUri)!.find((d) => d.code === "schema/timestamp-without-time-zone")!;
    const actions = await req<{ title: string; isPreferred?: boolean; edit?: { changes: Record<string, { newText: string }[]> } }[]>("textDocument/codeAction", { textDocument: { uri: extraUri }, range: diag.range, context: { diagnostics: [diag] } });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.edit!.changes[extraUri]![0]!.newText).toBe("timestamptz");
    expect(actions.map((a) => a.title)).toContain("Disable schema/timestamp-without-time-zone for this line");
    const refactors = await req<{ title: string }[]>("textDocument/codeAction", { textDocument: { uri: extraUri }, range: { start: position(extra, "entity Review", 8), end: position(extra, "entity Review", 8) }, context: { diagnostics: [] } });
    expect(refactors.map((a) => a.title)).toContain("Generate CRUD endpoints for Review");
    await client.change(extraUri, 31, extra);
  });

  it("returns generated OpenAPI, SQL and Mermaid on request", async () => {
    const openapi = await req<{ files: { path: string; text: string }[] }>("archwright/generate", { target: "openapi", service: "Catalog" });
    expect(openapi.files[0]!.text).toContain("openapi: 3.1");
    const sql = await req<{ files: { text: string }[] }>("archwright/generate", { target: "sql", service: "Catalog" });
    expect(sql.files[0]!.text).toContain("CREATE TABLE");
    const mmd = await req<{ files: { text: string }[] }>("archwright/generate", { target: "mermaid", diagram: "er", service: "Catalog" });
    expect(mmd.files[0]!.text).toContain("erDiagram");
  });

  it("keeps answering on garbage input", async () => {
    const garbage = "service {{{ @@ -> \u0000 entity \"unterminated\n}}} GET /x -> abc";
    await client.change(extraUri, 40, garbage);
    // Each request is answered (a failure inside a handler answers empty rather than an error).
    for (const method of ["textDocument/hover", "textDocument/completion", "textDocument/definition"]) {
      await req(method, { textDocument: { uri: extraUri }, position: { line: 0, character: 10 } });
    }
    await req("textDocument/documentSymbol", { textDocument: { uri: extraUri } });
    await req("textDocument/semanticTokens/full", { textDocument: { uri: extraUri } });
    await req("textDocument/formatting", { textDocument: { uri: extraUri }, options: { tabSize: 2, insertSpaces: true } });
    await client.change(extraUri, 41, extra);
    const hover = await req<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri: shopUri }, position: position(shop, "entity Product", 8) });
    expect(hover.contents.value).toContain("products");
  });
});
