import rule from "./idempotent-consumer";
import { ruleTester } from "../../../../../test/support/rule-tester";

const publisher = `queue order_events: kafka
service Orders {
  publishes OrderPlaced to order_events
  event OrderPlaced { order_id uuid @key }
}`;

ruleTester(rule, {
  valid: [
    `${publisher}\nservice Mailer {\n  consumes OrderPlaced from order_events idempotent\n}`,
    { name: "irrelevant: publishing", code: publisher },
  ],
  invalid: [
    {
      code: `${publisher}
service Mailer {
  consumes OrderPlaced from order_events // expect: arch/idempotent-consumer
}`,
      output: `${publisher}
service Mailer {
  consumes OrderPlaced from order_events idempotent // expect: arch/idempotent-consumer
}`,
      messages: ["Mailer consumes OrderPlaced from order_events without saying it is `idempotent`"],
    },
    {
      name: "one-line statements",
      code: `${publisher}
service Mailer { consumes OrderPlaced from order_events; tech "Go" } // expect: arch/idempotent-consumer`,
      output: `${publisher}
service Mailer { consumes OrderPlaced from order_events idempotent; tech "Go" } // expect: arch/idempotent-consumer`,
    },
  ],
});
