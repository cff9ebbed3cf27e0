// rest/path-param-mismatch: `{params}` of a path and the endpoint's `param` lines agree.

import type { Fix } from "../../../diagnostics/diagnostic";
import { defineRule } from "../../rule";
import { apiSpan, endpointSpan } from "../../spans";
import { pathParams } from "../../../util/names";
import { intactEndpoints, intactApis } from "./_shared";

export default defineRule({
  id: "rest/path-param-mismatch",
  category: "rest",
  severity: "error",
  summary: "Path parameters are named, used once per path, and every `param` line names one of them.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Routers, code generators and documentation read the path template and the parameter list separately. An empty `{}` is not a valid template, a name used twice makes one of the two values unreachable, and a `param` that names no `{param}` of the path documents a parameter that does not exist (usually a rename done on one side only).",
    incorrect: `service Drafts {
  type Draft { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /drafts/{id} -> 200 Draft, 404 { param draft_id uuid }
  }
}`,
    correct: `service Drafts {
  type Draft { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /drafts/{id} -> 200 Draft, 404 { param id uuid }
  }
}`,
    fix: "When exactly one `{param}` of the path has no `param` line, renames the stray `param` to it (or names an empty `{}` after the one stray `param`). Safe: the URL does not change.",
    sources: ["Spectral path-params", "Redocly path-parameters-defined", "Redocly path-declaration-must-exist"],
  },
  check({ model, report }) {
    for (const api of intactApis(model)) {
      const names = pathParams(api.base);
      const dup = names.find((n, i) => n && names.indexOf(n) !== i);
      if (names.includes("") || dup) {
        report({
          uri: api.uri,
          ...apiSpan(api),
          message: names.includes("") ? `The api base \`${api.base}\` has an empty \`{}\`: name the parameter.` : `The api base \`${api.base}\` uses \`{${dup}}\` twice.`,
        });
      }
    }
    for (const ep of intactEndpoints(model)) {
      const own = ep.pathParams;
      const all = pathParams(ep.fullPath);
      const declared = ep.parameters.filter((p) => p.location === "path" && p.decl);
      const declaredNames = new Set(declared.map((p) => p.name));
      const stray = declared.filter((p) => !all.includes(p.name));
      const undeclared = [...new Set(own.filter((n) => n && !declaredNames.has(n)))];

      const empties = own.filter((n) => n === "").length;
      if (empties) {
        const fixes: Fix[] = [];
        const only = stray[0];
        if (empties === 1 && stray.length === 1 && only) {
          const at = ep.decl.path.start + ep.decl.path.text.indexOf("{}") + 1;
          fixes.push({ title: `Name it \`{${only.name}}\``, preferred: true, edits: [{ uri: ep.uri, start: at, end: at, newText: only.name }] });
        }
        report({ uri: ep.uri, ...endpointSpan(ep), message: `The path \`${ep.path}\` has an empty \`{}\`: name the parameter, e.g. \`{id}\`.`, fixes });
      }
      const twice = [...new Set(own.filter((n, i) => n && all.indexOf(n) !== all.length - own.length + i))];
      if (twice.length) {
        report({ uri: ep.uri, ...endpointSpan(ep), message: `The path \`${ep.fullPath}\` uses ${twice.map((n) => `\`{${n}}\``).join(", ")} twice: give each parameter its own name.` });
      }
      const seen = new Set<string>();
      for (const p of declared) {
        const decl = p.decl!;
        if (seen.has(p.name)) {
          report({ uri: ep.uri, start: decl.start, end: decl.end, message: `\`param ${p.name}\` is declared twice for \`${ep.method} ${ep.path}\`.` });
          continue;
        }
        seen.add(p.name);
        if (all.includes(p.name)) continue;
        const fixes: Fix[] = [];
        const target = undeclared[0];
        if (undeclared.length === 1 && stray.length === 1 && target) {
          fixes.push({ title: `Rename to \`${target}\``, preferred: true, edits: [{ uri: ep.uri, start: decl.name.start, end: decl.name.end, newText: target }] });
        }
        const inPath = all.filter(Boolean);
        report({
          uri: ep.uri,
          start: decl.start,
          end: decl.end,
          message: `\`param ${p.name}\` names no parameter of \`${ep.path}\`${inPath.length ? ` (its parameters: ${inPath.map((n) => `\`{${n}}\``).join(", ")})` : ", which has none"}.`,
          fixes,
        });
      }
    }
  },
});
