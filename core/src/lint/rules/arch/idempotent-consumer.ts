// arch/idempotent-consumer: a consumer must survive the redeliveries every broker makes.

import type { ConsumesRelation } from "../../../syntax/ast";
import { defineRule } from "../../rule";

export default defineRule({
  id: "arch/idempotent-consumer",
  category: "arch",
  severity: "warning",
  summary: "Every `consumes` is `idempotent`: it handles a redelivered message once.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Brokers deliver at least once: after a consumer crash, a rebalance or a lost acknowledgement the same message comes again, and a consumer that is not idempotent then charges twice, sends two emails or inserts two rows. `consumes Event from queue idempotent` states that the consumer deduplicates, by the event's id stored with its own writes, or naturally, by upserting on a business key.",
    incorrect: `service Billing {
  health "/healthz"
  ready "/readyz"
  publishes OrderPlaced to order_events
  event OrderPlaced { order_id uuid @key }
}

service Mailer {
  health "/healthz"
  ready "/readyz"
  consumes OrderPlaced from order_events
}

queue order_events: kafka { dead_letter order_events_dlq; max_deliveries 5 }
queue order_events_dlq: kafka`,
    correct: `service Billing {
  health "/healthz"
  ready "/readyz"
  publishes OrderPlaced to order_events
  event OrderPlaced { order_id uuid @key }
}

service Mailer {
  health "/healthz"
  ready "/readyz"
  consumes OrderPlaced from order_events idempotent
}

queue order_events: kafka { dead_letter order_events_dlq; max_deliveries 5 }
queue order_events_dlq: kafka`,
    fix: "Appends `idempotent`. It records a promise: the consumer must then deduplicate (by event id, or by upserting on a business key).",
    sources: ["Zalando #214, #211, #212", "MS-Arch patterns/idempotent-consumer", "MS-Arch patterns/competing-consumers"],
  },
  check({ model, report }) {
    for (const message of model.messages) {
      const rel = message.decl;
      if (rel.kind !== "Consumes" || message.idempotent) continue;
      const consumes: ConsumesRelation = rel;
      report({
        uri: message.uri,
        start: consumes.start,
        end: consumes.end,
        message: `${message.service.symbol.name} consumes ${consumes.event.text} from ${consumes.queue.text} without saying it is \`idempotent\`: brokers redeliver, and a redelivered message must not be processed twice.`,
        fixes: [{ title: "Mark the consumer `idempotent`", preferred: true, edits: [{ uri: message.uri, start: consumes.end, end: consumes.end, newText: " idempotent" }] }],
      });
    }
  },
});
