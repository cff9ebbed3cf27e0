import rule from "./error-responses";
import { ruleTester } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string, base = "/api/v1") => `service S {
  type T { name text }
  api "${base}" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/error-responses";

ruleTester(rule, {
  valid: [
    wrap("GET /items/{id} -> 200 T, 404"),
    { name: "422 counts for a body", code: wrap("POST /items body T -> 201 T, 422 idempotent") },
    { name: "400 counts for a body", code: wrap("PATCH /items/{id} body T -> 200 T, 400, 404") },
    { name: "401, 429 and 500 are never demanded", code: wrap("GET /items -> 200 T[] paginated") },
    { name: "irrelevant: POST without body or params", code: wrap("POST /jobs -> 202 async") },
  ],
  invalid: [
    { name: "item path without 404", code: wrap(`GET /listings/{id} -> 200 T ${E}`), output: wrap(`GET /listings/{id} -> 200 T, 404 ${E}`) },
    { name: "body without 400/422", code: wrap(`POST /items body T -> 201 T, 409 idempotent ${E}`), output: wrap(`POST /items body T -> 201 T, 400, 409 idempotent ${E}`) },
    {
      name: "both, in numeric order",
      code: wrap(`PUT /items/{id} body T -> 200 T, 409 ${E}`),
      output: wrap(`PUT /items/{id} body T -> 200 T, 400, 404, 409 ${E}`),
      messages: ["declares no 404 (the path has `{id}`) and no 400 or 422 (it takes a body)"],
    },
    { name: "both, appended", code: wrap(`PUT /items/{id} body T -> 200 T ${E}`), output: wrap(`PUT /items/{id} body T -> 200 T, 400, 404 ${E}`) },
    { name: "a parameter in the api base", code: wrap(`GET /items -> 200 T[] paginated ${E}`, "/tenants/{tenant}/v1"), output: wrap(`GET /items -> 200 T[], 404 paginated ${E}`, "/tenants/{tenant}/v1") },
  ],
});
