import rule from "./prefer-identity";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (column: string) => `service S {
  entity Item {
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    id bigint @id @default(identity)"),
    { name: "uuid key", code: model("    id uuid @id @default(uuid)") },
    { name: "irrelevant: a plain integer", code: model("    id uuid @id\n    quantity int") },
  ],
  invalid: [
    {
      code: model("    id serial @id // expect: schema/prefer-identity"),
      output: model("    id bigint @id @default(identity) // expect: schema/prefer-identity"),
      messages: ["`id` is `serial`"],
    },
    {
      name: "bigserial, not a key",
      code: model("    id uuid @id\n    ticket_no bigserial @unique // expect: schema/prefer-identity"),
      output: model("    id uuid @id\n    ticket_no bigint @unique @default(identity) // expect: schema/prefer-identity"),
    },
  ],
});
