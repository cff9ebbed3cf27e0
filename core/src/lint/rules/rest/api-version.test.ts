import rule from "./api-version";
import { ruleTester } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string, base = "/api/v1") => `service S {
  type T { name text }
  api "${base}" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/api-version";

ruleTester(rule, {
  valid: [
    wrap("GET /items -> 200 T[] paginated"),
    { name: "version first in every path", code: wrap(`GET /v1/items -> 200 T[] paginated
    GET /v2/orders -> 200 T[] paginated`, "/api") },
    { name: "pre-release and minor versions", code: wrap("GET /items -> 200 T[] paginated", "/api/v2beta1") },
    { name: "version anywhere in the base", code: wrap("GET /items -> 200 T[] paginated", "/v3/catalog") },
    { name: "strategy none", code: wrap("GET /items -> 200 T[] paginated", "/api"), options: { strategy: "none" } },
    { name: "irrelevant: an api without endpoints", code: `service S {
  api "/api" { auth jwt }
}` },
  ],
  invalid: [
    {
      name: "once on the api line",
      code: `service S {
  type T { name text }
  api "/api" { ${E}
    GET /items -> 200 T[] paginated
    GET /orders -> 200 T[] paginated
  }
}`,
      output: `service S {
  type T { name text }
  api "/api/v1" { ${E}
    GET /items -> 200 T[] paginated
    GET /orders -> 200 T[] paginated
  }
}`,
    },
    {
      name: "not a version: only the first path segment counts",
      code: `service S {
  type T { name text }
  api "/api" { ${E}
    GET /items/v1 -> 200 T
  }
}`,
    },
    {
      name: "on each endpoint lacking it, with the version the others use",
      code: wrap(`GET /v2/items -> 200 T[] paginated
    GET /orders -> 200 T[] paginated ${E}`, "/api"),
      output: wrap(`GET /v2/items -> 200 T[] paginated
    GET /v2/orders -> 200 T[] paginated ${E}`, "/api"),
    },
    {
      name: "calls using the full path are updated",
      code: `service S {
  type T { name text }
  api "/api" { ${E}
    GET /items -> 200 T[] paginated
  }
}
service C {
  calls S GET /api/items timeout 1s
  calls S GET /items timeout 1s
}`,
      output: `service S {
  type T { name text }
  api "/api/v1" { ${E}
    GET /items -> 200 T[] paginated
  }
}
service C {
  calls S GET /api/v1/items timeout 1s
  calls S GET /items timeout 1s
}`,
    },
    {
      name: "an api without a base",
      code: `service S {
  type T { name text }
  api { ${E}
    GET /items -> 200 T[] paginated
  }
}`,
      output: `service S {
  type T { name text }
  api "/v1" { ${E}
    GET /items -> 200 T[] paginated
  }
}`,
    },
  ],
});
