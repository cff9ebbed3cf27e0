// rest/request-body-not-allowed: GET, HEAD and DELETE take no request body.

import type { Fix } from "../../../diagnostics/diagnostic";
import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { addToEndpointBlock, intactEndpoints } from "./_shared";

export default defineRule({
  id: "rest/request-body-not-allowed",
  category: "rest",
  severity: "error",
  summary: "GET and HEAD (error) and DELETE (warning) declare no request body.",
  fixable: true,
  scope: "file",
  docs: {
    why: "RFC 9110 gives a body on GET, HEAD or DELETE no defined semantics: proxies, caches and HTTP clients may drop it or reject the request, and a GET with a body cannot be cached or linked. Send GET filters as `query` parameters; if a search needs a large structured body, make it a POST (`POST /listings/search`). On DELETE it is a warning: some servers accept it, but many clients cannot send it.",
    incorrect: `service Listings {
  type Listing { title text }
  type ListingQuery { text text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /matches body ListingQuery -> 200 Listing[], 400 paginated
  }
}`,
    correct: `service Listings {
  type Listing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /matches -> 200 Listing[], 400 paginated { query text text }
  }
}`,
    fix: "For GET and HEAD whose body type has only scalar or enum fields, offers (not preferred) to turn the fields into `query` parameters and drop the body. The body type itself is left in place.",
    sources: ["RFC 9110 §9.3.1", "Azure az-request-body-not-allowed", "Google AIP-131", "IBM ibm-no-operation-requestbody", "Zalando #148"],
  },
  check({ model, report, text }) {
    for (const ep of intactEndpoints(model)) {
      const body = ep.decl.body;
      if (!body) continue;
      const method = ep.method;
      if (method !== "GET" && method !== "HEAD" && method !== "DELETE") continue;
      const fixes: Fix[] = [];
      const schema = ep.body?.schema;
      const declared = new Set(ep.parameters.filter((p) => p.location === "query").map((p) => p.name));
      if (method !== "DELETE" && schema && !ep.body?.array && schema.fields.length && schema.fields.every((f) => !f.type.schema && (f.type.builtin || f.type.enum) && !declared.has(f.decl.name.text))) {
        const src = text(ep.uri);
        fixes.push({
          title: `Send the fields of ${schema.symbol.name} as \`query\` parameters`,
          edits: [
            { uri: ep.uri, start: ep.decl.path.end, end: body.end, newText: "" },
            ...addToEndpointBlock(src, ep, schema.fields.map((f) => `query ${f.decl.name.text} ${src.slice(f.decl.type.start, f.decl.type.end)}`)),
          ],
        });
      }
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        severity: method === "DELETE" ? "warning" : "error",
        message:
          method === "DELETE"
            ? `\`DELETE ${ep.path}\` takes a request body, which many clients and proxies drop: identify what to delete in the path or query.`
            : `\`${method} ${ep.path}\` takes a request body, which has no meaning on ${method}: use \`query\` parameters, or a POST for a complex search.`,
        fixes,
      });
    }
  },
});
