import rule from "./varchar-255";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (column: string) => `service S {
  entity User {
    id uuid @id @default(uuid)
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    email varchar(320)"),
    { name: "text", code: model("    name text") },
    { name: "a limit of the data", code: model("    currency varchar(3)") },
    { name: "irrelevant: a request type", code: `service S {\n  type NewUser { name varchar(255) }\n}` },
  ],
  invalid: [
    {
      code: model("    name varchar(255)? // expect: schema/varchar-255"),
      output: model("    name text? // expect: schema/varchar-255"),
      messages: ["`name` is `varchar(255)`"],
    },
  ],
});
