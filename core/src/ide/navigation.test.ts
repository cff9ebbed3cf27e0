import { describe, expect, it } from "vitest";
import { analyze, parse, type Model } from "../index";
import { definition, documentHighlights, prepareRename, references, rename } from "./navigation";

const A = "file:///a.arch";
const B = "file:///b.arch";
const textA = `service Catalog {
  entity Category {
    id uuid @id
  }
  entity Product {
    id          uuid @id
    category_id uuid @ref(Category.id)
    @@index(category_id)
  }
  api "/v1" {
    GET /products/{id} -> 200 Product, 404
  }
}
`;
const textB = `service Orders {
  calls Catalog GET /v1/products/{id} timeout 1s
  entity Line {
    id      uuid @id
    product Catalog.Product?
  }
}
`;

function model(): Model {
  return analyze([parse(textA, A), parse(textB, B)]);
}

const at = (text: string, needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  return i;
};

describe("navigation", () => {
  it("goes to the definition of a type, a @ref target and a called service", () => {
    const m = model();
    expect(definition(m, B, at(textB, "Product") + 2)).toEqual({ uri: A, start: at(textA, "Product {"), end: at(textA, "Product {") + 7 });
    expect(definition(m, A, at(textA, "Category.id") + 1)).toEqual({ uri: A, start: at(textA, "Category {"), end: at(textA, "Category {") + 8 });
    const idOfCategory = at(textA, "id uuid @id");
    expect(definition(m, A, at(textA, "Category.id") + 10)).toEqual({ uri: A, start: idOfCategory, end: idOfCategory + 2 });
    expect(definition(m, B, at(textB, "Catalog") + 1)?.uri).toBe(A);
    expect(definition(m, B, at(textB, "/v1/products") + 3)).toEqual({ uri: A, start: at(textA, "GET /products"), end: at(textA, "GET /products") + "GET /products/{id}".length });
  });

  it("finds references across files, with or without the declaration", () => {
    const m = model();
    const product = at(textA, "Product {") + 1;
    expect(references(m, A, product, false)).toEqual([
      { uri: A, start: at(textA, "Product, 404"), end: at(textA, "Product, 404") + 7 },
      { uri: B, start: at(textB, "Product?"), end: at(textB, "Product?") + 7 },
    ]);
    expect(references(m, A, product, true)).toHaveLength(3);
    expect(references(m, A, at(textA, "      ") ,false)).toEqual([]);
  });

  it("highlights occurrences in the file", () => {
    const m = model();
    const h = documentHighlights(m, A, at(textA, "category_id uuid") + 1);
    expect(h.map((x) => [x.start, x.write])).toEqual([
      [at(textA, "category_id uuid"), true],
      [at(textA, "category_id)"), false],
    ]);
  });

  it("renames an entity everywhere, including qualified references", () => {
    const m = model();
    const result = rename(m, A, at(textA, "Product {") + 1, "Item");
    expect("edits" in result && result.edits.map((e) => e.uri).sort()).toEqual([A, A, B]);
    if (!("edits" in result)) return;
    const apply = (text: string, uri: string) =>
      result.edits
        .filter((e) => e.uri === uri)
        .sort((a, b) => b.start - a.start)
        .reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
    const after = analyze([parse(apply(textA, A), A), parse(apply(textB, B), B)]);
    expect(after.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(apply(textB, B)).toContain("Catalog.Item?");
  });

  it("renames a field referenced by @ref and @@index", () => {
    const m = model();
    const result = rename(m, A, at(textA, "id uuid @id") , "key");
    expect("edits" in result && result.edits).toHaveLength(2);
  });

  it("refuses invalid names, clashes and unrenameable things", () => {
    const m = model();
    expect(rename(m, A, at(textA, "Product {") + 1, "9lives")).toHaveProperty("error");
    expect(rename(m, A, at(textA, "Product {") + 1, "Category")).toHaveProperty("error");
    expect(rename(m, A, at(textA, "Product {") + 1, "uuid")).toHaveProperty("error");
    expect(prepareRename(m, A, at(textA, "GET /products") + 1)).toHaveProperty("error");
    expect(prepareRename(m, A, at(textA, "Product {") + 3)).toEqual({ start: at(textA, "Product {"), end: at(textA, "Product {") + 7, placeholder: "Product" });
  });
});
