// arch/event-contract: events carry a payload with a key, and consumers read what someone publishes.

import type { Fix } from "../../../diagnostics/diagnostic";
import type { ComponentInfo, FieldInfo, SchemaInfo } from "../../../semantic/model";
import type { ConsumesRelation } from "../../../syntax/ast";
import { nameSpan } from "../../spans";
import { defineRule } from "../../rule";

function keyCandidate(fields: FieldInfo[]): FieldInfo | undefined {
  return fields.find((f) => f.decl.name.text.endsWith("_id") && !f.type.array) ?? fields.find((f) => f.decl.name.text === "id");
}

export default defineRule({
  id: "arch/event-contract",
  category: "arch",
  severity: "warning",
  summary: "Events have fields and a `@key`; consumers read events that are published to their queue.",
  fixable: true,
  docs: {
    why: "An event is a public contract: its consumers are written against its fields, not the publisher's code. An event without fields tells a consumer nothing it can rely on, and one without a `@key` field leaves its partitioning, and so the order in which a consumer sees the changes of one entity, to chance. A `consumes` of an event that nobody publishes to that queue is a consumer that will wait forever: a typo in the queue, or a publisher that moved. (The envelope, with the event's id, type, time and correlation id, is implied and generated.)",
    incorrect: `service Orders {
  health "/healthz"
  ready "/readyz"
  publishes OrderPlaced to order_events
  event OrderPlaced {
    order_id uuid
    total    decimal(12, 2)
  }
}

queue order_events: kafka`,
    correct: `service Orders {
  health "/healthz"
  ready "/readyz"
  publishes OrderPlaced to order_events
  event OrderPlaced {
    order_id uuid @key
    total    decimal(12, 2)
  }
}

queue order_events: kafka`,
    fix: "Marks the first `…_id` field (else `id`) as the `@key`; not preferred, since the key should be the entity whose changes must stay in order.",
    sources: ["Zalando #194, #195, #242, #204", "Spectral-async asyncapi-payload", "MS-Arch microservices/design/data-considerations"],
  },
  check({ model, report }) {
    for (const schema of model.schemas) {
      if (schema.kind !== "event") continue;
      checkEvent(schema, report);
    }
    const published = new Set<string>();
    const key = (event: SchemaInfo, queue: ComponentInfo) => `${event.symbol.qualifiedName}\u0000${queue.symbol.name}`;
    /** The queues each event is published to (one pass, not one scan per unmatched consumer). */
    const queuesOf = new Map<SchemaInfo, string[]>();
    for (const m of model.messages) {
      if (m.decl.kind !== "Publishes" || !m.event || !m.queue) continue;
      published.add(key(m.event, m.queue));
      const list = queuesOf.get(m.event);
      if (list) list.push(m.queue.symbol.name);
      else queuesOf.set(m.event, [m.queue.symbol.name]);
    }
    for (const m of model.messages) {
      if (m.decl.kind !== "Consumes" || !m.event || !m.queue) continue;
      if (published.has(key(m.event, m.queue))) continue;
      const rel: ConsumesRelation = m.decl;
      const elsewhere = queuesOf.get(m.event) ?? [];
      const hint = elsewhere.length ? ` It is published to ${[...new Set(elsewhere)].join(", ")}.` : ` No service publishes it at all.`;
      report({
        uri: m.uri,
        start: rel.start,
        end: rel.end,
        message: `${m.service.symbol.name} consumes ${m.event.symbol.name} from ${m.queue.symbol.name}, but no service publishes ${m.event.symbol.name} to ${m.queue.symbol.name}.${hint}`,
      });
    }
  },
});

function checkEvent(schema: SchemaInfo, report: (d: { uri: string; start: number; end: number; message: string; fixes?: Fix[] }) => void): void {
  const name = schema.symbol.name;
  if (schema.fields.length === 0) {
    report({ uri: schema.uri, ...nameSpan(schema), message: `Event ${name} has no fields: its consumers get nothing they can rely on. List the payload, with the \`@key\` field that orders it.` });
    return;
  }
  if (schema.fields.some((f) => f.decl.attributes.some((a) => !a.table && a.name.text === "key"))) return;
  const candidate = keyCandidate(schema.fields);
  report({
    uri: schema.uri,
    ...nameSpan(schema),
    message: `Event ${name} has no \`@key\` field: without a partition key, the changes of one ${candidate ? `\`${candidate.decl.name.text}\`` : "entity"} can reach consumers out of order.`,
    ...(candidate ? { fixes: [{ title: `Mark \`${candidate.decl.name.text}\` as the \`@key\``, edits: [{ uri: schema.uri, start: candidate.decl.type.end, end: candidate.decl.type.end, newText: " @key" }] }] } : {}),
  });
}
