// The server's `archwright/preview` answer: the scope follows the cursor, the
// sequence diagram follows the endpoint, node maps point at declarations,
// syntax errors mark the answer broken, and large scopes fall back to one service.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { check, Workspace } from "../../core/src/index";
import { preview, PREVIEW_MAX_NODES, WHOLE_DOCUMENT_MAX_SERVICES, type PreviewParams, type PreviewResponse } from "../../server/src/preview";

const URI = "file:///w/shop.arch";
const SHOP = readFileSync(resolve(__dirname, "../../examples/shop.arch"), "utf8");

function run(text: string, params: Omit<PreviewParams, "uri">, uri = URI): PreviewResponse {
  const ws = new Workspace();
  ws.set(uri, text);
  const model = ws.getModel();
  return preview(model, { uri, documents: ["openapi", "sql"], ...params }, check(model));
}

const at = (needle: string, text = SHOP) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i + 1;
};
const diagram = (r: PreviewResponse, kind: string) => r.diagrams.find((d) => d.kind === kind)!;

describe("archwright/preview", () => {
  it("shows the workspace when the cursor is in no service", () => {
    const r = run(SHOP, { offset: 0 });
    expect(r.scopeLabel).toBe("Workspace");
    expect(r.service).toBeUndefined();
    expect(r.diagrams.map((d) => d.kind)).toEqual(["architecture", "er", "sequence"]);
    expect(diagram(r, "architecture").nodes.map((n) => n.id)).toEqual(expect.arrayContaining(["svc_Users", "svc_Catalog", "svc_Orders", "svc_Notifications", "gw_edge", "db_orders_db"]));
    expect(r.openapi.path).toBe("shop.openapi.yaml");
    expect(r.sql.path).toBe("shop.sql");
    expect(r.broken).toBe(false);
    expect(r.problems).toMatchObject({ errors: 0, warnings: 0, syntaxErrors: 0 });
  });

  it("follows the service under the cursor", () => {
    const r = run(SHOP, { offset: at("tech \"TypeScript, Fastify\"\n    database orders_db") });
    expect(r.scopeLabel).toBe("Service Orders");
    expect(r.service).toBe("Orders");
    const arch = diagram(r, "architecture");
    expect(arch.title).toBe("Orders and its neighbours");
    expect(arch.text).toContain("flowchart");
    expect(arch.nodes.map((n) => n.id)).toContain("svc_Catalog");
    expect(arch.nodes.map((n) => n.id)).not.toContain("svc_Users");
    expect(diagram(r, "er").nodes.map((n) => n.id).sort()).toEqual(["e_Orders_Order", "e_Orders_OrderLine"]);
    expect(r.openapi.path).toBe("orders.openapi.yaml");
    expect(r.openapi.text).toContain("createOrder");
    expect(r.sql.path).toBe("orders.sql");
    expect(r.sql.text).toContain("CREATE TABLE");
  });

  it("maps node ids to the declarations' names and whole spans", () => {
    const r = run(SHOP, { offset: at("service Orders") });
    const orders = diagram(r, "architecture").nodes.find((n) => n.id === "svc_Orders")!;
    const line = SHOP.slice(0, SHOP.indexOf("service Orders")).split("\n").length - 1;
    expect(orders.uri).toBe(URI);
    expect(orders.range.start.line).toBe(line);
    expect(SHOP.split("\n")[line]!.slice(orders.range.start.character, orders.range.end.character)).toBe("Orders");
    expect(orders.fullRange.start.line).toBeLessThanOrEqual(line);
    expect(orders.fullRange.end.line).toBeGreaterThan(line + 50);
  });

  it("draws the sequence of the endpoint under the cursor, and remembers it", () => {
    const r = run(SHOP, { offset: at("POST /orders/{id}/cancel") });
    expect(r.endpoint).toBe("POST /api/v1/orders/{id}/cancel");
    expect(r.endpointService).toBe("Orders");
    expect(diagram(r, "sequence").title).toBe("POST /api/v1/orders/{id}/cancel");
    expect(diagram(r, "sequence").text).toContain("sequenceDiagram");
    // Elsewhere in the same service the last endpoint stays.
    const again = run(SHOP, { offset: at("entity OrderLine"), endpoint: r.endpoint!, endpointService: r.endpointService! });
    expect(again.endpoint).toBe("POST /api/v1/orders/{id}/cancel");
    // In another service, that service's first endpoint.
    const other = run(SHOP, { offset: at("entity Category"), endpoint: r.endpoint!, endpointService: r.endpointService! });
    expect(other.endpointService).toBe("Catalog");
  });

  it("explains an empty ER diagram", () => {
    const r = run(SHOP, { offset: at("consumes OrderPlaced") });
    expect(r.service).toBe("Notifications");
    const er = diagram(r, "er");
    expect(er.text).toBe("");
    expect(er.empty).toBe("Service Notifications declares no entities.");
    expect(r.sql.text).toBe("");
    expect(r.sql.notes.join(" ")).toContain("no entities");
  });

  it("shows the whole system in system scope", () => {
    const r = run(SHOP, { offset: at("entity Category"), scope: "system" });
    expect(r.scope).toBe("system");
    expect(r.scopeLabel).toBe("System Shop");
    expect(diagram(r, "architecture").nodes.map((n) => n.id)).toContain("svc_Users");
    expect(r.openapi.path).toBe("shop.openapi.yaml");
  });

  it("uses a service from a code lens while the cursor is in none", () => {
    const r = run(SHOP, { offset: 0, service: "Catalog" });
    expect(r.service).toBe("Catalog");
    expect(diagram(r, "architecture").title).toBe("Catalog and its neighbours");
  });

  it("marks the answer broken while the document has syntax errors", () => {
    const text = SHOP.replace("entity Category {", "entity Category {{{ ");
    const r = run(text, { offset: at("entity Category", text) });
    expect(r.broken).toBe(true);
    expect(r.problems.syntaxErrors).toBeGreaterThan(0);
    expect(r.problems.first).toMatch(/^shop\.arch:\d+: /);
  });

  it("falls back to one service when the scope is too large", () => {
    const n = PREVIEW_MAX_NODES + 20;
    const services = Array.from({ length: n }, (_, i) => `  service S${i} {\n    calls S${(i + 1) % n}\n  }`).join("\n");
    const text = `system Big {\n${services}\n}\n`;
    const r = run(text, { offset: at("service S7 {", text), scope: "system" }, "file:///w/big.arch");
    const arch = diagram(r, "architecture");
    expect(arch.nodes.length).toBeLessThanOrEqual(PREVIEW_MAX_NODES);
    expect(arch.title).toBe("S7 and its neighbours");
    expect(arch.notes.join(" ")).toContain(`${n} nodes`);
  });

  it("counts only syntax and name errors unless given the lint diagnostics", () => {
    const text = SHOP.replace("calls Catalog GET", "calls Catalogue GET");
    const ws = new Workspace();
    ws.set(URI, text);
    const model = ws.getModel();
    const cheap = preview(model, { uri: URI, offset: 0 });
    expect(cheap.problems.errors).toBe(model.diagnostics.filter((d) => d.severity === "error").length);
    expect(cheap.problems.errors).toBeGreaterThan(0);
    expect(cheap.problems.syntaxErrors).toBe(0);
    expect(cheap.broken).toBe(false);
    expect(cheap.problems.first).toMatch(/^shop\.arch:\d+: /);
  });

  it("leaves out the documents not asked for", () => {
    const r = run(SHOP, { offset: at("service Orders"), documents: ["sql"] });
    expect(r.openapi).toEqual({ path: "", text: "", notes: [], omitted: true });
    expect(r.sql.path).toBe("orders.sql");
    expect(run(SHOP, { offset: 0, documents: [] }).sql.omitted).toBe(true);
  });

  it("shows one service's documents when the workspace is too large for one", () => {
    const n = WHOLE_DOCUMENT_MAX_SERVICES + 5;
    const services = Array.from({ length: n }, (_, i) => `  service S${i} {\n    api "/v1" {\n      GET /things${i} -> 200 Thing${i}\n    }\n    type Thing${i} { id uuid }\n  }`).join("\n");
    const text = `system Big {\n${services}\n}\n`;
    const r = run(text, { offset: at("service S3 {", text), scope: "system" }, "file:///w/big.arch");
    expect(r.openapi.path).toBe("s3.openapi.yaml");
    expect(r.openapi.notes[0]).toContain(`${n} services`);
    const small = run(SHOP, { offset: at("service Orders"), scope: "system" });
    expect(small.openapi.path).toBe("shop.openapi.yaml");
  });

  it("answers for an unknown document without failing", () => {
    const r = run(SHOP, { offset: 3 }, URI);
    const other = preview(new Workspace().getModel(), { uri: "file:///nowhere.arch", offset: 0 });
    expect(r.uri).toBe(URI);
    expect(other.diagrams).toHaveLength(3);
    expect(diagram(other, "sequence").empty).toContain("no endpoints");
  });
});
