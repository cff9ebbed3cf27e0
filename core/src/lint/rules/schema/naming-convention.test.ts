import rule from "./naming-convention";
import { ruleTester } from "../../../../../test/support/rule-tester";

ruleTester(rule, {
  valid: [
    `service S {
  entity OrderLine {
    id            uuid @id
    address_line1 text
    v2_id         uuid
  }
}`,
    { name: "snake_case @@table", code: `service S {\n  entity Item {\n    id uuid @id\n    @@table("stock_items")\n  }\n}` },
    { name: "irrelevant: a type's fields follow the API's convention", code: `service S {\n  type NewItem { displayName text }\n}` },
  ],
  invalid: [
    {
      name: "a camelCase column and its references",
      code: `service S {
  entity Order {
    id uuid @id
  }
  entity Line {
    id      uuid @id
    orderId uuid @ref(Order.id) // expect: schema/naming-convention
    @@index(orderId)
  }
}`,
      output: `service S {
  entity Order {
    id uuid @id
  }
  entity Line {
    id      uuid @id
    order_id uuid @ref(Order.id) // expect: schema/naming-convention
    @@index(order_id)
  }
}`,
      messages: ["Column `orderId` is not snake_case and must be quoted in every query: `order_id`"],
    },
    {
      name: "a referenced column",
      code: `service S {
  entity Order {
    ID uuid @id // expect: schema/naming-convention
  }
  entity Line {
    id       uuid @id
    order_id uuid @ref(Order.ID) @index
  }
}`,
      output: `service S {
  entity Order {
    id uuid @id // expect: schema/naming-convention
  }
  entity Line {
    id       uuid @id
    order_id uuid @ref(Order.id) @index
  }
}`,
    },
    {
      name: "a snake_case entity (info) and its references",
      code: `service S {
  entity order_line { // expect: schema/naming-convention
    id uuid @id
  }
  api "/v1" {
    GET /lines -> 200 order_line[] paginated
  }
}`,
      output: `service S {
  entity OrderLine { // expect: schema/naming-convention
    id uuid @id
  }
  api "/v1" {
    GET /lines -> 200 OrderLine[] paginated
  }
}`,
    },
    {
      name: "an explicit table name",
      code: `service S {
  entity Item {
    id uuid @id
    @@table("StockItems") // expect: schema/naming-convention
  }
}`,
      output: `service S {
  entity Item {
    id uuid @id
    @@table("stock_items") // expect: schema/naming-convention
  }
}`,
    },
    {
      name: "no fix when the new name is taken",
      code: `service S {
  entity Item {
    id        uuid @id
    item_name text
    itemName  text // expect: schema/naming-convention
  }
}`,
      output: `service S {
  entity Item {
    id        uuid @id
    item_name text
    itemName  text // expect: schema/naming-convention
  }
}`,
    },
  ],
});
