// rest/path-segment-casing: static path segments follow one casing (kebab-case by default).

import type { Fix } from "../../../diagnostics/diagnostic";
import { camelCase, splitWords } from "../../../util/names";
import { defineRule } from "../../rule";
import { apiSpan, endpointSpan } from "../../spans";
import { changePath, endpointAt, pathChangeEdits, segmentsOf, type SegmentChange, intactEndpoints, intactApis } from "./_shared";

type Casing = "kebab" | "snake" | "camel";

const PATTERN: Record<Casing, RegExp> = {
  kebab: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  snake: /^[a-z0-9]+(?:_[a-z0-9]+)*$/,
  camel: /^[a-z0-9][a-zA-Z0-9]*$/,
};

const EXAMPLE: Record<Casing, string> = { kebab: "order-items", snake: "order_items", camel: "orderItems" };

function convert(word: string, casing: Casing): string {
  if (casing === "camel") return camelCase(word);
  return splitWords(word).join(casing === "kebab" ? "-" : "_");
}

/**
 * Checks one segment: its literal pieces (between `{params}`, and around `.`
 * and `:` so that `openapi.json` and a `:action` suffix pass) must follow the
 * casing. Pieces with other punctuation are left alone. Returns the corrected
 * segment, or undefined when the segment is fine.
 */
function fixSegment(segment: string, casing: Casing): { fixed: string; convertible: boolean } | undefined {
  let bad = false;
  let convertible = true;
  const fixed = segment.replace(/\{[^{}]*\}|[.:]|[^{}.:]+/g, (piece) => {
    if (piece.startsWith("{") || piece === "." || piece === ":") return piece;
    if (!/^[A-Za-z0-9_-]+$/.test(piece) || PATTERN[casing].test(piece)) return piece;
    bad = true;
    const c = convert(piece, casing);
    if (!PATTERN[casing].test(c)) convertible = false;
    return c;
  });
  return bad ? { fixed, convertible } : undefined;
}

export default defineRule<{ casing: Casing }>({
  id: "rest/path-segment-casing",
  category: "rest",
  severity: "warning",
  summary: "Static path segments use one casing: kebab-case by default.",
  fixable: true,
  scope: "file",
  options: {
    casing: { description: "The casing of static path segments.", schema: { type: "string", enum: ["kebab", "snake", "camel"] }, default: "kebab" },
  },
  docs: {
    why: "URLs are case-sensitive: `/listingImages`, `/listing-images` and `/listing_images` are three different resources to a router, and a mix of conventions makes every URL a guess. Pick one casing for the whole API (kebab-case is the most common for paths). `{params}` are not segments for this rule, digits are fine, and a file extension (`/openapi.json`) or a `:action` suffix is judged piece by piece.",
    incorrect: `service Listings {
  type Image { url text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /listingImages -> 200 Image[] paginated
  }
}`,
    correct: `service Listings {
  type Image { url text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /listing-images -> 200 Image[] paginated
  }
}`,
    fix: "Rewrites the segment in the configured casing, in the endpoint and in every `calls` line naming it. Preferred unless the new path collides with another endpoint.",
    sources: ["Zalando #129", "Zally KebabCaseInPathSegmentsRule", "Redocly paths-kebab-case", "IBM ibm-path-segment-casing-convention"],
  },
  check({ model, report, options }) {
    const casing: Casing = options.casing in PATTERN ? options.casing : "kebab";
    const example = EXAMPLE[casing];
    for (const api of intactApis(model)) {
      const base = api.decl.base;
      if (!base || base.value.includes("\\")) continue;
      const changes = segmentsOf(base.value)
        .filter((s) => !s.param)
        .map((s) => ({ s, r: fixSegment(s.text, casing) }))
        .filter((x) => x.r);
      if (!changes.length) continue;
      const fixes: Fix[] = changes.every((c) => c.r!.convertible)
        ? [{ title: `Rename to \`${changes.map((c) => c.r!.fixed).join("`, `")}\``, preferred: true, edits: changes.map((c) => ({ uri: api.uri, start: base.start + 1 + c.s.start, end: base.start + 1 + c.s.end, newText: c.r!.fixed })) }]
        : [];
      report({ uri: api.uri, ...apiSpan(api), message: `${changes.map((c) => `\`${c.s.text}\``).join(", ")} in the api base ${changes.length > 1 ? "are" : "is"} not ${casing}-case (like \`${example}\`).`, fixes });
    }
    for (const ep of intactEndpoints(model)) {
      const found = segmentsOf(ep.path)
        .map((s, index) => ({ s, index, r: s.param ? undefined : fixSegment(s.text, casing) }))
        .filter((x) => x.r);
      if (!found.length) continue;
      const fixes: Fix[] = [];
      if (found.every((f) => f.r!.convertible)) {
        const changes: SegmentChange[] = found.map((f) => ({ index: f.index, newText: f.r!.fixed }));
        const clash = endpointAt(model, ep, ep.method, changePath(ep.path, changes));
        fixes.push({ title: `Rename to \`${found.map((f) => f.r!.fixed).join("`, `")}\``, preferred: !clash, edits: pathChangeEdits(model, ep, changes) });
      }
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: `${found.map((f) => `\`${f.s.text}\``).join(", ")} ${found.length > 1 ? "are" : "is"} not ${casing}-case: write \`${found.map((f) => f.r!.fixed).join("`, `")}\` (like \`${example}\`).`,
        fixes,
      });
    }
  },
});
