import { expect, it } from "vitest";
import rule from "./duplicate-endpoint";
import { ruleTester, runRule } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string) => `service S {
  type T { name text }
  api "/api/v1" {
    ${endpoints}
  }
}`;

ruleTester(rule, {
  valid: [
    wrap(`GET /items/{id} -> 200 T, 404
    PUT /items/{id} body T -> 200 T, 400, 404
    DELETE /items/{id} -> 204, 404`),
    { name: "different literal segments", code: wrap(`GET /items/{id} -> 200 T, 404
    GET /items/mine -> 200 T[] paginated`) },
    {
      name: "same path in two services",
      code: `service A {
  type T { name text }
  api "/api/v1" { GET /items -> 200 T[] paginated }
}
service B {
  type U { name text }
  api "/api/v1" { GET /items -> 200 U[] paginated }
}`,
    },
    {
      name: "same path under two bases",
      code: `service S {
  type T { name text }
  api "/api/v1" { GET /items -> 200 T[] paginated }
  api "/api/v2" { GET /items -> 200 T[] paginated }
}`,
    },
  ],
  invalid: [
    {
      name: "param names differ",
      code: wrap(`GET /listings/{id} -> 200 T
    GET /listings/{listing_id} -> 200 T, 404 // expect: rest/duplicate-endpoint`),
      messages: ["is already declared as `GET /api/v1/listings/{id}`"],
    },
    {
      name: "exact repeat",
      code: wrap(`GET /items -> 200 T[] paginated
    GET /items -> 200 T[] paginated // expect: rest/duplicate-endpoint
    GET /items -> 200 T[] paginated // expect: rest/duplicate-endpoint`),
    },
    {
      name: "full paths collide across two apis of one service",
      code: `service S {
  type T { name text }
  api "/api" { GET /v1/items -> 200 T[] paginated }
  api "/api/v1" {
    GET /items -> 200 T[] paginated // expect: rest/duplicate-endpoint
  }
}`,
    },
  ],
});

it("points at the first occurrence", () => {
  const code = wrap(`GET /items/{id} -> 200 T, 404
    GET /items/{item} -> 200 T, 404`);
  const [d] = runRule(rule, code).diagnostics;
  expect(d?.related?.[0]?.start).toBe(code.indexOf("GET /items/{id}"));
});
