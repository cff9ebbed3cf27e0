import rule from "./top-level-array-response";
import { ruleTester } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string) => `service S {
  type T { name text }
  type Page { items T[] }
  api "/api/v1" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/top-level-array-response";

ruleTester(rule, {
  valid: [
    wrap("POST /batches body T -> 200 Page, 400 idempotent"),
    { name: "GET is rest/pagination's", code: wrap("GET /listings -> 200 T[]") },
    { name: "paginated POST answers with an envelope", code: wrap("POST /listings/search body T -> 200 T[], 400 paginated") },
    { name: "array fields are fine", code: wrap("PUT /pages/{id} body Page -> 200 Page, 400, 404") },
  ],
  invalid: [
    { code: wrap(`POST /listing-batches body T -> 200 T[], 400 idempotent ${E}`) },
    { name: "PUT", code: wrap(`PUT /tags body T -> 200 T[], 400 ${E}`) },
    { name: "error body", code: wrap(`DELETE /items/{id} -> 204, 409 T[] ${E}`) },
  ],
});
