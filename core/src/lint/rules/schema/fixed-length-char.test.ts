import rule from "./fixed-length-char";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (column: string) => `service S {
  entity Item {
    id uuid @id @default(uuid)
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    code varchar(8)"),
    { name: "text", code: model("    code text") },
    { name: "irrelevant: a request type", code: `service S {\n  type NewItem { code char(8) }\n}` },
  ],
  invalid: [
    {
      code: model("    code char(8) @unique // expect: schema/fixed-length-char"),
      output: model("    code varchar(8) @unique // expect: schema/fixed-length-char"),
      messages: ["`code` is `char(8)`"],
    },
    {
      name: "nullable array",
      code: model("    codes char(2)[]? // expect: schema/fixed-length-char"),
      output: model("    codes varchar(2)[]? // expect: schema/fixed-length-char"),
    },
  ],
});
