import { expect, it } from "vitest";
import rule from "./request-body-not-allowed";
import { ruleTester, runRule } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string) => `service S {
  enum Sort { asc, desc }
  type T { name text }
  type Q {
    text text
    sort Sort?
  }
  type Nested { inner T }
  api "/api/v1" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/request-body-not-allowed";

ruleTester(rule, {
  valid: [
    wrap("GET /matches -> 200 T[], 400 paginated { query text text }"),
    { name: "POST search", code: wrap("POST /matches/search body Q -> 200 T, 400") },
    { name: "irrelevant: PUT and PATCH", code: wrap(`PUT /items/{id} body T -> 200 T, 400, 404
    PATCH /items/{id} body T -> 200 T, 400, 404`) },
  ],
  invalid: [
    {
      name: "GET: fields become query parameters",
      code: wrap(`GET /matches body Q -> 200 T[], 400 paginated ${E}`),
      output: wrap(`GET /matches -> 200 T[], 400 paginated { query text text; query sort Sort? } ${E}`),
    },
    { name: "HEAD", code: wrap(`HEAD /matches body Q -> 200 ${E}`) },
    { name: "nested type: no fix", code: wrap(`GET /matches body Nested -> 200 T[] paginated ${E}`), output: wrap(`GET /matches body Nested -> 200 T[] paginated ${E}`) },
    { name: "DELETE", code: wrap(`DELETE /items body Q -> 204, 400 ${E}`), output: wrap(`DELETE /items body Q -> 204, 400 ${E}`) },
  ],
});

it("is an error on GET and HEAD, a warning on DELETE", () => {
  const d = runRule(rule, wrap(`GET /a body Q -> 200 T
    HEAD /b body Q -> 200
    DELETE /c body Q -> 204`)).diagnostics;
  expect(d.map((x) => x.severity)).toEqual(["error", "error", "warning"]);
  expect(d[0]?.fixes?.[0]?.preferred).toBeFalsy();
});
