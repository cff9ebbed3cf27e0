// rest/auth-required: every endpoint says who may call it, `auth none` included.
// A gateway's `auth` is the edge's concern and does not count (lint-conventions.md).

import { defineRule } from "../../rule";
import { apiSpan, endpointSpan } from "../../spans";
import { addToApiBlock, addToEndpointBlock, intactApis, isBroken, missingApiSetting } from "./_shared";

export default defineRule({
  id: "rest/auth-required",
  category: "rest",
  severity: "warning",
  summary: "Every endpoint has an effective `auth`: its own or its api's (`auth none` for a deliberately public one).",
  fixable: true,
  scope: "file",
  docs: {
    why: "An endpoint without authentication is most often one that was forgotten (OWASP API2 and API5): the model should say who may call it, and say so explicitly when the answer is everyone (`auth none`). An `auth` line in the api block applies to all its endpoints, and one on the service to all its apis; an endpoint's own `auth` wins, then its api's. A gateway's `auth` protects the edge only: internal callers reach the service without it, so it does not count here.",
    incorrect: `service Ledger {
  type Statement { total decimal(12, 2) }
  api "/internal/v1" {
    ratelimit 100/min per client
    GET /accounts/{id}/statements -> 200 Statement[], 404 paginated
  }
}`,
    correct: `service Ledger {
  type Statement { total decimal(12, 2) }
  api "/internal/v1" {
    auth mtls
    ratelimit 100/min per client
    GET /accounts/{id}/statements -> 200 Statement[], 404 paginated
  }
}`,
    fix: "Offers (not preferred) to add `auth jwt`, or `auth none` to mark the endpoints public: which one is right is a decision, not a correction.",
    sources: ["Zalando #104", "Zally SecureAllEndpointsRule", "Redocly security-defined", "OWASP API2:2023", "OWASP API5:2023"],
  },
  check({ model, report, text }) {
    for (const api of intactApis(model)) {
      const missing = missingApiSetting(api, "auth");
      const scheme = "auth jwt";
      if (missing.onApi) {
        report({
          uri: api.uri,
          ...apiSpan(api),
          message: `No endpoint of the api \`${api.base || "(no base)"}\` declares \`auth\`: add it to the api block (\`auth none\` if the endpoints are public).`,
          fixes: [
            { title: `Add \`${scheme}\` to the api`, edits: addToApiBlock(text(api.uri), api, scheme) },
            { title: "Mark the api public: `auth none`", edits: addToApiBlock(text(api.uri), api, "auth none") },
          ],
        });
      }
      for (const ep of missing.endpoints) {
        if (isBroken(model, ep)) continue;
        report({
          uri: ep.uri,
          ...endpointSpan(ep),
          message: `\`${ep.method} ${ep.path}\` has no \`auth\`, and its api sets none: declare it (\`auth none\` if it is public).`,
          fixes: [
            { title: `Add \`${scheme}\``, edits: addToEndpointBlock(text(ep.uri), ep, [scheme]) },
            { title: "Mark it public: `auth none`", edits: addToEndpointBlock(text(ep.uri), ep, ["auth none"]) },
          ],
        });
      }
    }
  },
});
