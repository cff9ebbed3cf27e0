// rest/success-response: every endpoint says what success looks like.

import type { Fix } from "../../../diagnostics/diagnostic";
import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { addStatusEdits, isSuccess, intactEndpoints } from "./_shared";

export default defineRule({
  id: "rest/success-response",
  category: "rest",
  severity: "error",
  summary: "Every endpoint declares a success response (2xx or 3xx).",
  fixable: true,
  scope: "file",
  docs: {
    why: "An endpoint that lists only errors has no success contract: clients, mocks and generated code cannot know what a working call returns. Declare the success status and its type (`200 Listing`, `201 Listing`, `204`).",
    incorrect: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    PUT /listings/{id} body Listing -> 400, 404
  }
}`,
    correct: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    PUT /listings/{id} body Listing -> 200 Listing, 400, 404
  }
}`,
    fix: "Adds `204` to a DELETE (preferred: a delete that answers nothing is the common contract) and `200` to a HEAD (preferred). For POST, PUT, PATCH and OPTIONS it offers `204`, not preferred: most of them should return a type the linter cannot guess. A GET gets no fix.",
    sources: ["Spectral operation-success-response", "Redocly operation-2xx-response", "Zalando #151"],
  },
  check({ model, report }) {
    for (const ep of intactEndpoints(model)) {
      if (ep.responses.some((r) => isSuccess(r.status))) continue;
      // A write may answer 204 (preferred for DELETE, where it is the usual contract); a HEAD answers 200 without content.
      const fixes: Fix[] = [];
      if (ep.method === "HEAD") fixes.push({ title: "Add `200`", preferred: true, edits: addStatusEdits(ep, [200]) });
      else if (ep.method !== "GET") fixes.push({ title: "Add `204` (no content)", preferred: ep.method === "DELETE", edits: addStatusEdits(ep, [204]) });
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: ep.responses.length ? `\`${ep.method} ${ep.path}\` declares only error responses: add its success status (2xx or 3xx).` : `\`${ep.method} ${ep.path}\` declares no responses: add its success status, e.g. \`-> ${ep.method === "POST" ? "201" : ep.method === "DELETE" ? "204" : "200"} …\`.`,
        fixes,
      });
    }
  },
});
