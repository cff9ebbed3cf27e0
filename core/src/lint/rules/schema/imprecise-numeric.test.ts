import rule from "./imprecise-numeric";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (column: string) => `service S {
  entity Account {
    id uuid @id @default(uuid)
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    balance decimal(12, 2)"),
    { name: "a measurement", code: model("    latitude double") },
    { name: "a rate next to a money word", code: model("    tax_rate float") },
    { name: "a weight next to a total", code: model("    total_weight float") },
    { name: "irrelevant: a request type", code: `service S {\n  type Quote { price float }\n}` },
  ],
  invalid: [
    {
      name: "money, whatever the name",
      code: model("    balance money // expect: schema/imprecise-numeric"),
      output: model("    balance decimal(12, 2) // expect: schema/imprecise-numeric"),
      messages: ["`balance` uses `money`"],
    },
    {
      name: "float amount",
      code: model("    unit_cost float @check(\"unit_cost >= 0\") // expect: schema/imprecise-numeric"),
      output: model("    unit_cost decimal(12, 2) @check(\"unit_cost >= 0\") // expect: schema/imprecise-numeric"),
      messages: ["`unit_cost` holds an amount in `float`"],
    },
    {
      name: "double, nullable array",
      code: model("    prices double[]? // expect: schema/imprecise-numeric"),
      output: model("    prices decimal(12, 2)[]? // expect: schema/imprecise-numeric"),
    },
    { name: "camelCase name", code: model("    totalAmount double // expect: schema/imprecise-numeric") },
  ],
});
