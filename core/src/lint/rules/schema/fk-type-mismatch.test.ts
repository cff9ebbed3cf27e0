import rule from "./fk-type-mismatch";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (key: string, column: string) => `service S {
  enum Kind { a, b }
  entity Parent {
    id ${key} @id
  }
  entity Child {
    id uuid @id @default(uuid)
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("uuid", "    parent_id uuid @ref(Parent.id) @index"),
    { name: "nullable reference", code: model("uuid", "    parent_id uuid? @ref(Parent.id) @index") },
    { name: "serial key holds int", code: model("serial", "    parent_id int @ref(Parent.id) @index") },
    { name: "bigserial key holds bigint", code: model("bigserial", "    parent_id bigint @ref(Parent.id) @index") },
    { name: "text and varchar are one family", code: model("varchar(64)", "    parent_id text @ref(Parent.id) @index") },
    { name: "a wider varchar", code: model("varchar(64)", "    parent_id varchar(80) @ref(Parent.id) @index") },
    { name: "same enum", code: model("Kind", "    parent_id Kind @ref(Parent.id) @index") },
    { name: "same decimal", code: model("decimal(10, 0)", "    parent_id decimal(10, 0) @ref(Parent.id) @index") },
    { name: "irrelevant: no reference", code: model("uuid", "    parent_id text") },
  ],
  invalid: [
    {
      code: model("uuid", "    parent_id text @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      output: model("uuid", "    parent_id uuid @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      messages: ["`parent_id` is `text` but references Parent.id, which is `uuid`"],
    },
    {
      name: "int to bigint, nullable kept",
      code: model("bigint", "    parent_id int? @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      output: model("bigint", "    parent_id bigint? @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
    },
    {
      name: "int to bigserial",
      code: model("bigserial", "    parent_id int @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      output: model("bigserial", "    parent_id bigint @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      messages: ["a `bigserial` key holds `bigint` values"],
    },
    {
      name: "a narrower varchar",
      code: model("varchar(64)", "    parent_id varchar(32) @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      output: model("varchar(64)", "    parent_id varchar(64) @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
    },
    {
      name: "varchar to text",
      code: model("text", "    parent_id varchar(32) @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      output: model("text", "    parent_id text @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
    },
    {
      name: "an array cannot be a foreign key",
      code: model("uuid", "    parent_ids uuid[] @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      output: model("uuid", "    parent_ids uuid @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
    },
    {
      name: "enum to text",
      code: model("Kind", "    parent_id text @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
      output: model("Kind", "    parent_id Kind @ref(Parent.id) @index // expect: schema/fk-type-mismatch"),
    },
  ],
});
