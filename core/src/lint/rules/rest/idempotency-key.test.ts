import rule from "./idempotency-key";
import { ruleTester } from "../../../../../test/support/rule-tester";

const E = "// expect: rest/idempotency-key";
const wrap = (endpoints: string) => `service S {
  type T { name text }
  api "/api/v1" {
    ${endpoints}
  }
}`;

ruleTester(rule, {
  valid: [
    wrap("POST /payments body T -> 201 T, 400 idempotent"),
    { name: "202 without async is not a create", code: wrap("POST /events body T -> 202, 400") },
    { name: "POST answering 200 (a command or a search)", code: wrap("POST /search body T -> 200 T, 400") },
    { name: "PUT creating", code: wrap("PUT /items/{id} body T -> 201 T, 400, 404") },
    { name: "async job with key", code: wrap("POST /exports -> 202 T async idempotent") },
  ],
  invalid: [
    { code: wrap(`POST /payments body T -> 201 T, 400 ${E}`), output: wrap(`POST /payments body T -> 201 T, 400 idempotent ${E}`) },
    { name: "async job", code: wrap(`POST /exports -> 202 T async ${E}`), output: wrap(`POST /exports -> 202 T async idempotent ${E}`) },
    {
      name: "flag before the block",
      code: wrap(`POST /signups body T -> 201 T, 400 { auth none } ${E}`),
      output: wrap(`POST /signups body T -> 201 T, 400 idempotent { auth none } ${E}`),
    },
  ],
});
