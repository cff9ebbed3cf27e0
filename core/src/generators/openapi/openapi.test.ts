// Golden tests for the OpenAPI generator: the examples and the fixtures in
// __fixtures__/, one document per service plus the whole-model document and
// the generator's diagnostics, compared byte for byte with __golden__/<model>/.
// A missing golden is written; UPDATE_GOLDEN=1 rewrites all of them.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../semantic/analyze";
import type { Model } from "../../semantic/model";
import { parse } from "../../syntax/parser";
import { LineIndex } from "../../text/line-index";
import { kebabCase } from "../../util/names";
import type { GeneratorResult } from "../types";
import { generateOpenApi } from "./generate-openapi";
import { operationIdOf, operationWords, singularize, summaryOf } from "./naming";
import { builtinSchema } from "./schemas";

const repo = join(__dirname, "../../../..");
const goldenRoot = join(__dirname, "__golden__");
const update = process.env["UPDATE_GOLDEN"] === "1";

const MODELS: { name: string; path: string }[] = [
  { name: "shop", path: join(repo, "examples/shop.arch") },
  { name: "antipatterns", path: join(repo, "examples/antipatterns.arch") },
  ...readdirSync(join(__dirname, "__fixtures__"))
    .filter((f) => f.endsWith(".arch"))
    .sort()
    .map((f) => ({ name: f.replace(/\.arch$/, ""), path: join(__dirname, "__fixtures__", f) })),
];

function modelOf(text: string, fileName: string): Model {
  return analyze([parse(text, `file:///models/${fileName}`)]);
}

function modelAt(path: string): Model {
  return modelOf(readFileSync(path, "utf8"), path.slice(path.lastIndexOf("/") + 1));
}

function diagnosticsText(model: Model, result: GeneratorResult): string {
  return result.diagnostics
    .map((d) => {
      const file = model.files.get(d.uri);
      const pos = file ? new LineIndex(file.text).positionAt(d.start) : { line: -1, character: -1 };
      return `${pos.line + 1}:${pos.character + 1} ${d.severity} ${d.code} ${d.message}\n`;
    })
    .join("");
}

function expectGolden(dir: string, file: string, text: string): void {
  const path = join(dir, file);
  if (update || !existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text);
  }
  expect(text, `golden ${path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, "utf8"));
}

describe("OpenAPI goldens", () => {
  for (const m of MODELS) {
    describe(m.name, () => {
      it("has a model without syntax or name errors", () => {
        expect(modelAt(m.path).diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
      });

      it("per-service documents match the goldens", () => {
        const model = modelAt(m.path);
        const result = generateOpenApi(model);
        expect(result.files.map((f) => f.path)).toEqual(model.services.filter((s) => s.apis.length).map((s) => `${kebabCase(s.symbol.name)}.openapi.yaml`));
        const dir = join(goldenRoot, m.name);
        for (const f of result.files) expectGolden(dir, f.path, f.text);
        // No golden left behind by a service that no longer has a document.
        const stale = readdirSync(dir).filter((f) => f.endsWith(".openapi.yaml") && !result.files.some((g) => g.path === f));
        if (update) for (const f of stale) rmSync(join(dir, f));
        else expect(stale, `stale goldens in ${dir}`).toEqual([]);
        expectGolden(dir, "diagnostics.txt", diagnosticsText(model, result));
      });

      it("the whole-model document matches its golden", () => {
        const model = modelAt(m.path);
        const result = generateOpenApi(model, { whole: true });
        expect(result.files).toHaveLength(1);
        const dir = join(goldenRoot, m.name, "whole");
        expectGolden(dir, result.files[0]!.path, result.files[0]!.text);
        expectGolden(dir, "diagnostics.txt", diagnosticsText(model, result));
      });

      it("is deterministic: two generations from two analyses give the same bytes", () => {
        for (const options of [{}, { whole: true }]) {
          const a = generateOpenApi(modelAt(m.path), options);
          const b = generateOpenApi(modelAt(m.path), options);
          expect(b.files).toEqual(a.files);
          expect(b.diagnostics).toEqual(a.diagnostics);
        }
      });
    });
  }
});

describe("generateOpenApi options", () => {
  const shop = () => modelAt(join(repo, "examples/shop.arch"));

  it("names files after the service in kebab case", () => {
    expect(generateOpenApi(shop()).files.map((f) => f.path)).toEqual(["users.openapi.yaml", "catalog.openapi.yaml", "orders.openapi.yaml"]);
  });

  it("`service` restricts to one service", () => {
    const r = generateOpenApi(shop(), { service: "Catalog" });
    expect(r.files.map((f) => f.path)).toEqual(["catalog.openapi.yaml"]);
    expect(r.files[0]!.text).toBe(generateOpenApi(shop()).files[1]!.text);
    expect(r.diagnostics).toEqual([]);
  });

  it("an unknown service is an error diagnostic and no files", () => {
    const r = generateOpenApi(shop(), { service: "Catalogue" });
    expect(r.files).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([["error", "openapi/unknown-service", "No service is called `Catalogue`. Did you mean `Catalog`?"]]);
  });

  it("a service without an api gives a warning and no files", () => {
    const r = generateOpenApi(shop(), { service: "Notifications" });
    expect(r.files).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["openapi/no-api"]);
  });

  it("`whole` names the file after the only system, else `model`", () => {
    expect(generateOpenApi(shop(), { whole: true }).files.map((f) => f.path)).toEqual(["shop.openapi.yaml"]);
    expect(generateOpenApi(modelAt(join(repo, "examples/antipatterns.arch")), { whole: true }).files.map((f) => f.path)).toEqual(["model.openapi.yaml"]);
  });

  it("starts with the document, without a header comment", () => {
    for (const f of generateOpenApi(shop()).files) expect(f.text.startsWith("openapi: 3.1.0\n")).toBe(true);
  });

  it("survives a broken model", () => {
    const model = modelOf(`service S {\n  api "/v1" {\n    GET /a/{ -> 200 Nope[]\n    POST body X -> \n    GET /b/{id} -> 200 Missing, 404 paginated async\n  }\n  entity E { id uuid @id; x Unknown? @min(3) }\n}\n`, "broken.arch");
    const r = generateOpenApi(model, { whole: true });
    expect(r.files).toHaveLength(1);
    expect(r.files[0]!.text).toContain("openapi: 3.1.0");
  });

  it("carries x-archwright-source as file:line", () => {
    const text = generateOpenApi(shop(), { service: "Catalog" }).files[0]!.text;
    expect(text).toContain("x-archwright-source: shop.arch:115"); // GET /products
    expect(text).toContain("x-archwright-source: shop.arch:82"); // entity Product
  });
});

describe("OpenAPI naming", () => {
  const id = (method: string, path: string, collection = false) => {
    const { verb, words } = operationWords(method, path, collection);
    return operationIdOf(verb, words);
  };

  it("derives operationIds from method and path", () => {
    expect(id("GET", "/products", true)).toBe("listProducts");
    expect(id("POST", "/products")).toBe("createProduct");
    expect(id("GET", "/products/{id}")).toBe("getProduct");
    expect(id("PATCH", "/products/{id}")).toBe("updateProduct");
    expect(id("PUT", "/products/{id}")).toBe("replaceProduct");
    expect(id("DELETE", "/products/{id}")).toBe("deleteProduct");
    expect(id("GET", "/categories/{id}/products", true)).toBe("listCategoryProducts");
    expect(id("POST", "/orders/{id}/cancel")).toBe("cancelOrder");
    expect(id("POST", "/orders/{id}/lines")).toBe("createOrderLine");
    expect(id("POST", "/listing-batches")).toBe("createListingBatch");
    expect(id("GET", "/users/me")).toBe("getUsersMe");
    expect(id("GET", "/")).toBe("getRoot");
    expect(id("POST", "/search")).toBe("search");
    expect(id("POST", "/users/{id}/avatar")).toBe("createUserAvatar");
    expect(id("POST", "/payments/{id}/refund")).toBe("refundPayment");
    expect(id("POST", "/orders/{order_id}/send-reminder")).toBe("sendReminderOrder");
  });

  it("summarises an operation from its verb and resource", () => {
    const { verb, words } = operationWords("GET", "/categories/{id}/products", true);
    expect(summaryOf(verb, words)).toBe("List category products");
  });

  it("singularizes path segments", () => {
    expect(["products", "categories", "addresses", "boxes", "people", "status", "news", "lines"].map(singularize)).toEqual(["product", "category", "address", "box", "person", "status", "news", "line"]);
  });

  it("maps decimals to strings with a precision pattern", () => {
    const s = builtinSchema("decimal", [12, 2]);
    expect(s).toEqual({ type: "string", format: "decimal", pattern: "^-?\\d{1,10}(\\.\\d{1,2})?$" });
    const re = new RegExp(s["pattern"] as string);
    expect(["0", "12.5", "-1234567890.99"].every((v) => re.test(v))).toBe(true);
    expect(["12345678901", "1.234", "1e3", ""].some((v) => re.test(v))).toBe(false);
    expect(builtinSchema("decimal", [5, 0])["pattern"]).toBe("^-?\\d{1,5}$");
  });
});
