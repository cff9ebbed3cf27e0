// arch/dead-letter: a consumed queue says where poison messages go, and after how many tries.

import type { TextEdit } from "../../../diagnostics/diagnostic";
import type { ComponentInfo, MessageInfo, Model } from "../../../semantic/model";
import { defineRule } from "../../rule";
import { insertIntoBlock, insertLinesAfter } from "./_edits";

const MAX_DELIVERIES = 5;

function propertyOf(queue: ComponentInfo, key: string) {
  return queue.properties.find((p) => p.key.text === key);
}

export default defineRule({
  id: "arch/dead-letter",
  category: "arch",
  severity: "warning",
  summary: "A queue with consumers declares `dead_letter` and `max_deliveries`.",
  fixable: true,
  docs: {
    why: "A message that always makes its consumer fail (a poison message) is redelivered forever: it blocks its partition or loops, burning the consumer's capacity, while every message behind it waits. `max_deliveries` bounds the attempts, and `dead_letter` names the queue that keeps the message for inspection and replay instead of dropping it. A queue that serves as another queue's dead letter is exempt (it belongs to that queue's owner); `dead_letter none` states that failed messages may be dropped.",
    incorrect: `service Billing {
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

queue order_events: kafka`,
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
    fix: "Adds `max_deliveries 5` and `dead_letter <queue>_dlq`, declaring the `<queue>_dlq` queue (same engine) on the next line when it does not exist. Safe: failed messages are kept, not dropped.",
    sources: ["MS-Arch patterns/competing-consumers (poison messages)", "MS-Arch patterns/idempotent-consumer"],
  },
  check({ model, report, text }) {
    const deadLetters = new Set<string>();
    for (const c of model.components) {
      if (c.kind !== "queue") continue;
      const dl = propertyOf(c, "dead_letter")?.values[0];
      if (dl && dl.valueKind === "word") deadLetters.add(dl.text);
    }
    const consumers = new Map<ComponentInfo, MessageInfo[]>();
    for (const m of model.messages) {
      if (m.decl.kind !== "Consumes" || !m.queue) continue;
      const list = consumers.get(m.queue);
      if (list) list.push(m);
      else consumers.set(m.queue, [m]);
    }
    for (const [queue, list] of consumers) {
      if (deadLetters.has(queue.symbol.name)) continue;
      const deadLetter = propertyOf(queue, "dead_letter");
      const maxDeliveries = propertyOf(queue, "max_deliveries");
      if (deadLetter?.values[0]?.text === "none") continue; // explicitly dropped
      if (deadLetter && maxDeliveries) continue;
      const missing = [!deadLetter ? "`dead_letter`" : undefined, !maxDeliveries ? "`max_deliveries`" : undefined].filter((s): s is string => !!s).join(" or ");
      const who = [...new Set(list.map((m) => m.service.symbol.name))].join(", ");
      const decl = queue.decl;
      report({
        uri: queue.uri,
        start: decl.keyword.start,
        end: (decl.engine && !decl.engine.missing ? decl.engine : decl.name).end,
        message: `Queue ${queue.symbol.name} (consumed by ${who}) declares no ${missing}: a message its consumers always fail on is redelivered forever, blocking the ones behind it.`,
        related: list.map((m) => ({ uri: m.uri, start: m.decl.start, end: m.decl.end, message: `${m.service.symbol.name} consumes ${queue.symbol.name}` })),
        fixes: [fixFor(model, queue, !deadLetter, !maxDeliveries, text(queue.uri))],
      });
    }
  },
});

function fixFor(model: Model, queue: ComponentInfo, addDeadLetter: boolean, addMax: boolean, source: string) {
  const uri = queue.uri;
  const decl = queue.decl;
  const statements: string[] = [];
  let declareQueue: string | undefined;
  if (addDeadLetter) {
    let name = `${queue.symbol.name}_dlq`;
    for (let n = 2; model.byName.get(name)?.some((s) => s.kind !== "queue"); n++) name = `${queue.symbol.name}_dlq${n}`;
    statements.push(`dead_letter ${name}`);
    if (!model.byName.get(name)?.length) declareQueue = `queue ${name}${queue.engine ? `: ${queue.engine}` : ""}`;
  }
  if (addMax) statements.push(`max_deliveries ${MAX_DELIVERIES}`);
  const edits: TextEdit[] = [];
  const add: TextEdit = decl.block ? insertIntoBlock(source, uri, decl.block, statements) : { uri, start: decl.end, end: decl.end, newText: ` { ${statements.join("; ")} }` };
  if (declareQueue) {
    const after = insertLinesAfter(source, uri, decl.end, [declareQueue]);
    if (after.start === add.start) edits.push({ ...add, newText: add.newText + after.newText });
    else edits.push(add, after);
  } else {
    edits.push(add);
  }
  const title = addDeadLetter ? `Add \`${statements.join("; ")}\`${declareQueue ? ` and declare the dead-letter queue` : ""}` : `Add \`max_deliveries ${MAX_DELIVERIES}\``;
  return { title, preferred: true, edits };
}
