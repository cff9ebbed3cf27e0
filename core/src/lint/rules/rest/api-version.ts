// rest/api-version: every endpoint is reachable under an explicit major version.

import type { Fix } from "../../../diagnostics/diagnostic";
import type { TextEdit } from "../../../diagnostics/diagnostic";
import type { EndpointInfo, Model } from "../../../semantic/model";
import { normalizePath } from "../../../util/names";
import { defineRule } from "../../rule";
import { apiSpan, endpointSpan } from "../../spans";
import { pathPart, segmentsOf, intactApis } from "./_shared";

type Strategy = "path" | "none";

/** `v1`, `v2`, `v1.1`, `v1beta`, `v2alpha1`. */
const VERSION = /^v\d+(?:\.\d+)*(?:(?:alpha|beta|rc)\d*)?$/i;

/** Edits that insert `/vN` into the `calls` lines naming `ep`: after the base when they use the full path, first when they use the api-relative path. */
function callEdits(model: Model, ep: EndpointInfo, version: string, where: "base" | "path"): TextEdit[] {
  const base = ep.api.base.replace(/\/$/, "");
  const edits: TextEdit[] = [];
  for (const call of model.calls) {
    if (call.endpoint !== ep || call.decl.kind !== "Calls" || !call.decl.path) continue;
    const p = call.decl.path;
    const written = normalizePath(pathPart(p.text));
    const full = base !== "" && written === normalizePath(pathPart(ep.fullPath));
    if (full) edits.push({ uri: call.uri, start: p.start + base.length, end: p.start + base.length, newText: `/${version}` });
    else if (where === "path") edits.push({ uri: call.uri, start: p.start, end: p.text === "/" ? p.start + 1 : p.start, newText: `/${version}` });
  }
  return edits;
}

function firstSegmentVersion(ep: EndpointInfo): string | undefined {
  const first = segmentsOf(ep.path)[0];
  return first && !first.param && VERSION.test(first.text) ? first.text : undefined;
}

export default defineRule<{ strategy: Strategy }>({
  id: "rest/api-version",
  category: "rest",
  severity: "warning",
  summary: "Every endpoint carries a major version in its path: a `v<N>` segment in the api base or as its first segment.",
  fixable: true,
  scope: "file",
  options: {
    strategy: {
      description: "`path`: a `v<N>` segment in the api base or first in the endpoint path. `none`: versioning is not checked (for media-type or header versioning, which the model cannot express).",
      schema: { type: "string", enum: ["path", "none"] },
      default: "path",
    },
  },
  docs: {
    why: "An API without a version has no way to change incompatibly: the first breaking change breaks every client at once. Putting the major version in the path from day one (`/api/v1`) lets a `v2` live beside it while clients migrate.",
    incorrect: `service Ledger {
  type Account { owner text }
  api "/api" {
    auth jwt
    ratelimit 100/min per client
    GET /accounts/{id} -> 200 Account, 404
  }
}`,
    correct: `service Ledger {
  type Account { owner text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /accounts/{id} -> 200 Account, 404
  }
}`,
    fix: "Appends `/v1` to the api base (once, on the `api` line), or, where some endpoints carry their own version, prefixes the others with the version most of them use. Changes URLs, including those that `calls` lines use; the fix is preferred because it is what the rule asks for, but callers need updating.",
    sources: ["IBM ibm-major-version-in-path", "msa-nose API Versioning"],
  },
  check({ model, report, options }) {
    const baseCalls = (eps: EndpointInfo[]) => eps.flatMap((ep) => callEdits(model, ep, "v1", "base"));
    if (options.strategy === "none") return;
    for (const api of intactApis(model)) {
      if (api.endpoints.length === 0) continue;
      if (segmentsOf(api.base).some((s) => !s.param && VERSION.test(s.text))) continue;
      const versioned = api.endpoints.map(firstSegmentVersion);
      const used = versioned.filter((v): v is string => !!v);
      if (used.length === 0) {
        const base = api.decl.base;
        let fix: Fix;
        if (base) {
          const at = base.end - 1;
          fix = { title: `Add \`/v1\` to the base`, preferred: true, edits: [{ uri: api.uri, start: at, end: at, newText: base.value.endsWith("/") ? "v1" : "/v1" }, ...baseCalls(api.endpoints)] };
        } else {
          const at = api.decl.keyword.end;
          fix = { title: "Add the base `\"/v1\"`", preferred: true, edits: [{ uri: api.uri, start: at, end: at, newText: ' "/v1"' }] };
        }
        report({ uri: api.uri, ...apiSpan(api), message: `No endpoint of the api \`${api.base || "(no base)"}\` carries a major version: add one to the base, like \`${base ? base.value.replace(/\/$/, "") : ""}/v1\`.`, fixes: [fix] });
        continue;
      }
      const counts = new Map<string, number>();
      for (const v of used) counts.set(v, (counts.get(v) ?? 0) + 1);
      const common = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      api.endpoints.forEach((ep, i) => {
        if (versioned[i]) return;
        const at = ep.decl.path.start;
        report({
          uri: ep.uri,
          ...endpointSpan(ep),
          message: `\`${ep.method} ${ep.path}\` carries no major version, unlike the other endpoints of this api: \`/${common}${ep.path === "/" ? "" : ep.path}\`.`,
          fixes: [{ title: `Prefix with \`/${common}\``, preferred: true, edits: [{ uri: ep.uri, start: at, end: ep.path === "/" ? at + 1 : at, newText: `/${common}` }, ...callEdits(model, ep, common, "path")] }],
        });
      });
    }
  },
});
