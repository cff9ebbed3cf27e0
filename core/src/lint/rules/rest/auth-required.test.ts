import rule from "./auth-required";
import { ruleTester } from "../../../../../test/support/rule-tester";

const E = "// expect: rest/auth-required";
const model = (api: string) => `service S {
  type T { name text }
${api}
}`;

ruleTester(rule, {
  valid: [
    { name: "a service's auth applies to its endpoints", code: `service S {\n  auth mtls\n  type T { name text }\n  api "/api/v1" {\n    ratelimit 1/s\n    GET /a -> 200 T\n  }\n}` },
    model(`  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /items -> 200 T[] paginated
  }`),
    { name: "every endpoint sets its own", code: model(`  api "/api/v1" {
    GET /items -> 200 T[] paginated { auth oauth2 items:read }
    POST /items body T -> 201 T, 400 idempotent { auth none }
  }`) },
    { name: "auth none on the api", code: model(`  api "/public/v1" {
    auth none
    GET /items -> 200 T[] paginated
  }`) },
    { name: "irrelevant: an api without endpoints", code: model(`  api "/api/v1" { ratelimit 100/min per client }`) },
  ],
  invalid: [
    {
      name: "once on the api line",
      code: model(`  api "/internal/v1" { ${E}
    GET /a -> 200 T
    GET /b -> 200 T
  }`),
      output: model(`  api "/internal/v1" { ${E}
    auth jwt
    GET /a -> 200 T
    GET /b -> 200 T
  }`),
    },
    {
      name: "a gateway's auth does not count",
      code: `system X {
  gateway edge {
    routes S
    auth jwt
    timeout 5s
  }
  service S {
    type T { name text }
    api "/api/v1" { ${E}
      GET /a -> 200 T
    }
  }
}`,
    },
    {
      name: "on each endpoint lacking it when some set their own",
      code: model(`  api "/api/v1" {
    GET /a -> 200 T { auth none }
    GET /b -> 200 T ${E}
    GET /c -> 200 T { cache 60s } ${E}
  }`),
      output: model(`  api "/api/v1" {
    GET /a -> 200 T { auth none }
    GET /b -> 200 T { auth jwt } ${E}
    GET /c -> 200 T { cache 60s; auth jwt } ${E}
  }`),
    },
  ],
});
