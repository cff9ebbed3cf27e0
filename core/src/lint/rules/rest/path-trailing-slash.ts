// rest/path-trailing-slash: `/orders/` and `/orders` are different URLs to many tools.

import { defineRule } from "../../rule";
import { apiSpan } from "../../spans";
import { intactEndpoints, intactApis } from "./_shared";

export default defineRule({
  id: "rest/path-trailing-slash",
  category: "rest",
  severity: "warning",
  summary: "Endpoint paths and api bases do not end with `/`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Routers, proxies, caches and client generators disagree on whether `/tags` and `/tags/` are the same resource: some redirect, some 404, some treat them as two cache keys. A base ending in `/` also produces `//` when joined with endpoint paths. Pick the form without the slash everywhere.",
    incorrect: `service Tags {
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /tags/ -> 200 Tag[] paginated
  }
  type Tag { name text }
}`,
    correct: `service Tags {
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /tags -> 200 Tag[] paginated
  }
  type Tag { name text }
}`,
    fix: "Removes the trailing slash. Safe: calls that name the endpoint resolve either way.",
    sources: ["Spectral path-keys-no-trailing-slash", "Redocly no-path-trailing-slash", "Zalando #136"],
  },
  check({ model, report }) {
    for (const api of intactApis(model)) {
      const base = api.decl.base;
      if (base && base.value.length > 1 && base.value.endsWith("/")) {
        report({
          uri: api.uri,
          ...apiSpan(api),
          message: `The api base \`${base.value}\` ends with \`/\`.`,
          fixes: [{ title: "Remove the trailing `/`", preferred: true, edits: [{ uri: api.uri, start: base.end - 2, end: base.end - 1, newText: "" }] }],
        });
      }
    }
    for (const ep of intactEndpoints(model)) {
      const path = ep.decl.path;
      if (path.text.length > 1 && path.text.endsWith("/")) {
        report({
          uri: ep.uri,
          start: ep.decl.start,
          end: ep.decl.lineEnd,
          message: `The path \`${path.text}\` ends with \`/\`.`,
          fixes: [{ title: "Remove the trailing `/`", preferred: true, edits: [{ uri: ep.uri, start: path.end - 1, end: path.end, newText: "" }] }],
        });
      }
    }
  },
});
