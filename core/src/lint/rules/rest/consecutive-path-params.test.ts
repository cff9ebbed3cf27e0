import rule from "./consecutive-path-params";
import { ruleTester } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string, base = "/api/v1") => `service S {
  type T { name text }
  api "${base}" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/consecutive-path-params";

ruleTester(rule, {
  valid: [
    wrap("GET /shops/{shop_id}/items/{item_id} -> 200 T, 404"),
    { name: "param with a suffix is a segment of its own", code: wrap("GET /files/{name}/{name2}.json -> 200 T, 404") },
    { name: "irrelevant: single param", code: wrap("GET /items/{id} -> 200 T, 404") },
  ],
  invalid: [
    {
      code: wrap(`GET /shops/{shop_id}/{item_id} -> 200 T, 404 ${E}`),
      output: wrap(`GET /shops/{shop_id}/items/{item_id} -> 200 T, 404 ${E}`),
    },
    {
      name: "camelCase name",
      code: wrap(`GET /shops/{shopId}/{orderLineId} -> 200 T, 404 ${E}`),
      output: wrap(`GET /shops/{shopId}/order-lines/{orderLineId} -> 200 T, 404 ${E}`),
    },
    { name: "no name to derive a collection from", code: wrap(`GET /shops/{shop}/{id} -> 200 T, 404 ${E}`), output: wrap(`GET /shops/{shop}/{id} -> 200 T, 404 ${E}`) },
    { name: "across the base and the path", code: wrap(`GET /{user_id} -> 200 T, 404 ${E}`, "/tenants/{tenant_id}") },
    {
      name: "in the api base",
      code: `service S {
  type T { name text }
  api "/tenants/{a}/{b}" { // expect: rest/consecutive-path-params
    GET /items -> 200 T[] paginated
  }
}`,
    },
  ],
});
