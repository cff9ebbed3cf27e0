import rule from "./fk-missing-index";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (child: string) => `service S {
  entity Order {
    id uuid @id @default(uuid)
  }
  entity Line {
    id       uuid @id @default(uuid)
${child}
  }
}`;

ruleTester(rule, {
  valid: [
    { name: "@index", code: model("    order_id uuid @ref(Order.id) @index") },
    { name: "@unique", code: model("    order_id uuid @ref(Order.id) @unique") },
    { name: "leading column of @@index", code: model("    order_id uuid @ref(Order.id)\n    status   text\n    @@index(order_id, status)") },
    { name: "leading column of @@unique", code: model("    order_id uuid @ref(Order.id)\n    line_no  int\n    @@unique(order_id, line_no)") },
    {
      name: "leading column of the composite key",
      code: `service S {
  entity Order { id uuid @id }
  entity Line {
    order_id uuid @ref(Order.id)
    line_no  int

    @@id(order_id, line_no)
  }
}`,
    },
    {
      name: "a single-column key",
      code: `service S {
  entity User { id uuid @id }
  entity Profile {
    user_id uuid @id @ref(User.id)
  }
}`,
    },
    { name: "irrelevant: no reference", code: model("    note text") },
  ],
  invalid: [
    {
      code: model("    order_id uuid @ref(Order.id) // expect: schema/fk-missing-index"),
      output: model("    order_id uuid @ref(Order.id) @index // expect: schema/fk-missing-index"),
      messages: ["Foreign key `order_id` has no index that starts with it"],
    },
    {
      name: "second column of an index does not count",
      code: model("    status   text\n    order_id uuid @ref(Order.id) @on_delete(cascade) // expect: schema/fk-missing-index\n    @@index(status, order_id)"),
      output: model("    status   text\n    order_id uuid @ref(Order.id) @on_delete(cascade) @index // expect: schema/fk-missing-index\n    @@index(status, order_id)"),
    },
    {
      name: "second column of the composite key does not count",
      code: `service S {
  entity Order { id uuid @id }
  entity Product { id uuid @id }
  entity Line {
    order_id   uuid @ref(Order.id)
    product_id uuid @ref(Product.id) // expect: schema/fk-missing-index

    @@id(order_id, product_id)
  }
}`,
    },
  ],
});
