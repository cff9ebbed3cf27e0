import rule from "./timestamp-without-time-zone";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (column: string) => `service S {
  entity Move {
    id uuid @id @default(uuid)
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    moved_at timestamptz"),
    { name: "a date", code: model("    moved_on date") },
    { name: "a time of day", code: model("    opens_at time") },
    { name: "irrelevant: an event field", code: `service S {\n  event Moved { moved_at timestamp }\n}` },
    {
      name: "irrelevant: not PostgreSQL",
      code: `database legacy: mysql
service S {
  database legacy
  entity Move {
    id       uuid @id
    moved_at timestamp
  }
}`,
    },
  ],
  invalid: [
    {
      code: model("    moved_at timestamp @default(now) // expect: schema/timestamp-without-time-zone"),
      output: model("    moved_at timestamptz @default(now) // expect: schema/timestamp-without-time-zone"),
      messages: ["`moved_at` is a `timestamp` without time zone"],
    },
    {
      name: "an array is judged by its element type",
      code: model("    seen_at timestamp[]? // expect: schema/timestamp-without-time-zone"),
      output: model("    seen_at timestamptz[]? // expect: schema/timestamp-without-time-zone"),
    },
  ],
});
