// rest/pagination: a GET that returns a list pages it, or says the list is bounded.

import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { addFlagEdit, isSuccess, intactEndpoints } from "./_shared";

export default defineRule({
  id: "rest/pagination",
  category: "rest",
  severity: "warning",
  summary: "A GET whose success response is an array is `paginated`, or marked `bounded` when the list is small by design.",
  fixable: true,
  scope: "file",
  docs: {
    why: "An unpaginated list grows with the data: responses get slower and larger until they time out, and a single request can exhaust the service (OWASP API4, unrestricted resource consumption). Pagination cannot be added later without breaking clients that expect the whole list. `paginated` gives the endpoint cursor pagination (`cursor` and `limit` query parameters and an `items`/`next_cursor` envelope). A list that is small by design (the enum-like list of currencies) says so with `bounded`.",
    incorrect: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /listings -> 200 Listing[]
  }
}`,
    correct: `service Listings {
  type Listing { title text }
  type Currency { code text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /listings   -> 200 Listing[] paginated
    GET /currencies -> 200 Currency[] bounded
  }
}`,
    fix: "Adds the `paginated` flag (preferred; it changes the response to a page envelope, which is the point). Alternatively marks the list `bounded`.",
    sources: ["Zalando #159", "Zalando #160", "Azure az-pagination-response", "Google AIP-158", "OWASP API4:2023"],
  },
  check({ model, report }) {
    for (const ep of intactEndpoints(model)) {
      if (ep.method !== "GET" || ep.flags.has("paginated") || ep.flags.has("bounded")) continue;
      const list = ep.responses.find((r) => isSuccess(r.status) && r.type?.array);
      if (!list) continue;
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: `\`GET ${ep.path}\` returns a list (\`${list.status} ${list.type!.display}\`) without pagination: mark it \`paginated\`, or \`bounded\` if it is small by design.`,
        fixes: [
          { title: "Add `paginated`", preferred: true, edits: [addFlagEdit(ep, "paginated")] },
          { title: "Mark the list `bounded`", edits: [addFlagEdit(ep, "bounded")] },
        ],
      });
    }
  },
});
