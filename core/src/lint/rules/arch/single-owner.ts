// arch/single-owner: every queue, cache, entity and event has exactly one owning service.

import type { RelatedInformation } from "../../../diagnostics/diagnostic";
import type { ComponentInfo, MessageInfo, UsesInfo } from "../../../semantic/model";
import { nameSpan } from "../../spans";
import { defineRule } from "../../rule";

export default defineRule({
  id: "arch/single-owner",
  category: "arch",
  severity: "error",
  summary: "Queues, caches, entities and events each belong to one service.",
  fixable: false,
  docs: {
    why: "Ownership is what lets a service change its data and contracts on its own: the owner of an event decides its schema, the owner of a queue its retention and partitioning, the owner of a cache its keys and expiry. A queue written by two services has two schemas and no one to ask; a service that publishes another's event freezes that event's contract from outside; two services sharing a cache read each other's keys and evict each other's entries; an entity or event declared outside any service belongs to no one. (Two services on one database are arch/shared-datastore's concern.)",
    incorrect: `service Orders {
  health "/healthz"
  ready "/readyz"
  publishes OrderPlaced to order_events
  event OrderPlaced { order_id uuid @key }
}

service Checkout {
  health "/healthz"
  ready "/readyz"
  publishes OrderPlaced to order_events
}

queue order_events: kafka`,
    correct: `service Orders {
  health "/healthz"
  ready "/readyz"
  publishes OrderPlaced to order_events
  event OrderPlaced { order_id uuid @key }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /orders body NewOrder -> 201 OrderCreated, 400 idempotent
  }
  type NewOrder { total decimal(12, 2) }
  type OrderCreated { id uuid }
}

service Checkout {
  health "/healthz"
  ready "/readyz"
  calls Orders POST /orders timeout 2s
}

queue order_events: kafka`,
    sources: ["Zalando #207", "MS-Arch microservices/design/data-considerations", "CML ContextMapSemanticsValidator"],
  },
  check({ model, report }) {
    // Publishing another's event, to a queue another service publishes to: one report on the line, for both.
    const firstPublisher = new Map<ComponentInfo, MessageInfo>();
    for (const m of model.messages) {
      if (m.decl.kind !== "Publishes") continue;
      const service = m.service.symbol.name;
      const related: RelatedInformation[] = [];
      const eventOwner = m.event?.service && m.event.service !== m.service ? m.event.service : undefined;
      if (eventOwner && m.event) related.push({ uri: m.event.uri, start: m.event.decl.name.start, end: m.event.decl.name.end, message: `${m.event.symbol.name} is declared by ${eventOwner.symbol.name}` });
      let otherPublisher: MessageInfo | undefined;
      if (m.queue) {
        const first = firstPublisher.get(m.queue);
        if (!first) firstPublisher.set(m.queue, m);
        else if (first.service !== m.service) {
          otherPublisher = first;
          related.push({ uri: first.uri, start: first.decl.start, end: first.decl.end, message: `${first.service.symbol.name} publishes to ${m.queue.symbol.name}` });
        }
      }
      if (!eventOwner && !otherPublisher) continue;
      const event = m.event?.symbol.name ?? "";
      const queue = m.queue?.symbol.name ?? "";
      let message: string;
      if (eventOwner && otherPublisher) {
        message = `${service} publishes ${event}, which ${eventOwner.symbol.name} declares, to ${queue}, which ${otherPublisher.service.symbol.name} already publishes to: an event and a queue each have one owner. Publish an event that ${service} declares to a queue it owns, or ask ${eventOwner.symbol.name} through its API.`;
      } else if (eventOwner) {
        message = `${service} publishes ${event}, which ${eventOwner.symbol.name} declares: only the owner of an event publishes it. Publish an event that ${service} declares, or ask ${eventOwner.symbol.name} through its API.`;
      } else {
        message = `${service} publishes to ${queue}, which ${otherPublisher!.service.symbol.name} already publishes to: a queue with two publishers has two schemas and no owner. Publish to a queue that ${service} owns.`;
      }
      report({ uri: m.uri, start: m.decl.start, end: m.decl.end, message, related });
    }
    const firstUser = new Map<ComponentInfo, UsesInfo>();
    for (const use of model.uses) {
      if (!use.target || !("apis" in use.from)) continue;
      const first = firstUser.get(use.target);
      if (!first) {
        firstUser.set(use.target, use);
        continue;
      }
      if (first.from === use.from) continue;
      report({
        uri: use.uri,
        start: use.decl.start,
        end: use.decl.end,
        message: `Cache ${use.target.symbol.name} is already used by ${first.from.symbol.name}: two services sharing a cache read each other's keys and evict each other's entries. Give ${use.from.symbol.name} its own cache, or read through the API of ${first.from.symbol.name}.`,
        related: [{ uri: first.uri, start: first.decl.start, end: first.decl.end, message: `${first.from.symbol.name} uses ${use.target.symbol.name}` }],
      });
    }
    for (const schema of model.schemas) {
      if (schema.service || schema.kind === "type") continue;
      report({
        uri: schema.uri,
        ...nameSpan(schema),
        message: `${schema.kind === "entity" ? "Entity" : "Event"} ${schema.symbol.name} is declared outside any service, so no service owns it: move it into the service that ${schema.kind === "entity" ? "stores it" : "publishes it"}.`,
      });
    }
  },
});
