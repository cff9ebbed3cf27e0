// rest/duplicate-endpoint: one route, one endpoint.

import type { EndpointInfo, ServiceInfo } from "../../../semantic/model";
import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { routeKey, intactEndpoints } from "./_shared";

export default defineRule({
  id: "rest/duplicate-endpoint",
  category: "rest",
  severity: "error",
  summary: "No two endpoints of a service share a method and a path.",
  fixable: false,
  scope: "file",
  docs: {
    why: "Paths that differ only in parameter names (`/listings/{id}` and `/listings/{listing_id}`) match the same URLs: the OpenAPI specification calls them identical and invalid, and which handler a router picks depends on declaration order. The comparison uses the full path (api base plus endpoint path), so two apis of one service can collide too.",
    incorrect: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /listings/{id}         -> 200 Listing, 404
    GET /listings/{listing_id} -> 200 Listing, 404
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
    sources: ["Redocly no-identical-paths", "OpenAPI 3.1 Paths Object"],
  },
  check({ model, report }) {
    const byService = new Map<ServiceInfo, Map<string, EndpointInfo>>();
    for (const ep of intactEndpoints(model)) {
      if (ep.decl.path.missing) continue;
      let first = byService.get(ep.service);
      if (!first) byService.set(ep.service, (first = new Map()));
      const key = routeKey(ep.method, ep.fullPath);
      const original = first.get(key);
      if (!original) {
        first.set(key, ep);
        continue;
      }
      const same = original.fullPath === ep.fullPath;
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: `\`${ep.method} ${ep.fullPath}\` is already declared${same ? "" : ` as \`${original.method} ${original.fullPath}\``} in service ${ep.service.symbol.name}${same ? "" : " (paths that differ only in parameter names match the same URLs)"}.`,
        related: [{ uri: original.uri, start: original.decl.start, end: original.decl.lineEnd, message: "First declared here." }],
      });
    }
  },
});
