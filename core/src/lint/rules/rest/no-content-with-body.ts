// rest/no-content-with-body: bodiless statuses carry no type, and 200-style
// statuses carry one.
//
// Decisions (see docs.why): 201 without a type is accepted (RFC 9110 §15.3.2:
// the created resource is identified by `Location`, content is optional);
// 202 without a type is accepted (with `async` the status resource is implied,
// without it the request was merely queued); HEAD and OPTIONS answers have no
// content by nature, so their 200 needs no type.

import type { Fix } from "../../../diagnostics/diagnostic";
import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { intactEndpoints } from "./_shared";

/** Statuses that never carry content (RFC 9110 §15.3.5, §15.3.6, §15.4.5). */
const NO_CONTENT = new Set([204, 205, 304]);
/** 2xx statuses that may legitimately carry no content. */
const EMPTY_OK = new Set([201, 202, 204, 205]);

export default defineRule({
  id: "rest/no-content-with-body",
  category: "rest",
  severity: "warning",
  summary: "204, 205 and 304 declare no body; other success statuses such as 200 declare what they return.",
  fixable: true,
  scope: "file",
  docs: {
    why: "A 204 (or 205, or 304) response has no content by definition: clients and proxies discard whatever the contract says it returns, so a type there is a contract no one can honour. The opposite mistake is a `200` that returns nothing: say `204` instead, so clients do not try to parse an empty body. A `201` without a type is accepted (the created resource is identified by its `Location` header), as is a `202` (with `async` the status resource is implied; without it the request was only queued). HEAD and OPTIONS answers have no content anyway.",
    incorrect: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    DELETE /listings/{id} -> 204 Listing, 404
  }
}`,
    correct: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    DELETE /listings/{id} -> 204, 404
  }
}`,
    fix: "Removes the type from a 204/205/304 response (preferred: clients never see that body). For a `200` without a type on a method other than GET, changes it to `204` (preferred).",
    sources: ["RFC 9110 §15.3.5", "Azure az-204-no-response-body", "Azure az-success-response-body"],
  },
  check({ model, report }) {
    for (const ep of intactEndpoints(model)) {
      ep.decl.responses.forEach((r, i) => {
        const status = ep.responses[i]?.status ?? r.status.number ?? 0;
        if (NO_CONTENT.has(status) && r.type) {
          report({
            uri: ep.uri,
            ...endpointSpan(ep),
            message: `A ${status} response has no content, but \`${ep.method} ${ep.path}\` says it returns \`${r.type.name.text}${r.type.array ? "[]" : ""}\`.`,
            fixes: [
              { title: `Remove the type from \`${status}\``, preferred: true, edits: [{ uri: ep.uri, start: r.status.end, end: r.type.end, newText: "" }] },
              ...(status === 204 ? [{ title: "Change the status to `200`", edits: [{ uri: ep.uri, start: r.status.start, end: r.status.end, newText: "200" }] }] : []),
            ],
          });
          return;
        }
        if (status >= 200 && status < 300 && !r.type && !EMPTY_OK.has(status) && ep.method !== "HEAD" && ep.method !== "OPTIONS") {
          const fixes: Fix[] = [];
          if (status === 200 && ep.method !== "GET" && !ep.responses.some((o) => o.status === 204)) {
            fixes.push({ title: "Change the status to `204`", preferred: true, edits: [{ uri: ep.uri, start: r.status.start, end: r.status.end, newText: "204" }] });
          }
          report({
            uri: ep.uri,
            ...endpointSpan(ep),
            message: `\`${ep.method} ${ep.path}\` answers ${status} without saying what it returns: ${ep.method === "GET" ? "declare the type" : "declare the type, or answer `204` when there is nothing to return"}.`,
            fixes,
          });
        }
      });
    }
  },
});
