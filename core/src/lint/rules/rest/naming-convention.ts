// rest/naming-convention: one JSON naming style for fields and query
// parameters (snake_case by default), Hyphenated-Pascal-Case for headers.

import type { TextEdit } from "../../../diagnostics/diagnostic";
import type { ArchSymbol } from "../../../semantic/model";
import { camelCase, snakeCase } from "../../../util/names";
import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import { intactEndpoints } from "./_shared";
import { referencesTo } from "../_references";

type Casing = "snake" | "camel";

const PATTERN: Record<Casing, RegExp> = {
  snake: /^_?[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
  camel: /^_?[a-z][a-zA-Z0-9]*$/,
};
const HEADER = /^[A-Z0-9][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)*$/;

function convert(name: string, casing: Casing): string {
  const lead = name.startsWith("_") ? "_" : "";
  return lead + (casing === "snake" ? snakeCase(name.replace(/^_/, "")).replace(/_+/g, "_").replace(/^_|_$/g, "") : camelCase(name));
}

function headerCase(name: string): string {
  return name
    .split("-")
    .filter(Boolean)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join("-");
}

export default defineRule<{ casing: Casing }>({
  id: "rest/naming-convention",
  category: "rest",
  severity: "info",
  summary: "Field and query parameter names follow one casing (snake_case by default); header names are Hyphenated-Pascal-Case.",
  fixable: true,
  scope: "file",
  options: {
    casing: { description: "The casing of JSON field names (types, entities, events) and query parameters.", schema: { type: "string", enum: ["snake", "camel"] }, default: "snake" },
  },
  docs: {
    why: "Field names become JSON property names (and entity fields become column names); query parameters become URL parameters. A mix of `created_at` and `createdAt` in one API makes every client guess, and generated clients end up with both styles. Choose one casing per API: snake_case (Zalando) by default, camelCase (Microsoft, Google) as an option. Digits are fine (`address_line1`). HTTP header names are written Hyphenated-Pascal-Case (`Idempotency-Key`).",
    incorrect: `service Users {
  type Profile {
    display_name text
    avatarUrl    text
  }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /profiles/{id} -> 200 Profile, 404
  }
}`,
    correct: `service Users {
  type Profile {
    display_name text
    avatar_url   text
  }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /profiles/{id} -> 200 Profile, 404
  }
}`,
    fix: "Renames the field (and the `@ref`, `@@index` and other references to it) or the parameter. Not preferred: renaming changes the API contract, and for entities the column.",
    sources: ["Zalando #118", "Zalando #130", "Zalando #132", "Zally SnakeCaseInPropNameRule", "Azure az-property-names-convention", "IBM ibm-property-casing-convention"],
  },
  check({ model, report, options }) {
    const casing: Casing = options.casing === "camel" ? "camel" : "snake";
    const label = casing === "snake" ? "snake_case" : "camelCase";
    const renameEdits = (symbol: ArchSymbol, uri: string, span: { start: number; end: number }, newText: string): TextEdit[] => [
      { uri, start: span.start, end: span.end, newText },
      ...referencesTo(model, symbol).map((r) => ({ uri: r.uri, start: r.start, end: r.end, newText })),
    ];
    for (const schema of model.schemas) {
      for (const f of schema.fields) {
        const name = f.decl.name;
        if (name.missing || PATTERN[casing].test(name.text)) continue;
        const fixed = convert(name.text, casing);
        const ok = PATTERN[casing].test(fixed) && !schema.fields.some((o) => o !== f && o.decl.name.text === fixed);
        report({
          uri: schema.uri,
          ...fieldSpan(f),
          message: `\`${schema.symbol.name}.${name.text}\` is not ${label}${ok ? `: \`${fixed}\`` : ""}.`,
          fixes: ok ? [{ title: `Rename to \`${fixed}\``, edits: renameEdits(f.symbol, schema.uri, name, fixed) }] : [],
        });
      }
    }
    for (const ep of intactEndpoints(model)) {
      for (const p of ep.parameters) {
        if (!p.decl) continue;
        const name = p.decl.name;
        if (p.location === "query") {
          if (PATTERN[casing].test(name.text)) continue;
          const fixed = convert(name.text, casing);
          const ok = PATTERN[casing].test(fixed);
          report({
            uri: ep.uri,
            start: p.decl.start,
            end: p.decl.end,
            message: `The query parameter \`${name.text}\` of \`${ep.method} ${ep.path}\` is not ${label}${ok ? `: \`${fixed}\`` : ""}.`,
            fixes: ok ? [{ title: `Rename to \`${fixed}\``, edits: [{ uri: ep.uri, start: name.start, end: name.end, newText: fixed }] }] : [],
          });
        } else if (p.location === "header") {
          if (HEADER.test(name.text)) continue;
          const fixed = headerCase(name.text);
          const ok = HEADER.test(fixed);
          report({
            uri: ep.uri,
            start: p.decl.start,
            end: p.decl.end,
            message: `The header \`${name.text}\` is not Hyphenated-Pascal-Case${ok ? `: \`${fixed}\`` : ""}.`,
            fixes: ok ? [{ title: `Rename to \`${fixed}\``, edits: [{ uri: ep.uri, start: name.start, end: name.end, newText: fixed }] }] : [],
          });
        }
      }
    }
  },
});
