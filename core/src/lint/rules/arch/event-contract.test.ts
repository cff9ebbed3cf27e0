import rule from "./event-contract";
import { ruleTester } from "../../../../../test/support/rule-tester";

ruleTester(rule, {
  valid: [
    `queue q: kafka
service Orders {
  publishes OrderPlaced to q
  event OrderPlaced {
    order_id uuid @key
    total    decimal(12, 2)
  }
}
service Mailer { consumes OrderPlaced from q idempotent }`,
    { name: "an event nobody publishes or consumes is still judged only on its fields", code: `service Orders {\n  event OrderPlaced { order_id uuid @key }\n}` },
    { name: "irrelevant: types and entities need no key", code: `service Orders {\n  type NewOrder { total decimal(12, 2) }\n  entity Order { id uuid @id }\n}` },
  ],
  invalid: [
    {
      name: "no @key: the first `_id` field is offered",
      code: `service Orders {
  event OrderPlaced { // expect: arch/event-contract
    total    decimal(12, 2)
    order_id uuid
  }
}`,
      output: `service Orders {
  event OrderPlaced { // expect: arch/event-contract
    total    decimal(12, 2)
    order_id uuid @key
  }
}`,
      messages: ["Event OrderPlaced has no `@key` field"],
    },
    {
      name: "no fields",
      code: `service Orders {
  event OrderPlaced {} // expect: arch/event-contract
}`,
      messages: ["Event OrderPlaced has no fields"],
    },
    {
      name: "an event outside any service is judged too",
      code: `event Ping { at timestamptz } // expect: arch/event-contract`,
    },
    {
      name: "a consumer of an event nobody publishes to its queue",
      code: `queue a: kafka
queue b: kafka
service Orders {
  publishes OrderPlaced to a
  event OrderPlaced { order_id uuid @key }
}
service Mailer {
  consumes OrderPlaced from a idempotent
  consumes OrderPlaced from b idempotent // expect: arch/event-contract
}`,
      messages: ["Mailer consumes OrderPlaced from b, but no service publishes OrderPlaced to b. It is published to a."],
    },
    {
      name: "a consumer of an event nobody publishes at all",
      code: `queue a: kafka
service Orders {
  event OrderPlaced { order_id uuid @key }
}
service Mailer {
  consumes OrderPlaced from a idempotent // expect: arch/event-contract
}`,
      messages: ["No service publishes it at all."],
    },
  ],
});
