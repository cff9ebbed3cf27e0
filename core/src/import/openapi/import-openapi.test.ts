import { describe, expect, it } from "vitest";
import { analyze } from "../../semantic/analyze";
import { parse } from "../../syntax/parser";
import { importOpenApi } from "./import-openapi";
import { importOpenApiText } from "./text";

const errors = (text: string) => analyze([parse(text, "file:///t.arch")]).diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

function doc(paths: object, components: object = {}, extra: object = {}) {
  return { openapi: "3.1.0", info: { title: "Shop API", version: "1.0.0" }, servers: [{ url: "/api/v1" }], paths, components, ...extra };
}

const ok = (description = "OK") => ({ description });
const json = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });

describe("importOpenApi", () => {
  it("names the service from the title and takes the base from the server", () => {
    const { text } = importOpenApi({ document: doc({ "/items": { get: { responses: { "200": ok() } } } }) });
    expect(text).toContain('service Shop {');
    expect(text).toContain('api "/api/v1" {');
    expect(text).toContain("GET /items -> 200");
    expect(errors(text)).toEqual([]);
  });

  it("recognises a cursor envelope as `paginated` and drops the implied parameters", () => {
    const page = { type: "object", properties: { data: { type: "array", items: { $ref: "#/components/schemas/Item" } }, next_cursor: { type: ["string", "null"] } } };
    const { text, summary } = importOpenApi({
      document: doc(
        { "/items": { get: { parameters: [{ name: "cursor", in: "query", schema: { type: "string" } }, { name: "limit", in: "query", schema: { type: "integer" } }], responses: { "200": json({ $ref: "#/components/schemas/ItemPage" }) } } } },
        { schemas: { Item: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } }, ItemPage: page } },
      ),
    });
    expect(text).toMatch(/GET \/items -> 200 Item\[\] paginated\n/);
    expect(text).not.toContain("type ItemPage");
    expect(summary.items.find((i) => i.source.endsWith("ItemPage"))?.target).toContain("page envelope");
  });

  it("reads Idempotency-Key as `idempotent` and security requirements as `auth` with scopes", () => {
    const { text } = importOpenApi({
      document: doc(
        {
          "/orders": {
            post: { security: [{ oauth: ["orders:write"] }], parameters: [{ name: "Idempotency-Key", in: "header", required: true, schema: { type: "string" } }], responses: { "201": ok("Created") } },
            get: { security: [], responses: { "200": ok() } },
          },
        },
        { securitySchemes: { oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.test/token", scopes: { "orders:write": "Write" } } } } } },
      ),
    });
    expect(text).toMatch(/POST \/orders -> 201 idempotent/);
    expect(text).toMatch(/auth oauth2 orders:write/);
    expect(text).toMatch(/auth none/);
    expect(text).toContain("clientCredentials flow: https://auth.test/token");
    expect(errors(text)).toEqual([]);
  });

  it("maps schema types, names inline objects and enums, and keeps what it cannot say as notes", () => {
    const order = {
      type: "object",
      required: ["id", "total", "lines"],
      properties: {
        id: { type: "string", format: "uuid", readOnly: true },
        total: { type: "string", format: "decimal", pattern: "^\\d{1,10}(\\.\\d{1,2})?$" },
        status: { type: "string", enum: ["new", "in-progress"], default: "new" },
        lines: { type: "array", items: { type: "object", properties: { sku: { type: "string", maxLength: 32 }, qty: { type: "integer", minimum: 1 } } } },
        code: { type: "string", pattern: "^[A-Z]+$" },
        "first-name": { type: "string" },
      },
    };
    const { text } = importOpenApi({ document: doc({ "/orders/{id}": { get: { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { "200": json({ $ref: "#/components/schemas/Order" }) } } } }, { schemas: { Order: order } }) });
    expect(text).toMatch(/id\s+uuid\s+@readonly/);
    expect(text).toMatch(/total\s+decimal\(12, 2\)\s+@min\(0\)/);
    expect(text).toMatch(/status\s+OrderStatus\?\s+@default\(new\)/);
    expect(text).toMatch(/enum OrderStatus \{ new, in_progress \}/);
    expect(text).toMatch(/lines\s+OrderLine\[\]/);
    expect(text).toMatch(/type OrderLine \{/);
    expect(text).toMatch(/sku varchar\(32\)\?/);
    expect(text).toContain("// pattern ^[A-Z]+$");
    expect(text).toContain('property "first-name" is named `first_name` here');
    expect(text).toMatch(/GET \/orders\/\{id\} -> 200 Order \{ param id uuid \}/);
    expect(errors(text)).toEqual([]);
  });

  it("uses the shared error schema as `errors` and leaves implied statuses out", () => {
    const err = { $ref: "#/components/schemas/Error" };
    const { text } = importOpenApi({
      document: doc(
        { "/a": { get: { security: [{ bearer: [] }], responses: { "200": ok(), "401": json(err, "x"), "404": json(err, "x"), default: json(err, "x") } } } },
        { schemas: { Error: { type: "object", properties: { code: { type: "string" } } } }, securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      ),
    });
    expect(text).toContain("errors Error");
    expect(text).toMatch(/GET \/a -> 200, 404\n/);
  });

  it("reports a Swagger 2.0 document instead of importing it", () => {
    const r = importOpenApi({ document: { swagger: "2.0", info: { title: "x" }, paths: {} }, source: "old.yaml" });
    expect(r.text).toBe("");
    expect(r.summary.problems[0]).toContain("Swagger 2.0 is not supported");
  });

  it("reads YAML text", () => {
    const r = importOpenApiText("openapi: 3.0.3\ninfo: {title: Tiny, version: '1'}\npaths:\n  /ping:\n    get:\n      responses:\n        '204': {description: No Content}\n");
    expect(r.text).toContain("GET /ping -> 204");
  });
});
