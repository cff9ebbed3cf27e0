import rule from "./path-param-mismatch";
import { ruleTester } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string, base = "/api/v1") => `service S {
  type T { name text }
  api "${base}" {
    ${endpoints}
  }
}`;

ruleTester(rule, {
  valid: [
    wrap("GET /items/{id} -> 200 T, 404"),
    { name: "declared param", code: wrap("GET /items/{id} -> 200 T, 404 { param id uuid }") },
    { name: "two distinct params", code: wrap("GET /shops/{shop_id}/items/{item_id} -> 200 T, 404 { param shop_id uuid; param item_id uuid }") },
    { name: "param of the api base", code: wrap("GET /items/{id} -> 200 T, 404 { param tenant uuid }", "/tenants/{tenant}/v1") },
    { name: "irrelevant: no params, query and header lines", code: wrap("GET /items -> 200 T[] paginated { query id uuid; header X-Id text }") },
  ],
  invalid: [
    { name: "empty {}", code: wrap("GET /items/{id}/photos/{} -> 200 T, 404 // expect: rest/path-param-mismatch") },
    {
      name: "stray param renamed to the one undeclared path param",
      code: wrap("GET /drafts/{id} -> 200 T, 404 { param draft_id uuid } // expect: rest/path-param-mismatch"),
      output: wrap("GET /drafts/{id} -> 200 T, 404 { param id uuid } // expect: rest/path-param-mismatch"),
      messages: ["`param draft_id` names no parameter of `/drafts/{id}`"],
    },
    {
      name: "stray param on its own line",
      code: wrap(`GET /drafts/{id} -> 200 T, 404 {
      param id uuid
      param other uuid // expect: rest/path-param-mismatch
    }`),
    },
    {
      name: "empty {} named after the stray param",
      code: wrap("GET /items/{} -> 200 T, 404 { param item_id uuid } // expect: rest/path-param-mismatch"),
      output: wrap("GET /items/{item_id} -> 200 T, 404 { param item_id uuid } // expect: rest/path-param-mismatch"),
    },
    { name: "name used twice", code: wrap("GET /a/{id}/b/{id} -> 200 T, 404 // expect: rest/path-param-mismatch"), messages: ["uses `{id}` twice"] },
    { name: "name used in the base and the path", code: wrap("GET /items/{id} -> 200 T, 404 // expect: rest/path-param-mismatch", "/tenants/{id}") },
    {
      name: "param declared twice",
      code: wrap(`GET /items/{id} -> 200 T, 404 {
      param id uuid
      param id text // expect: rest/path-param-mismatch
    }`),
    },
    {
      name: "empty {} in the api base",
      code: `service S {
  type T { name text }
  api "/tenants/{}" { // expect: rest/path-param-mismatch
    GET /items -> 200 T[] paginated
  }
}`,
    },
  ],
});
