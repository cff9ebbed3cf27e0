// Golden-file and unit tests of the Mermaid generators. Goldens live in
// __golden__/<model>/; regenerate them with UPDATE_GOLDEN=1 and review the diff.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../semantic/analyze";
import type { Model } from "../../semantic/model";
import { parse } from "../../syntax/parser";
import {
  FRONTMATTER,
  LIMITS,
  MAX_CALL_DEPTH,
  architectureDiagram,
  defaultDiagramScope,
  erDiagram,
  findEndpoint,
  generateMermaid,
  mermaidText,
  sequenceDiagram,
  sequenceText,
  type MermaidOptions,
} from "./generate-mermaid";
import { fanOut, longLabels, manyServices, wideEntities } from "./fixtures";

const repo = resolve(__dirname, "../../../..");
const GOLDEN = join(__dirname, "__golden__");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function modelOf(...sources: { uri: string; text: string }[]): Model {
  return analyze(sources.map((s) => parse(s.text, s.uri)));
}

function exampleModel(name: string): Model {
  const path = name === "hostile" ? join(GOLDEN, "hostile.arch") : join(repo, "examples", `${name}.arch`);
  return modelOf({ uri: `file:///examples/${name}.arch`, text: readFileSync(path, "utf8") });
}

function expectGolden(relative: string, text: string): void {
  const path = join(GOLDEN, relative);
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) throw new Error(`Missing golden ${relative}: run the tests with UPDATE_GOLDEN=1 and review it.`);
  expect(text, `golden ${relative} (UPDATE_GOLDEN=1 regenerates)`).toBe(readFileSync(path, "utf8"));
}

const GOLDEN_CASES: { model: string; options: MermaidOptions; files: string[] }[] = [
  { model: "shop", options: { diagram: "architecture" }, files: ["shop.architecture.mmd"] },
  { model: "shop", options: { diagram: "architecture", service: "Orders" }, files: ["orders.architecture.mmd"] },
  { model: "shop", options: { diagram: "architecture", service: "Catalog", scope: "service" }, files: ["catalog.service.architecture.mmd"] },
  { model: "shop", options: { diagram: "er" }, files: ["users.er.mmd", "catalog.er.mmd", "orders.er.mmd"] },
  { model: "shop", options: { diagram: "er", scope: "system" }, files: ["shop.er.mmd"] },
  { model: "shop", options: { diagram: "sequence", endpoint: "POST /orders" }, files: ["orders.post-orders.sequence.mmd"] },
  { model: "shop", options: { diagram: "sequence", endpoint: "GET /products/{id}" }, files: ["catalog.get-products-id.sequence.mmd"] },
  { model: "antipatterns", options: { diagram: "architecture" }, files: ["bazaar.architecture.mmd", "kiosk.architecture.mmd"] },
  { model: "antipatterns", options: { diagram: "architecture", service: "Reports", scope: "neighbours" }, files: ["reports.architecture.mmd"] },
  { model: "antipatterns", options: { diagram: "er" }, files: ["listings.er.mmd", "ledger.er.mmd", "inventory.er.mmd"] },
  { model: "antipatterns", options: { diagram: "er", scope: "system" }, files: ["bazaar.er.mmd"] },
  { model: "antipatterns", options: { diagram: "sequence", endpoint: "POST /api/payments" }, files: ["ledger.post-payments.sequence.mmd"] },
  { model: "antipatterns", options: { diagram: "sequence", endpoint: "GET /listings/{id}" }, files: ["listings.get-listings-id.sequence.mmd"] },
  { model: "hostile", options: { diagram: "architecture" }, files: ["flowchart.architecture.mmd"] },
  { model: "hostile", options: { diagram: "er" }, files: ["end.er.mmd"] },
  { model: "hostile", options: { diagram: "sequence", endpoint: "GET /end/{id}" }, files: ["end.get-end-id.sequence.mmd"] },
  { model: "hostile", options: { diagram: "sequence", endpoint: "GET /pk/{id}" }, files: ["pk.get-pk-id.sequence.mmd"] },
];

describe("mermaid goldens", () => {
  for (const c of GOLDEN_CASES) {
    const title = `${c.model}: ${c.options.diagram}${c.options.service ? ` --service ${c.options.service}` : ""}${c.options.scope ? ` (${c.options.scope})` : ""}${c.options.endpoint ? ` ${c.options.endpoint}` : ""}`;
    it(title, () => {
      const result = generateMermaid(exampleModel(c.model), c.options);
      expect(result.diagnostics).toEqual([]);
      expect(result.files.map((f) => f.path)).toEqual(c.files);
      for (const f of result.files) expectGolden(`${c.model}/${f.path}`, f.text);
    });
  }
});

describe("mermaid output", () => {
  it("is deterministic byte for byte, across runs and fresh models", () => {
    for (const name of ["shop", "antipatterns", "hostile"]) {
      const a = exampleModel(name);
      const b = exampleModel(name);
      for (const diagram of ["architecture", "er"] as const) {
        const first = generateMermaid(a, { diagram });
        expect(generateMermaid(a, { diagram })).toEqual(first);
        expect(generateMermaid(b, { diagram })).toEqual(first);
      }
      for (const ep of a.endpoints) {
        const spec = `${ep.method} ${ep.fullPath}`;
        expect(sequenceDiagram(a, ep).text).toBe(sequenceDiagram(b, spec, ep.service.symbol.name).text);
      }
    }
  });

  it("starts every diagram with the dagre frontmatter on line 1 and has no header comment", () => {
    const model = exampleModel("shop");
    const texts = [
      ...generateMermaid(model, { diagram: "architecture" }).files.map((f) => f.text),
      ...generateMermaid(model, { diagram: "er" }).files.map((f) => f.text),
      ...model.endpoints.map((ep) => sequenceDiagram(model, ep).text),
      architectureDiagram(model, { kind: "service", service: "Nope" }).text,
      erDiagram(model, { kind: "workspace" }).text,
    ];
    for (const t of texts) {
      expect(t.startsWith("---\nconfig:\n  layout: dagre\n---\n")).toBe(true);
      expect(t.startsWith(FRONTMATTER)).toBe(true);
      expect(t).not.toMatch(/%%/);
      expect(t.endsWith("\n")).toBe(true);
    }
  });

  it("maps every node id to the declaration it stands for", () => {
    const model = exampleModel("shop");
    const arch = architectureDiagram(model, { kind: "system", system: "Shop" });
    const ids = arch.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(["sys_Shop", "svc_Orders", "db_orders_db", "q_order_events", "gw_edge", "cl_web", "ext_stripe", "cache_product_cache"]));
    expect(new Set(ids).size).toBe(ids.length);
    const file = model.files.values().next().value!;
    for (const n of arch.nodes) {
      expect(arch.text).toContain(n.id);
      expect(n.uri).toBe(file.uri);
      const name = n.symbolName.split(".").pop()!;
      expect(file.text.slice(n.nameStart, n.nameEnd)).toBe(name);
      expect(n.start).toBeLessThanOrEqual(n.nameStart);
      expect(n.end).toBeGreaterThanOrEqual(n.nameEnd);
    }
    const orders = arch.nodes.find((n) => n.id === "svc_Orders")!;
    expect(file.text.slice(orders.start, orders.end)).toMatch(/^\/\/\/ Carts become orders|^service Orders/);

    const er = erDiagram(model, { kind: "service", service: "Catalog" });
    expect(er.nodes.map((n) => [n.id, n.symbolName])).toEqual([
      ["e_Catalog_Category", "Catalog.Category"],
      ["e_Catalog_Product", "Catalog.Product"],
    ]);
    const seq = sequenceDiagram(model, "POST /orders");
    expect(seq.nodes.map((n) => n.id)).toEqual(["gw_edge", "svc_Orders", "svc_Catalog", "cache_product_cache", "db_catalog_db", "ext_stripe", "db_orders_db", "q_order_events", "svc_Notifications"]);
  });
});

describe("architecture scopes and defaults", () => {
  it("draws the whole system up to 40 nodes, else one diagram per service with its neighbours", () => {
    const services = Array.from({ length: 45 }, (_, i) => `  service S${i} { calls S${(i + 1) % 45} timeout 1s }`).join("\n");
    const model = modelOf({ uri: "file:///big.arch", text: `system Big {\n${services}\n}\n` });
    const result = generateMermaid(model, { diagram: "architecture" });
    expect(result.diagnostics).toEqual([]);
    expect(result.files.length).toBe(45);
    expect(result.files[0]!.path).toBe("s0.architecture.mmd");
    expect(result.files[0]!.text).toContain("svc_S44 --> svc_S0");
    expect(result.files[0]!.text).toContain("svc_S0 --> svc_S1");
    expect(result.files[0]!.text).not.toContain("svc_S2[");
    const whole = generateMermaid(model, { diagram: "architecture", scope: "system" });
    expect(whole.files.map((f) => f.path)).toEqual(["big.architecture.mmd"]);
  });

  it("restricts a diagram that would be too big, with a diagnostic", () => {
    const model = modelOf({ uri: "file:///huge.arch", text: manyServices(120) });
    const result = architectureDiagram(model, { kind: "system", system: "Huge" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["mermaid/diagram-too-large"]);
    expect(result.diagnostics[0]!.message).toMatch(/would have 360 nodes and 600 edges/);
    const nodeLines = result.text.split("\n").filter((l) => /^\s+\w+(\[|\(|\{|>)/.test(l) && !l.includes("subgraph"));
    const edgeLines = result.text.split("\n").filter((l) => /-->|-\.->/.test(l));
    expect(nodeLines.length).toBeLessThanOrEqual(LIMITS.nodes);
    expect(edgeLines.length).toBeLessThanOrEqual(LIMITS.edges);
    expect(result.nodes.length).toBeLessThanOrEqual(LIMITS.nodes + 1);
  });

  it("keeps a flowchart under Mermaid's 50,000-character limit", () => {
    const model = modelOf({ uri: "file:///long.arch", text: longLabels(90) });
    expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const result = architectureDiagram(model, { kind: "workspace" });
    expect(result.text.length).toBeLessThanOrEqual(LIMITS.text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["mermaid/diagram-too-large"]);
    expect(result.diagnostics[0]!.message).toMatch(/characters long/);
  });
  it("picks a default scope for a preview", () => {
    const shop = exampleModel("shop");
    expect(defaultDiagramScope(shop, "architecture")).toEqual({ kind: "workspace" });
    expect(defaultDiagramScope(shop, "architecture", "Orders")).toMatchObject({ kind: "neighbours", service: { symbol: { name: "Orders" } } });
    expect(defaultDiagramScope(shop, "er", "Orders")).toMatchObject({ kind: "service", service: { symbol: { name: "Orders" } } });
    const huge = modelOf({ uri: "file:///huge.arch", text: manyServices(20) });
    expect(defaultDiagramScope(huge, "architecture")).toMatchObject({ kind: "neighbours", service: { symbol: { name: "S0" } } });
  });

  it("reports an unknown service with a suggestion and writes nothing", () => {
    const result = generateMermaid(exampleModel("shop"), { diagram: "architecture", service: "Order" });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([["error", "mermaid/unknown-service"]]);
    expect(result.diagnostics[0]!.message).toContain("Did you mean `Orders`?");
  });
});

describe("er diagrams", () => {
  const model = modelOf({
    uri: "file:///er.arch",
    text: `service A {
  entity Parent {
    id uuid @id
  }
  entity Child {
    id        uuid @id
    parent_id uuid @ref(Parent.id)
    other_id  uuid? @ref(Parent.id)
    solo_id   uuid @unique @ref(Parent.id)
    remote_id uuid @ref(Remote.id)
  }
  entity Detail {
    parent_id uuid @ref(Parent.id)
    n         int
    @@id(parent_id, n)
  }
}
service B {
  entity Remote {
    id uuid @id
  }
}
`,
  });

  it("reads cardinalities from the foreign key", () => {
    expect(model.diagnostics).toEqual([]);
    const text = erDiagram(model, { kind: "service", service: "A" }).text;
    expect(text).toContain('e_A_Child }o..|| e_A_Parent : "parent_id"');
    expect(text).toContain('e_A_Child }o..o| e_A_Parent : "other_id"');
    expect(text).toContain('e_A_Child |o..|| e_A_Parent : "solo_id"');
    expect(text).toContain('e_A_Detail }o--|| e_A_Parent : "parent_id"');
    expect(text).toContain("uuid parent_id PK, FK");
    expect(text).toContain("uuid solo_id FK, UK");
    // A referenced entity outside the scope is drawn as a name only.
    expect(text).toContain('  e_B_Remote["Remote"]\n');
    expect(text).toContain('e_A_Child }o..|| e_B_Remote : "remote_id"');
  });

  it("scopes: neighbours include the entities on the other side of a reference", () => {
    const text = erDiagram(model, { kind: "neighbours", service: "B" }).text;
    expect(text).toContain('e_A_Child["Child"] {');
    expect(text).toContain('e_B_Remote["Remote"] {');
    expect(text).not.toContain("e_A_Detail");
    expect(generateMermaid(model, { diagram: "er", service: "B", scope: "neighbours" }).files.map((f) => f.path)).toEqual(["b.neighbours.er.mmd"]);
  });

  it("keeps an ER diagram under Mermaid's 50,000-character limit: comments, then non-key columns go first", () => {
    const wide = modelOf({ uri: "file:///wide.arch", text: wideEntities(60, 12) });
    expect(wide.diagnostics).toEqual([]);
    const result = erDiagram(wide, { kind: "service", service: "Wide" });
    expect(result.text.length).toBeLessThanOrEqual(LIMITS.text);
    expect(result.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/characters long .*: column comments left out\.$/)]);
    expect(result.text).toContain("text col_11\n");
    expect(result.text).toContain('e_Wide_T1 }o..|| e_Wide_T0 : "parent_id"');

    const huge = erDiagram(modelOf({ uri: "file:///huge.arch", text: wideEntities(150, 40) }), { kind: "workspace" });
    expect(huge.text.length).toBeLessThanOrEqual(LIMITS.text);
    expect(huge.nodes.length).toBeLessThanOrEqual(LIMITS.nodes);
    expect(huge.diagnostics.map((d) => d.code)).toEqual(["mermaid/diagram-too-large", "mermaid/diagram-too-large"]);
  });

  it("says so when a service has no entities", () => {
    const result = generateMermaid(exampleModel("shop"), { diagram: "er", service: "Notifications" });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["mermaid/no-entities"]);
  });
});

describe("sequence diagrams", () => {
  it("finds endpoints by full path or path within the api, and reports the rest", () => {
    const shop = exampleModel("shop");
    expect(findEndpoint(shop, "GET /api/v1/orders/{id}").endpoint?.fullPath).toBe("/api/v1/orders/{id}");
    expect(findEndpoint(shop, "get /orders/{order_id}").endpoint?.fullPath).toBe("/api/v1/orders/{id}");
    expect(findEndpoint(shop, "GET /order/{id}").diagnostic?.message).toMatch(/No endpoint `GET \/order\/\{id\}`\. Did you mean `GET \/orders\/\{id\}`\?/);
    expect(findEndpoint(shop, "/orders").diagnostic?.code).toBe("mermaid/invalid-endpoint");
    expect(findEndpoint(shop, "GET /orders", "Catalog").diagnostic?.code).toBe("mermaid/unknown-endpoint");

    const two = modelOf({ uri: "file:///two.arch", text: "service A {\n  api {\n    GET /things -> 200\n  }\n}\nservice B {\n  api {\n    GET /things -> 200\n  }\n}\n" });
    expect(findEndpoint(two, "GET /things").diagnostic?.code).toBe("mermaid/ambiguous-endpoint");
    expect(findEndpoint(two, "GET /things", "B").endpoint?.service.symbol.name).toBe("B");
    const result = generateMermaid(two, { diagram: "sequence", endpoint: "GET /things", service: "B" });
    expect(result.files.map((f) => f.path)).toEqual(["b.get-things.sequence.mmd"]);
  });

  it("needs an endpoint", () => {
    const result = generateMermaid(exampleModel("shop"), { diagram: "sequence", service: "Orders" });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["mermaid/missing-endpoint"]);
    expect(result.diagnostics[0]!.message).toContain('--endpoint "POST /orders"');
  });

  it("follows named calls to a bounded depth and stops at cycles", () => {
    const n = MAX_CALL_DEPTH + 3;
    const services = Array.from({ length: n }, (_, i) => `service S${i} {\n  ${i + 1 < n ? `calls S${i + 1} GET /s${i + 1} timeout 1s` : ""}\n  api {\n    GET /s${i} -> 200\n  }\n}`).join("\n");
    const chain = modelOf({ uri: "file:///chain.arch", text: services });
    const text = sequenceDiagram(chain, "GET /s0").text;
    expect(text).toContain(`depth limit ${MAX_CALL_DEPTH}`);
    expect(text).toContain(`svc_S${MAX_CALL_DEPTH - 1}->>+svc_S${MAX_CALL_DEPTH}: GET /s${MAX_CALL_DEPTH}`);
    expect(text).not.toContain(`svc_S${MAX_CALL_DEPTH + 1}`);

    const cycle = modelOf({ uri: "file:///cycle.arch", text: "service A {\n  calls B GET /b timeout 1s\n  api {\n    GET /a -> 200\n  }\n}\nservice B {\n  calls A GET /a timeout 1s\n  api {\n    GET /b -> 200\n  }\n}\n" });
    const c = sequenceDiagram(cycle, "GET /a").text;
    expect(c).toContain("Note over svc_A: cycle: GET /a is already in this chain");
    // Activations are balanced: every `->>+` has its `-->>-`.
    expect(c.match(/->>\+/g)?.length).toBe(c.match(/-->>-/g)?.length);
  });

  it("stops a sequence that would be too long, keeping it valid", () => {
    const model = modelOf({ uri: "file:///fan.arch", text: fanOut(300) });
    const result = sequenceDiagram(model, "GET /fan");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["mermaid/diagram-too-large"]);
    expect(result.text.length).toBeLessThanOrEqual(LIMITS.text);
    expect(result.text).toContain("the rest of the chain is left out");
    expect(result.text.trimEnd().split("\n").pop()).toBe("  svc_Fan-->>-cl_caller: 200");
  });

  it("notes that calls are declared per service when a service has several endpoints", () => {
    const shop = exampleModel("shop");
    expect(sequenceDiagram(shop, "POST /orders").text).toContain("Note over svc_Orders: Orders: calls and events are declared per service, not per endpoint");
    expect(sequenceDiagram(shop, "GET /products/{id}").text).not.toContain("per service");
  });
});

describe("escaping", () => {
  const hostile = ['<script>alert(1)</script>', '"', "'", "`", "-->", "%%", ";", "#", "end", "{}", "direction LR", "~T~", "\\", "a\nb\u2028c", "\u0000", "#lt;", "\uFB02°°60¶ß"];

  it("writes every special character as an entity code", () => {
    for (const h of hostile) {
      const t = mermaidText(h);
      expect(t).not.toMatch(/[<>"%`\\~\n\u0000\u2028\uFB02]/);
      // `#` and `;` only in entity codes.
      expect(t.replace(/#(?:[a-z]+|\d+);/g, "")).not.toMatch(/[#;]/);
      expect(t).not.toMatch(/direction\s/i);
    }
    expect(mermaidText('<b a="1">; #x %')).toBe("#lt;b a=#quot;1#quot;#gt;#59; #35;x #37;");
    expect(mermaidText("   ")).toBe("?");
    expect(mermaidText("x".repeat(500)).length).toBeLessThanOrEqual(160);
    expect(sequenceText("wrap it")).toBe("#119;rap it");
  });
});
