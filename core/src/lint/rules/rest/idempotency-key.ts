// rest/idempotency-key: a POST that creates can be retried safely.

import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { addFlagEdit, intactEndpoints } from "./_shared";

export default defineRule({
  id: "rest/idempotency-key",
  category: "rest",
  severity: "warning",
  summary: "A POST that creates something (201, or 202 with `async`) is `idempotent`: it takes an `Idempotency-Key`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Clients retry when a request times out, and a POST that creates is not idempotent: the retry creates a second order, payment or account when the first attempt had in fact succeeded. `idempotent` makes the endpoint take an `Idempotency-Key` header, so that the server answers a retry with the first result instead of acting twice. A create is a POST answering 201, or 202 when `async` (a job is created).",
    incorrect: `service Ledger {
  type Payment { amount decimal(12, 2) }
  type NewPayment { amount decimal(12, 2) }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /payments body NewPayment -> 201 Payment, 400
  }
}`,
    correct: `service Ledger {
  type Payment { amount decimal(12, 2) }
  type NewPayment { amount decimal(12, 2) }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /payments body NewPayment -> 201 Payment, 400 idempotent
  }
}`,
    fix: "Adds the `idempotent` flag. Preferred: it adds an `Idempotency-Key` header to the contract, which the server must then honour.",
    sources: ["Zalando #229", "Zalando #230", "IETF draft-ietf-httpapi-idempotency-key-header", "Microsoft API guidelines: repeatability headers"],
  },
  check({ model, report }) {
    for (const ep of intactEndpoints(model)) {
      if (ep.method !== "POST" || ep.flags.has("idempotent")) continue;
      const created = ep.responses.some((r) => r.status === 201);
      const job = ep.flags.has("async") && ep.responses.some((r) => r.status === 202);
      if (!created && !job) continue;
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: `\`POST ${ep.path}\` ${created ? "creates a resource (201)" : "creates a job (202, async)"}, so a retried request creates it twice: mark it \`idempotent\` (an \`Idempotency-Key\` header).`,
        fixes: [{ title: "Add `idempotent`", preferred: true, edits: [addFlagEdit(ep, "idempotent")] }],
      });
    }
  },
});
