import rule from "./redundant-index";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (body: string) => `service S {
  entity Item {
    id  uuid @id @default(uuid)
${body}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    sku text @unique"),
    { name: "different leading columns", code: model("    a text\n    b text\n    @@index(a, b)\n    @@index(b, a)") },
    { name: "a wider index does not cover a narrower one's order", code: model("    a text\n    b text\n    @@index(b)\n    @@index(a, b)") },
    { name: "a unique constraint is not redundant because of a wider index", code: model("    a text @unique\n    b text\n    @@index(a, b)") },
    { name: "a unique prefix of a wider unique constraint enforces more", code: model("    a text\n    b text\n    @@unique(a)\n    @@unique(a, b)") },
    { name: "irrelevant: no indexes", code: model("    a text") },
  ],
  invalid: [
    {
      name: "an index duplicating a unique column",
      code: model("    sku text @unique\n\n    @@index(sku) // expect: schema/redundant-index"),
      output: model("    sku text @unique\n"),
      messages: ["`@@index(sku)` duplicates `sku @unique`"],
    },
    {
      name: "a leading part of a composite index",
      code: model("    a text\n    b text\n    @@index(a, b)\n    @@index(a) // expect: schema/redundant-index"),
      output: model("    a text\n    b text\n    @@index(a, b)"),
      messages: ["is a leading part of `@@index(a, b)`"],
    },
    {
      name: "a column index covered by a composite unique constraint",
      code: model("    a text @index // expect: schema/redundant-index\n    b text\n    @@unique(a, b)"),
      output: model("    a text // expect: schema/redundant-index\n    b text\n    @@unique(a, b)"),
    },
    {
      name: "a unique key on the primary key",
      code: `service S {
  entity Item {
    id uuid @id @unique @default(uuid) // expect: schema/redundant-index
  }
}`,
      output: `service S {
  entity Item {
    id uuid @id @default(uuid) // expect: schema/redundant-index
  }
}`,
      messages: ["`@unique` on `id` duplicates the primary key (id)"],
    },
    {
      name: "two equal indexes: the later one",
      code: model("    a text\n    @@index(a)\n    @@index(a) // expect: schema/redundant-index"),
      output: model("    a text\n    @@index(a)"),
    },
    {
      name: "an index on the leading column of a composite key",
      code: `service S {
  entity Line {
    order_id uuid @index // expect: schema/redundant-index
    line_no  int
    @@id(order_id, line_no)
  }
}`,
      output: `service S {
  entity Line {
    order_id uuid // expect: schema/redundant-index
    line_no  int
    @@id(order_id, line_no)
  }
}`,
    },
  ],
});
