import { expect, it } from "vitest";
import rule from "./insecure-auth";
import { ruleTester, runRule } from "../../../../../test/support/rule-tester";

const E = "// expect: rest/insecure-auth";
const wrap = (api: string) => `service S {
  type T { name text }
  api "/api/v1" {
    ratelimit 100/min per client
    ${api}
  }
}`;

ruleTester(rule, {
  valid: [
    wrap(`auth jwt
    GET /items -> 200 T[] paginated`),
    { name: "apikey in a header, also on writes", code: wrap(`auth apikey
    POST /items body T -> 201 T, 400 idempotent`) },
    { name: "mtls and oauth2", code: wrap(`auth mtls
    GET /items -> 200 T[] paginated { auth oauth2 items:read }`) },
    { name: "pagination tokens and other query parameters", code: wrap(`auth jwt
    GET /items -> 200 T[] paginated { query page_token text; query key text; query token_type text }`) },
  ],
  invalid: [
    { name: "on the api", code: wrap(`auth basic ${E}
    GET /items -> 200 T[] paginated`) },
    { name: "on an endpoint", code: wrap(`auth jwt
    GET /items -> 200 T[] paginated { auth basic } ${E}`) },
    { name: "credential in the query string", code: wrap(`auth jwt
    GET /items -> 200 T[] paginated { query api_key text } ${E}`) },
    { name: "camelCase credential", code: wrap(`auth jwt
    GET /items -> 200 T[] paginated {
      query accessToken text ${E}
    }`) },
    {
      name: "on a gateway",
      code: `system X {
  gateway edge {
    routes S
    auth basic ${E}
    timeout 5s
  }
  service S { health "/healthz" }
}`,
    },
  ],
});

it("is a warning for basic, an error for credentials in the URL", () => {
  const d = runRule(rule, wrap(`auth basic
    GET /items -> 200 T[] paginated { query password text }`)).diagnostics;
  expect(d.map((x) => x.severity)).toEqual(["warning", "error"]);
});
