import rule from "./no-content-with-body";
import { ruleTester } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string) => `service S {
  type T { name text }
  api "/api/v1" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/no-content-with-body";

ruleTester(rule, {
  valid: [
    wrap(`DELETE /items/{id} -> 204, 404
    GET /items/{id} -> 200 T, 304, 404`),
    { name: "201 without a body (Location identifies the resource)", code: wrap("POST /items body T -> 201, 400 idempotent") },
    { name: "202 without a body, async or not", code: wrap(`POST /jobs -> 202 async idempotent
    POST /events body T -> 202, 400`) },
    { name: "HEAD and OPTIONS", code: wrap(`HEAD /items/{id} -> 200, 404
    OPTIONS /items -> 200`) },
    { name: "205 without body", code: wrap("POST /forms/{id}/reset -> 205, 404") },
    { name: "irrelevant: error statuses without a type", code: wrap("GET /items/{id} -> 200 T, 404, 500") },
  ],
  invalid: [
    { name: "204 with a body", code: wrap(`DELETE /listings/{id} -> 204 T, 404 ${E}`), output: wrap(`DELETE /listings/{id} -> 204, 404 ${E}`) },
    { name: "304 with a body", code: wrap(`GET /items/{id} -> 200 T, 304 T, 404 ${E}`), output: wrap(`GET /items/{id} -> 200 T, 304, 404 ${E}`) },
    { name: "200 without a body becomes 204", code: wrap(`PUT /items/{id} body T -> 200, 400, 404 ${E}`), output: wrap(`PUT /items/{id} body T -> 204, 400, 404 ${E}`) },
    { name: "GET 200 without a body: no fix", code: wrap(`GET /items/{id} -> 200, 404 ${E}`), output: wrap(`GET /items/{id} -> 200, 404 ${E}`), messages: ["declare the type"] },
    { name: "206 without a body", code: wrap(`GET /files/{id} -> 206, 404 ${E}`) },
  ],
});
