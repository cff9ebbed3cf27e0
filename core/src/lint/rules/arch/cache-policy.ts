// arch/cache-policy: every use of a cache says how long its entries live.

import { defineRule } from "../../rule";

const DEFAULT_TTL = "5m";

export default defineRule({
  id: "arch/cache-policy",
  category: "arch",
  severity: "warning",
  summary: "Every `uses` of a cache declares a `ttl` (or `ttl none`).",
  fixable: true,
  scope: "file",
  docs: {
    why: "An entry without an expiry lives until something evicts it: readers see stale data for as long as an invalidation is missed, and the cache grows until memory pressure evicts at random. A `ttl` bounds both. Data that truly never changes can say so with `ttl none`.",
    incorrect: `service Catalog {
  health "/healthz"
  ready "/readyz"
  uses product_cache
}

cache product_cache: redis`,
    correct: `service Catalog {
  health "/healthz"
  ready "/readyz"
  uses product_cache ttl 5m
}

cache product_cache: redis`,
    fix: "Appends `ttl 5m`. Review the value against how stale the data may be.",
    sources: ["MS-Arch patterns/cache-aside", "MS-Arch antipatterns/no-caching"],
  },
  check({ model, report }) {
    for (const use of model.uses) {
      if (use.ttl || use.decl.ttlKeyword || !use.target) continue;
      const rel = use.decl;
      report({
        uri: use.uri,
        start: rel.start,
        end: rel.end,
        message: `${use.from.symbol.name} uses ${use.target.symbol.name} without a \`ttl\`: entries then live until evicted, stale and unbounded. Add \`ttl ${DEFAULT_TTL}\`, or \`ttl none\` for data that never changes.`,
        fixes: [{ title: `Add \`ttl ${DEFAULT_TTL}\``, preferred: true, edits: [{ uri: use.uri, start: rel.end, end: rel.end, newText: ` ttl ${DEFAULT_TTL}` }] }],
      });
    }
  },
});
