// rest/error-format: one error shape per api (the api's `errors` type, or
// RFC 9457 problem details by default), and no stack traces in it.

import type { FieldInfo, SchemaInfo } from "../../../semantic/model";
import { snakeCase } from "../../../util/names";
import { defineRule } from "../../rule";
import { endpointSpan, fieldSpan } from "../../spans";
import { intactEndpoints, intactApis } from "./_shared";

const STACK_FIELDS = new Set(["stack", "stacktrace", "stack_trace", "backtrace", "traceback", "exception", "exception_trace", "exception_stack"]);
/** The members every RFC 9457 problem details object is expected to have. */
const PROBLEM_MEMBERS = ["type", "title"];

export default defineRule({
  id: "rest/error-format",
  category: "rest",
  severity: "warning",
  summary: "Error responses use the api's error shape (`errors`, RFC 9457 problem details by default) or extend it, and error shapes expose no stack traces.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Clients handle errors generically: one parser for every 4xx and 5xx. An error status without a type uses the api's `errors` type (RFC 9457 `application/problem+json` when there is none). A response such as `404 Listing` or `400 text` breaks that, unless its type extends the error shape (has all of the `errors` type's fields, or the problem members `type` and `title`), as RFC 9457 allows. Fields like `stack_trace` or `exception` in an error shape leak internals to every client.",
    incorrect: `service Listings {
  type Listing { title text }
  type NewListing { title text }
  type ValidationError { message text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /listings body NewListing -> 201 Listing, 400 ValidationError idempotent
  }
}`,
    correct: `service Listings {
  type Listing { title text }
  type NewListing { title text }
  type ValidationProblem {
    type   text
    title  text
    errors text[]
  }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /listings body NewListing -> 201 Listing, 400 ValidationProblem idempotent
  }
}`,
    fix: "Offers (not preferred) to remove the type from the error response, so that it uses the api's error shape: the details the type carried are lost.",
    sources: ["RFC 9457", "Zalando #176", "Zalando #177", "Zally UseProblemJsonRule", "Redocly operation-4xx-problem-details-rfc7807"],
  },
  check({ model, report }) {
    const errorShapes = new Set<SchemaInfo>();
    for (const api of intactApis(model)) if (api.errors?.schema) errorShapes.add(api.errors.schema);
    for (const ep of intactEndpoints(model)) {
      if (ep.api.errors && !ep.api.errors.schema) continue; // `errors` names nothing: a name error already
      const errors = ep.api.errors?.schema;
      ep.decl.responses.forEach((r, i) => {
        const info = ep.responses[i];
        if (!info || info.status < 400 || !r.type || !info.type) return;
        const t = info.type;
        if (!t.builtin && !t.schema && !t.enum) return; // unresolved: a name error already
        if (t.schema && !t.array) {
          errorShapes.add(t.schema);
          const names = new Set(t.schema.fields.map((f) => f.decl.name.text));
          if (errors ? t.schema === errors || errors.fields.every((f) => names.has(f.decl.name.text)) : PROBLEM_MEMBERS.every((m) => names.has(m))) return;
        }
        const shape = errors ? `the api's error type \`${errors.symbol.name}\`` : "problem details (RFC 9457: `type`, `title`, …)";
        report({
          uri: ep.uri,
          ...endpointSpan(ep),
          message: `\`${info.status} ${t.display}\` on \`${ep.method} ${ep.path}\` is not ${shape}${t.schema && !t.array ? " and does not extend it" : ""}: drop the type, or give it the error shape's fields.`,
          fixes: [{ title: `Use ${errors ? `\`${errors.symbol.name}\`` : "the default problem details"}`, edits: [{ uri: ep.uri, start: r.status.end, end: r.type.end, newText: "" }] }],
        });
      });
    }
    const seen = new Set<FieldInfo>();
    for (const schema of errorShapes) {
      for (const f of schema.fields) {
        if (seen.has(f) || !STACK_FIELDS.has(snakeCase(f.decl.name.text))) continue;
        seen.add(f);
        report({ uri: schema.uri, ...fieldSpan(f), message: `The error shape ${schema.symbol.name} exposes \`${f.decl.name.text}\`: stack traces and exception details belong in logs, not in responses.` });
      }
    }
  },
});
