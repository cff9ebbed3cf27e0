import { expect, it } from "vitest";
import rule from "./path-query-string";
import { ruleTester, runRule } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string, base = "/api/v1") => `service S {
  type T { name text }
  api "${base}" {
    ${endpoints}
  }
}`;

ruleTester(rule, {
  valid: [
    wrap("GET /search -> 200 T[] paginated { query q text }"),
    { name: "irrelevant: params and dashes", code: wrap("GET /items/{id}/sub-items -> 200 T[], 404 paginated") },
  ],
  invalid: [
    {
      name: "moved into a new block",
      code: wrap("GET /search?q=chairs -> 200 T[] paginated // expect: rest/path-query-string"),
      output: wrap("GET /search -> 200 T[] paginated { query q text } // expect: rest/path-query-string"),
    },
    {
      name: "moved into an existing one-line block",
      code: wrap("GET /search?q=chairs&sort=asc -> 200 T[] paginated { cache 60s } // expect: rest/path-query-string"),
      output: wrap("GET /search -> 200 T[] paginated { cache 60s; query q text; query sort text } // expect: rest/path-query-string"),
    },
    {
      name: "moved into a multi-line block",
      code: wrap(`GET /search?q=chairs -> 200 T[] paginated { // expect: rest/path-query-string
      cache 60s
    }`),
      output: wrap(`GET /search -> 200 T[] paginated { // expect: rest/path-query-string
      cache 60s
      query q text
    }`),
    },
    {
      name: "already declared: dropped",
      code: wrap("GET /search?q=chairs -> 200 T[] paginated { query q text } // expect: rest/path-query-string"),
      output: wrap("GET /search -> 200 T[] paginated { query q text } // expect: rest/path-query-string"),
    },
    {
      name: "fragment",
      code: wrap("GET /docs#intro -> 200 T // expect: rest/path-query-string"),
      output: wrap("GET /docs -> 200 T // expect: rest/path-query-string"),
      messages: ["fragment"],
    },
    {
      name: "in the api base",
      code: `service S {
  type T { name text }
  api "/api/v1?x=1" { // expect: rest/path-query-string
    GET /items -> 200 T[] paginated
  }
}`,
      output: `service S {
  type T { name text }
  api "/api/v1" { // expect: rest/path-query-string
    GET /items -> 200 T[] paginated
  }
}`,
    },
  ],
});

it("offers dropping as an alternative to moving", () => {
  const [d] = runRule(rule, wrap("GET /search?q=x -> 200 T[] paginated")).diagnostics;
  expect(d?.fixes?.map((f) => [f.title, !!f.preferred])).toEqual([
    ["Move `q` into `query` parameters", true],
    ["Remove `?q=x`", false],
  ]);
});
