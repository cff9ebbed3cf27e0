import { describe, expect, it } from "vitest";
import rule from "./dead-letter";
import { applyEdits, runRule, ruleTester } from "../../../../../test/support/rule-tester";

const services = `service Orders {
  publishes OrderPlaced to order_events
  event OrderPlaced { order_id uuid @key }
}
service Mailer {
  consumes OrderPlaced from order_events idempotent
}`;

ruleTester(rule, {
  valid: [
    `${services}\nqueue order_events: kafka { dead_letter order_events_dlq; max_deliveries 5 }\nqueue order_events_dlq: kafka`,
    { name: "dead_letter none is an explicit opt-out", code: `${services}\nqueue order_events: kafka { dead_letter none }` },
    {
      name: "a dead-letter queue that is consumed is exempt",
      code: `service Orders {
  publishes OrderPlaced to order_events
  event OrderPlaced { order_id uuid @key }
}
service Replayer {
  consumes OrderPlaced from order_events_dlq idempotent
}
queue order_events: kafka { dead_letter order_events_dlq; max_deliveries 5 }
queue order_events_dlq: kafka`,
    },
    { name: "irrelevant: a queue with no consumer", code: `service Orders {\n  publishes OrderPlaced to q\n  event OrderPlaced { order_id uuid @key }\n}\nqueue q: kafka` },
  ],
  invalid: [
    {
      name: "neither: adds both and declares the dead-letter queue after the line",
      code: `${services}
queue order_events: kafka // expect: arch/dead-letter
queue other: kafka`,
      output: `${services}
queue order_events: kafka { dead_letter order_events_dlq; max_deliveries 5 } // expect: arch/dead-letter
queue order_events_dlq: kafka
queue other: kafka`,
      messages: ["Queue order_events (consumed by Mailer) declares no `dead_letter` or `max_deliveries`"],
    },
    {
      name: "neither, at the end of the text",
      code: `${services}\n  queue order_events // expect: arch/dead-letter`,
      output: `${services}\n  queue order_events { dead_letter order_events_dlq; max_deliveries 5 } // expect: arch/dead-letter\n  queue order_events_dlq`,
    },
    {
      name: "only max_deliveries is missing",
      code: `${services}
queue order_events: kafka { // expect: arch/dead-letter
  dead_letter order_events_dlq
}
queue order_events_dlq: kafka`,
      output: `${services}
queue order_events: kafka { // expect: arch/dead-letter
  max_deliveries 5
  dead_letter order_events_dlq
}
queue order_events_dlq: kafka`,
      messages: ["declares no `max_deliveries`"],
    },
    {
      name: "only dead_letter is missing; the usual name is taken by a queue, which is reused",
      code: `${services}
queue order_events: kafka { max_deliveries 3 } // expect: arch/dead-letter
queue order_events_dlq: kafka`,
      output: `${services}
queue order_events: kafka { max_deliveries 3; dead_letter order_events_dlq } // expect: arch/dead-letter
queue order_events_dlq: kafka`,
    },
  ],
});

describe("arch/dead-letter fix", () => {
  it("is one edit when the queue ends its line", () => {
    const code = `${services}\nqueue order_events: sqs\nqueue other: sqs`;
    const { diagnostics } = runRule(rule, code);
    expect(diagnostics).toHaveLength(1);
    const edits = diagnostics[0]!.fixes![0]!.edits;
    expect(edits).toHaveLength(1);
    expect(applyEdits(code, edits)).toBe(`${services}\nqueue order_events: sqs { dead_letter order_events_dlq; max_deliveries 5 }\nqueue order_events_dlq: sqs\nqueue other: sqs`);
  });
});
