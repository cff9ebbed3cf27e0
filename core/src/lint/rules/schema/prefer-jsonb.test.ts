import rule from "./prefer-jsonb";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (column: string) => `service S {
  entity Item {
    id uuid @id @default(uuid)
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    attributes jsonb"),
    { name: "irrelevant: an event field", code: `service S {\n  event Changed { payload json }\n}` },
    {
      name: "irrelevant: MySQL has no jsonb",
      code: `database legacy: mysql
service S {
  database legacy
  entity Item {
    id         uuid @id
    attributes json
  }
}`,
    },
  ],
  invalid: [
    {
      code: model("    attributes json? // expect: schema/prefer-jsonb"),
      output: model("    attributes jsonb? // expect: schema/prefer-jsonb"),
      messages: ["`attributes` is `json`"],
    },
  ],
});
