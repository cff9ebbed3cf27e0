// rest/top-level-array-response: bodies are objects, so they can grow.
// A GET returning an array is rest/pagination's (lint-conventions: one mistake, one rule).

import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { intactEndpoints } from "./_shared";

export default defineRule({
  id: "rest/top-level-array-response",
  category: "rest",
  severity: "warning",
  summary: "Endpoints other than GET do not answer with a bare array.",
  fixable: false,
  scope: "file",
  docs: {
    why: "A bare JSON array cannot gain a field later: adding a cursor, a count or per-item errors to `[...]` breaks every client, whereas an object (`{ \"items\": [...] }`) can grow. A GET that returns an array is the business of rest/pagination (`paginated` gives it an envelope, `bounded` accepts the array); this rule covers the other methods, such as a batch POST answering `Item[]`. A `paginated` endpoint already answers with an envelope.",
    incorrect: `service Listings {
  type Listing { title text }
  type ListingBatch { titles text[] }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /listing-batches body ListingBatch -> 200 Listing[], 400 idempotent
  }
}`,
    correct: `service Listings {
  type Listing { title text }
  type ListingBatch { titles text[] }
  type BatchResult { items Listing[] }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /listing-batches body ListingBatch -> 200 BatchResult, 400 idempotent
  }
}`,
    sources: ["Zalando #110", "Zally SuccessResponseAsJsonObjectRule", "IBM ibm-no-array-responses", "Microsoft API guidelines: collections response is an object"],
  },
  check({ model, report }) {
    for (const ep of intactEndpoints(model)) {
      if (ep.method === "GET" || ep.method === "HEAD" || ep.flags.has("paginated")) continue;
      const arrays = ep.responses.filter((r) => r.type?.array);
      if (!arrays.length) continue;
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: `\`${ep.method} ${ep.path}\` answers with a bare array (${arrays.map((r) => `\`${r.status} ${r.type!.display}\``).join(", ")}): wrap it in an object type (\`{ items … }\`) so that it can grow.`,
      });
    }
  },
});
