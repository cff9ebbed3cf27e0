// rest/rate-limit: every endpoint has a rate limit, or says `ratelimit none`.
// Same placement as rest/auth-required; `auth none` endpoints still need one,
// and a gateway's `ratelimit` does not count (it limits the edge, not the service).

import { defineRule } from "../../rule";
import { apiSpan, endpointSpan } from "../../spans";
import { addToApiBlock, addToEndpointBlock, intactApis, isBroken, missingApiSetting } from "./_shared";

export default defineRule({
  id: "rest/rate-limit",
  category: "rest",
  severity: "warning",
  summary: "Every endpoint has an effective `ratelimit`: its own or its api's (`ratelimit none` when unlimited on purpose).",
  fixable: true,
  scope: "file",
  docs: {
    why: "Without a rate limit, one client (or one bug in one client) can exhaust the service for everyone (OWASP API4, unrestricted resource consumption; API6 for sensitive flows such as sign-up). Public endpoints (`auth none`) need one most. Say who is counted (`per client`, `per user`, `per ip`), and write `ratelimit none` where unlimited is a decision. A gateway's limit protects the edge but not calls from inside, so it does not count here.",
    incorrect: `service Ledger {
  type Account { owner text }
  api "/api/v1" {
    auth jwt
    GET /accounts/{id} -> 200 Account, 404
  }
}`,
    correct: `service Ledger {
  type Account { owner text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /accounts/{id} -> 200 Account, 404
  }
}`,
    fix: "Offers (not preferred) to add `ratelimit 100/min per client`: the number is a placeholder to review.",
    sources: ["OWASP API4:2023", "Zalando #153", "OWASP ruleset owasp:api4:2023-rate-limit"],
  },
  check({ model, report, text }) {
    for (const api of intactApis(model)) {
      const missing = missingApiSetting(api, "ratelimit");
      const setting = "ratelimit 100/min per client";
      if (missing.onApi) {
        report({
          uri: api.uri,
          ...apiSpan(api),
          message: `No endpoint of the api \`${api.base || "(no base)"}\` has a rate limit: add \`ratelimit\` to the api block (\`ratelimit none\` if unlimited on purpose).`,
          fixes: [{ title: `Add \`${setting}\` to the api`, edits: addToApiBlock(text(api.uri), api, setting) }],
        });
      }
      for (const ep of missing.endpoints) {
        if (isBroken(model, ep)) continue;
        report({
          uri: ep.uri,
          ...endpointSpan(ep),
          message: `\`${ep.method} ${ep.path}\` has no rate limit, and its api sets none: declare \`ratelimit\` (\`ratelimit none\` if unlimited on purpose).`,
          fixes: [{ title: `Add \`${setting}\``, edits: addToEndpointBlock(text(ep.uri), ep, [setting]) }],
        });
      }
    }
  },
});
