// rest/error-responses: the failures a client must handle are part of the contract.
// Exactly lint-conventions.md: 404 when the path has a parameter, 400 or 422
// when there is a request body. 401/403, 429 and 500 are implied and never demanded.

import { pathParams } from "../../../util/names";
import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { addStatusEdits, intactEndpoints } from "./_shared";

export default defineRule({
  id: "rest/error-responses",
  category: "rest",
  severity: "warning",
  summary: "An endpoint with a path parameter declares 404; one with a request body declares 400 or 422.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Consumers need the failure contract as much as the success one. A path parameter names something that may not exist (404); a request body can be invalid (400, or 422 for a well-formed but unacceptable one). 401/403 follow from `auth`, 429 from `ratelimit` and 500 is always possible: those are generated and never demanded here.",
    incorrect: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /listings/{id} -> 200 Listing
  }
}`,
    correct: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /listings/{id} -> 200 Listing, 404
  }
}`,
    fix: "Adds the missing statuses (`404`, `400`) in numeric order; they use the api's error shape. Safe.",
    sources: ["Redocly operation-4xx-response", "OWASP API8:2023", "Zalando #151"],
  },
  check({ model, report }) {
    for (const ep of intactEndpoints(model)) {
      const statuses = new Set(ep.responses.map((r) => r.status));
      const missing: number[] = [];
      const why: string[] = [];
      const params = pathParams(ep.fullPath);
      if (params.length && !statuses.has(404)) {
        missing.push(404);
        why.push(`404 (the path has ${params.filter(Boolean).length ? params.filter(Boolean).map((p) => `\`{${p}}\``).join(", ") : "a parameter"})`);
      }
      if (ep.decl.body && !statuses.has(400) && !statuses.has(422)) {
        missing.push(400);
        why.push("400 or 422 (it takes a body)");
      }
      if (!missing.length) continue;
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: `\`${ep.method} ${ep.path}\` declares no ${why.join(" and no ")}.`,
        fixes: [{ title: `Add ${missing.map((s) => `\`${s}\``).join(" and ")}`, preferred: true, edits: addStatusEdits(ep, missing) }],
      });
    }
  },
});
