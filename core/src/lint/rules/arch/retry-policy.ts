// arch/retry-policy: retry only what is safe to repeat, and not too often.

import type { Fix } from "../../../diagnostics/diagnostic";
import type { CallsRelation } from "../../../syntax/ast";
import { defineRule } from "../../rule";

interface Options {
  maxRetries: number;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export default defineRule<Options>({
  id: "arch/retry-policy",
  category: "arch",
  severity: "warning",
  summary: "Calls retry only idempotent operations, and at most 5 times.",
  fixable: true,
  scope: "file",
  options: {
    maxRetries: { description: "The most retries a call may declare.", schema: { type: "integer", minimum: 0 }, default: 5 },
  },
  docs: {
    why: "A retry repeats a request whose first attempt may have succeeded: the response was lost, not the work. Repeating a GET, PUT or DELETE is harmless; repeating a POST or PATCH charges the card twice. Retry only idempotent operations: GET, HEAD, PUT, DELETE and OPTIONS, or an endpoint marked `idempotent` (which deduplicates on an `Idempotency-Key`). And keep retries few: every retry multiplies the load on a service that is already failing, which turns a slowdown into an outage (a retry storm). A call that names no endpoint (`calls Billing retries 2`) is not judged for idempotency, since the operation is unknown.",
    incorrect: `service Orders {
  health "/healthz"
  ready "/readyz"
  calls Payments POST /payments timeout 2s retries 3
}

service Payments {
  health "/healthz"
  ready "/readyz"
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /payments body NewPayment -> 201 Payment, 400
  }
  type NewPayment { amount decimal(12, 2) }
  type Payment { id uuid }
}`,
    correct: `service Orders {
  health "/healthz"
  ready "/readyz"
  calls Payments POST /payments timeout 2s retries 3
}

service Payments {
  health "/healthz"
  ready "/readyz"
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /payments body NewPayment -> 201 Payment, 400 idempotent
  }
  type NewPayment { amount decimal(12, 2) }
  type Payment { id uuid }
}`,
    fix: "Too many retries: lowers them to the maximum (safe). A retried operation that is not idempotent: offers to remove the retries, not preferred, since making the endpoint `idempotent` may be the better fix.",
    sources: ["MS-Arch antipatterns/retry-storm", "MS-Arch patterns/retry", "dotnet-ms partial-failure-strategies", "Zalando #229"],
  },
  check({ model, options, report, text }) {
    const max = typeof options.maxRetries === "number" ? options.maxRetries : 5;
    for (const call of model.calls) {
      if (call.decl.kind === "Route") continue;
      const rel: CallsRelation = call.decl;
      const retries = call.retries ?? 0;
      if (!rel.retries || retries <= 0) continue;
      const from = call.from.symbol.name;
      const ep = call.endpoint;
      if (ep && !IDEMPOTENT_METHODS.has(ep.method) && !ep.flags.has("idempotent")) {
        report({
          uri: call.uri,
          start: rel.start,
          end: rel.end,
          message: `${from} retries \`${ep.method} ${ep.fullPath}\` of ${ep.service.symbol.name}, which is not idempotent: a retry after a lost response repeats the ${ep.method}. Remove the retries, or make the endpoint \`idempotent\`.`,
          related: [{ uri: ep.uri, start: ep.decl.start, end: ep.decl.lineEnd, message: `\`${ep.method} ${ep.fullPath}\` is neither a safe method nor marked \`idempotent\`` }],
          fixes: [removeRetries(text(call.uri), call.uri, rel, false)],
        });
      }
      if (retries > max) {
        report({
          uri: call.uri,
          start: rel.start,
          end: rel.end,
          message: `${from} retries its call to ${call.target?.symbol.name ?? rel.target.text} ${retries} times; more than ${max} multiplies the load on a failing service into an outage.`,
          fixes: [{ title: `Retry at most ${max} times`, preferred: true, edits: [{ uri: call.uri, start: rel.retries.start, end: rel.retries.end, newText: String(max) }] }],
        });
      }
    }
  },
});

/** Removes `retries N` with the space before it. */
function removeRetries(text: string, uri: string, rel: CallsRelation, preferred: boolean): Fix {
  const value = rel.retries!;
  let start = value.start;
  // Back over the value's spaces and the `retries` keyword, then the spaces before it.
  while (start > rel.start && /\s/.test(text[start - 1]!)) start--;
  if (text.slice(start - "retries".length, start) !== "retries") return { title: "Remove the retries", preferred, edits: [{ uri, start: value.start, end: value.end, newText: "0" }] };
  start -= "retries".length;
  while (start > rel.start && /[ \t]/.test(text[start - 1]!)) start--;
  return { title: "Remove the retries", preferred, edits: [{ uri, start, end: value.end, newText: "" }] };
}
