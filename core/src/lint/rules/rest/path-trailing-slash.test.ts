import rule from "./path-trailing-slash";
import { ruleTester } from "../../../../../test/support/rule-tester";

const wrap = (apiBase: string, endpoint: string) => `service S {
  type T { name text }
  api "${apiBase}" {
    ${endpoint}
  }
}`;

ruleTester(rule, {
  valid: [
    wrap("/api/v1", "GET /tags -> 200 T"),
    { name: "the base itself", code: wrap("/api/v1", "GET / -> 200 T") },
    { name: "root base", code: wrap("/", "GET /tags -> 200 T") },
  ],
  invalid: [
    {
      code: wrap("/api/v1", "GET /tags/ -> 200 T // expect: rest/path-trailing-slash"),
      output: wrap("/api/v1", "GET /tags -> 200 T // expect: rest/path-trailing-slash"),
    },
    {
      name: "base with a slash",
      code: `service S {
  type T { name text }
  api "/api/v1/" { // expect: rest/path-trailing-slash
    GET /tags -> 200 T
  }
}`,
      output: `service S {
  type T { name text }
  api "/api/v1" { // expect: rest/path-trailing-slash
    GET /tags -> 200 T
  }
}`,
    },
  ],
});
