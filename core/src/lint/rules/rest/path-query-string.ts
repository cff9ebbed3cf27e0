// rest/path-query-string: query items belong in `query` parameters, not in the path.

import type { Fix } from "../../../diagnostics/diagnostic";
import { defineRule } from "../../rule";
import { apiSpan, endpointSpan } from "../../spans";
import { addToEndpointBlock, intactEndpoints, intactApis } from "./_shared";

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export default defineRule({
  id: "rest/path-query-string",
  category: "rest",
  severity: "error",
  summary: "Paths contain no `?` query string or `#` fragment.",
  fixable: true,
  scope: "file",
  docs: {
    why: "A path template names a resource; a query string in it is neither part of the route nor a typed parameter, so routers, generated clients and OpenAPI disagree about what it means. Declare query items with `query NAME TYPE` in the endpoint's block. A fragment is never sent to the server at all.",
    incorrect: `service Search {
  type Hit { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /search?q=chairs -> 200 Hit[] paginated
  }
}`,
    correct: `service Search {
  type Hit { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /search -> 200 Hit[] paginated { query q text }
  }
}`,
    fix: "Moves `?a=1&b=2` into `query a text` / `query b text` lines of the endpoint's block when the names are plain identifiers not declared yet (preferred: nothing is lost but the sample values); otherwise, or as an alternative, drops the query string and fragment.",
    sources: ["Spectral path-not-include-query", "Redocly path-not-include-query"],
  },
  check({ model, report, text }) {
    for (const api of intactApis(model)) {
      const base = api.decl.base;
      if (!base) continue;
      const i = base.value.search(/[?#]/);
      if (i < 0) continue;
      const raw = text(api.uri).slice(base.start + 1, base.end - 1);
      const j = raw.search(/[?#]/);
      report({
        uri: api.uri,
        ...apiSpan(api),
        message: `The api base \`${base.value}\` contains a ${base.value[i] === "?" ? "query string" : "fragment"}.`,
        fixes: j < 0 ? [] : [{ title: "Remove the query string", preferred: true, edits: [{ uri: api.uri, start: base.start + 1 + j, end: base.end - 1, newText: "" }] }],
      });
    }
    for (const ep of intactEndpoints(model)) {
      const path = ep.decl.path;
      const i = path.text.search(/[?#]/);
      if (i < 0) continue;
      const hash = path.text.indexOf("#");
      const query = path.text[i] === "?" ? path.text.slice(i + 1, hash < 0 ? undefined : hash) : "";
      const names = query.split("&").filter(Boolean).map((kv) => kv.split("=")[0] ?? "");
      const declared = new Set(ep.parameters.filter((p) => p.location === "query").map((p) => p.name));
      const drop = { uri: ep.uri, start: path.start + i, end: path.end, newText: "" };
      const fixes: Fix[] = [];
      const movable = names.length > 0 && names.every((n) => IDENT.test(n) && !declared.has(n)) && new Set(names).size === names.length;
      if (movable) {
        fixes.push({
          title: `Move ${names.map((n) => `\`${n}\``).join(", ")} into \`query\` parameters`,
          preferred: true,
          edits: [drop, ...addToEndpointBlock(text(ep.uri), ep, names.map((n) => `query ${n} text`))],
        });
      }
      fixes.push({ title: `Remove \`${path.text.slice(i)}\``, preferred: !movable, edits: [drop] });
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: query
          ? `The path \`${path.text}\` contains a query string: declare ${names.length ? names.map((n) => `\`${n}\``).join(", ") : "its items"} with \`query NAME TYPE\` in the endpoint's block.`
          : `The path \`${path.text}\` contains a fragment, which clients never send to the server.`,
        fixes,
      });
    }
  },
});
