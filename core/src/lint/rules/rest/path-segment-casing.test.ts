import { expect, it } from "vitest";
import rule from "./path-segment-casing";
import { ruleTester, runRule } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string, base = "/api/v1") => `service S {
  type T { name text }
  api "${base}" {
    ${endpoints}
  }
}`;

ruleTester(rule, {
  valid: [
    wrap("GET /listing-images -> 200 T[] paginated"),
    { name: "digits", code: wrap("GET /item-123/v2 -> 200 T") },
    { name: "params are not segments", code: wrap("GET /items/{itemId} -> 200 T, 404") },
    { name: "file extension and :action suffix", code: wrap(`GET /openapi.json -> 200 T
    POST /items/{id}:archive -> 200 T, 404`) },
    { name: "query string is not a segment", code: wrap("GET /search?sortBy=x -> 200 T[] paginated") },
    { name: "snake option", code: wrap("GET /listing_images -> 200 T[] paginated"), options: { casing: "snake" } },
    { name: "camel option", code: wrap("GET /listingImages -> 200 T[] paginated"), options: { casing: "camel" } },
  ],
  invalid: [
    {
      name: "camelCase segment",
      code: wrap("GET /listingImages -> 200 T[] paginated // expect: rest/path-segment-casing"),
      output: wrap("GET /listing-images -> 200 T[] paginated // expect: rest/path-segment-casing"),
    },
    {
      name: "several segments in one diagnostic",
      code: wrap("GET /Shops/{id}/order_items -> 200 T[], 404 paginated // expect: rest/path-segment-casing"),
      output: wrap("GET /shops/{id}/order-items -> 200 T[], 404 paginated // expect: rest/path-segment-casing"),
    },
    {
      name: "snake option",
      options: { casing: "snake" },
      code: wrap("GET /listing-images -> 200 T[] paginated // expect: rest/path-segment-casing"),
      output: wrap("GET /listing_images -> 200 T[] paginated // expect: rest/path-segment-casing"),
    },
    {
      name: "camel option",
      options: { casing: "camel" },
      code: wrap("GET /listing-images -> 200 T[] paginated // expect: rest/path-segment-casing"),
      output: wrap("GET /listingImages -> 200 T[] paginated // expect: rest/path-segment-casing"),
    },
    {
      name: "the api base",
      code: `service S {
  type T { name text }
  api "/API/v1" { // expect: rest/path-segment-casing
    GET /items -> 200 T[] paginated
  }
}`,
      output: `service S {
  type T { name text }
  api "/api/v1" { // expect: rest/path-segment-casing
    GET /items -> 200 T[] paginated
  }
}`,
    },
    {
      name: "calls naming the endpoint are renamed too",
      code: `service S {
  type T { name text }
  api "/api/v1" {
    GET /listingImages -> 200 T[] paginated // expect: rest/path-segment-casing
  }
}
service C {
  calls S GET /api/v1/listingImages timeout 1s
  calls S GET /listingImages timeout 1s
}`,
      output: `service S {
  type T { name text }
  api "/api/v1" {
    GET /listing-images -> 200 T[] paginated // expect: rest/path-segment-casing
  }
}
service C {
  calls S GET /api/v1/listing-images timeout 1s
  calls S GET /listing-images timeout 1s
}`,
    },
  ],
});

it("is not preferred when the new path is taken", () => {
  const [d] = runRule(rule, wrap(`GET /listing-images -> 200 T[] paginated
    GET /listingImages -> 200 T[] paginated`)).diagnostics;
  expect(d?.fixes?.[0]?.preferred).toBe(false);
});
