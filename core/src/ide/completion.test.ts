import { describe, expect, it } from "vitest";
import { analyze, parse } from "../index";
import { complete } from "./completion";

/** Completes at `$0` in `text` and returns the labels. */
function labels(text: string, extra = ""): string[] {
  const offset = text.indexOf("$0");
  const source = text.replace("$0", "");
  const file = parse(source, "file:///a.arch");
  const files = [file];
  if (extra) files.push(parse(extra, "file:///b.arch"));
  const model = analyze(files);
  return complete(model, file, offset).items.map((i) => i.label);
}

const other = `service Catalog {
  entity Product {
    id uuid @id
    sku text
  }
  api "/api/v1" {
    GET /products/{id} -> 200 Product, 404
  }
}
queue orders_q: kafka
database orders_db: postgres
cache hot: redis
external stripe "Stripe"`;

describe("completion", () => {
  it("offers the statements valid in each block", () => {
    expect(labels("$0")).toEqual(expect.arrayContaining(["system", "service", "entity", "import", "database"]));
    const inService = labels("service S {\n  $0\n}");
    expect(inService).toEqual(expect.arrayContaining(["entity", "api", "calls", "publishes", "health", "ready"]));
    expect(inService).not.toContain("system");
    expect(labels('service S {\n  api "/v1" {\n    $0\n  }\n}')).toEqual(expect.arrayContaining(["GET", "POST", "auth", "ratelimit", "errors"]));
    expect(labels('service S {\n  api "/v1" {\n    GET /a -> 200 {\n      $0\n    }\n  }\n}')).toEqual(expect.arrayContaining(["param", "query", "summary", "cache"]));
    expect(labels("gateway edge {\n  $0\n}")).toEqual(expect.arrayContaining(["routes", "timeout", "auth"]));
  });

  it("offers column types and declared types after a field name", () => {
    const items = labels("service S {\n  enum Status { a, b }\n  entity E {\n    status $0\n  }\n}", other);
    expect(items).toEqual(expect.arrayContaining(["uuid", "timestamptz", "decimal", "Status", "Catalog.Product"]));
  });

  it("offers attributes after @ and entity.field targets inside @ref(", () => {
    expect(labels("service S {\n  entity E {\n    id uuid @$0\n  }\n}")).toEqual(expect.arrayContaining(["id", "default", "ref", "secret"]));
    const refs = labels("service S {\n  entity E {\n    id uuid @id\n    p uuid @ref($0\n  }\n}", other);
    expect(refs).toEqual(expect.arrayContaining(["Product.id", "Product.sku", "E.id"]));
    expect(labels("service S {\n  entity E {\n    id uuid @id\n    p uuid @ref(Pro$0\n  }\n}", other)).toContain("Product.id");
    expect(labels("service S {\n  enum St { on, off }\n  entity E {\n    s St @default($0)\n  }\n}")).toEqual(["on", "off"]);
    expect(labels("service S {\n  entity E {\n    a text\n    @@index($0)\n  }\n}")).toEqual(["a"]);
  });

  it("offers targets of relations and the endpoints of a called service", () => {
    expect(labels("service S {\n  calls $0\n}", other)).toEqual(expect.arrayContaining(["Catalog", "stripe"]));
    expect(labels("service S {\n  calls Catalog $0\n}", other)).toEqual(expect.arrayContaining(["GET /api/v1/products/{id}", "timeout"]));
    expect(labels("service S {\n  event Ev { id uuid @key }\n  publishes $0\n}", other)).toEqual(["Ev"]);
    expect(labels("service S {\n  event Ev { id uuid @key }\n  publishes Ev $0\n}")).toEqual(["to"]);
    expect(labels("service S {\n  publishes Ev to $0\n}", other)).toEqual(["orders_q"]);
    expect(labels("service S {\n  database $0\n}", other)).toEqual(["orders_db"]);
    expect(labels("service S {\n  uses $0\n}", other)).toEqual(["hot"]);
  });

  it("offers body types, status codes and flags on an endpoint line", () => {
    const api = (line: string) => labels(`service S {\n  type T { a text }\n  api "/v1" {\n    ${line}\n  }\n}`);
    expect(api("POST /a $0")).toEqual(expect.arrayContaining(["body", "->"]));
    expect(api("POST /a body $0")).toContain("T");
    expect(api("POST /a body T -> $0")).toEqual(expect.arrayContaining(["200", "201", "404"]));
    expect(api("GET /a -> 200 $0")).toEqual(expect.arrayContaining(["T", "paginated"]));
    expect(api("GET /a -> 200 T paginated $0")).not.toContain("paginated");
  });

  it("replaces the word being typed and works on broken text", () => {
    const text = "service S {\n  entity E {\n    id uu";
    const model = analyze([parse(text, "file:///a.arch")]);
    const result = complete(model, model.files.get("file:///a.arch")!, text.length);
    expect(result.start).toBe(text.length - 2);
    expect(result.items.map((i) => i.label)).toContain("uuid");
  });
});
