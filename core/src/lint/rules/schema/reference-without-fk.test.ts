import rule from "./reference-without-fk";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (column: string) => `service Orders {
  entity Order {
    id uuid @id @default(uuid)
  }
  entity OrderLine {
    id uuid @id @default(uuid)
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    order_id uuid @ref(Order.id) @index"),
    {
      name: "an entity of another service (another database)",
      code: `service Users {
  entity User {
    id uuid @id @default(uuid)
  }
}
service Orders {
  entity Order {
    id      uuid @id @default(uuid)
    user_id uuid @index
  }
}`,
    },
    { name: "no such entity", code: model("    customer_id uuid") },
    { name: "another kind of value (an external order number)", code: model("    order_id text") },
    { name: "not an `_id` column", code: model("    order_ref uuid") },
    {
      name: "irrelevant: types and events carry ids without foreign keys",
      code: `service Orders {
  entity Order {
    id uuid @id @default(uuid)
  }
  type NewLine { order_id uuid }
  event LineAdded { order_id uuid @key }
}`,
    },
    {
      name: "multi-word entity name",
      code: `service Orders {
  entity OrderLine {
    id uuid @id @default(uuid)
  }
  entity Shipment {
    id            uuid @id @default(uuid)
    order_line_id uuid @ref(OrderLine.id) @index
  }
}`,
    },
  ],
  invalid: [
    {
      code: model("    order_id uuid @index // expect: schema/reference-without-fk"),
      output: model("    order_id uuid @index @ref(Order.id) // expect: schema/reference-without-fk"),
      messages: ["`order_id` looks like a reference to Order"],
    },
    {
      name: "multi-word entity name, integer key",
      code: `service Orders {
  entity OrderLine {
    id bigint @id @default(identity)
  }
  entity Shipment {
    id            bigint @id @default(identity)
    order_line_id bigint? // expect: schema/reference-without-fk
  }
}`,
      output: `service Orders {
  entity OrderLine {
    id bigint @id @default(identity)
  }
  entity Shipment {
    id            bigint @id @default(identity)
    order_line_id bigint? @ref(OrderLine.id) // expect: schema/reference-without-fk
  }
}`,
    },
  ],
});
