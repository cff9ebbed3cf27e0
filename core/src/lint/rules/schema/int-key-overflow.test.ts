import rule from "./int-key-overflow";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (columns: string) => `service S {
  entity Item {
${columns}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    id bigint @id @default(identity)"),
    { name: "uuid", code: model("    id uuid @id @default(uuid)") },
    { name: "bigserial", code: model("    id bigserial @id") },
    { name: "irrelevant: an int that is not a key", code: model("    id bigint @id\n    quantity int") },
    { name: "an ordinal in a composite key", code: model("    order_id uuid\n    line_no int\n    @@id(order_id, line_no)") },
    {
      name: "a key that references another key follows it (a mismatch is schema/fk-type-mismatch's)",
      code: `service S {
  entity User { id bigint @id @default(identity) }
  entity Profile {
    user_id int @id @ref(User.id)
  }
}`,
    },
  ],
  invalid: [
    {
      code: model("    id int @id @default(identity) // expect: schema/int-key-overflow"),
      output: model("    id bigint @id @default(identity) // expect: schema/int-key-overflow"),
      messages: ["Primary key `id` is `int` (32 bits)"],
    },
    {
      name: "serial becomes bigserial (schema/prefer-identity does the rest)",
      code: model("    id serial @id // expect: schema/int-key-overflow"),
      output: model("    id bigserial @id // expect: schema/int-key-overflow"),
    },
    {
      name: "smallint in @@id",
      code: model("    code smallint // expect: schema/int-key-overflow\n    @@id(code)"),
      output: model("    code bigint // expect: schema/int-key-overflow\n    @@id(code)"),
      messages: ["32,767"],
    },
    {
      name: "a generated member of a composite key",
      code: model("    tenant_id uuid\n    id int @default(identity) // expect: schema/int-key-overflow\n    @@id(tenant_id, id)"),
    },
  ],
});
