import rule from "./rate-limit";
import { ruleTester } from "../../../../../test/support/rule-tester";

const E = "// expect: rest/rate-limit";
const model = (api: string) => `service S {
  type T { name text }
${api}
}`;

ruleTester(rule, {
  valid: [
    model(`  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /items -> 200 T[] paginated
  }`),
    { name: "ratelimit none", code: model(`  api "/api/v1" {
    ratelimit none
    GET /items -> 200 T[] paginated
  }`) },
    { name: "every endpoint sets its own", code: model(`  api "/api/v1" {
    GET /a -> 200 T { ratelimit 10/s per ip }
    GET /b -> 200 T { ratelimit none }
  }`) },
  ],
  invalid: [
    {
      name: "once on the api line",
      code: model(`  api "/api/v1" { ${E}
    auth jwt

    GET /a -> 200 T
  }`),
      output: model(`  api "/api/v1" { ${E}
    ratelimit 100/min per client
    auth jwt

    GET /a -> 200 T
  }`),
    },
    {
      name: "auth none endpoints still need one",
      code: model(`  api "/api/v1" {
    auth jwt
    GET /a -> 200 T { ratelimit 5/s per user }
    POST /signups body T -> 201 T, 400 idempotent { auth none } ${E}
  }`),
      output: model(`  api "/api/v1" {
    auth jwt
    GET /a -> 200 T { ratelimit 5/s per user }
    POST /signups body T -> 201 T, 400 idempotent { auth none; ratelimit 100/min per client } ${E}
  }`),
    },
    {
      name: "a gateway's ratelimit does not count",
      code: `system X {
  gateway edge {
    routes S
    ratelimit 1000/min per client
    timeout 5s
  }
  service S {
    type T { name text }
    api "/api/v1" { ${E}
      auth jwt
      GET /a -> 200 T
    }
  }
}`,
    },
    {
      name: "one-line api",
      code: model(`  api "/api/v1" { GET /a -> 200 T } ${E}`),
      output: model(`  api "/api/v1" { ratelimit 100/min per client; GET /a -> 200 T } ${E}`),
    },
  ],
});
