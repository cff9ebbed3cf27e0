import rule from "./multi-valued-attribute";
import { ruleTester } from "../../../../../test/support/rule-tester";

const model = (column: string) => `service S {
  entity Item {
    id uuid @id @default(uuid)
${column}
  }
}`;

ruleTester(rule, {
  valid: [
    model("    tag_id uuid"),
    { name: "an array of plain values is a deliberate design", code: model("    tags text[]") },
    { name: "a name that merely contains list", code: model("    playlist text") },
    { name: "a number of things", code: model("    tag_count int") },
    { name: "json that is not a list of ids", code: model("    tags jsonb") },
    { name: "irrelevant: a request type may carry a list", code: `service S {\n  type Filter { tag_ids text }\n}` },
  ],
  invalid: [
    { code: model("    tag_ids text // expect: schema/multi-valued-attribute"), messages: ["`tag_ids` looks like a list packed into one `text` column"] },
    { name: "tags in a varchar", code: model("    tags varchar(500) // expect: schema/multi-valued-attribute") },
    { name: "a _list column", code: model("    email_list text? // expect: schema/multi-valued-attribute") },
    { name: "a csv column", code: model("    recipients_csv text // expect: schema/multi-valued-attribute") },
    { name: "an array of ids", code: model("    tag_ids uuid[] // expect: schema/multi-valued-attribute"), messages: ["keeps a list of ids in an array"] },
    { name: "json ids", code: model("    order_ids jsonb // expect: schema/multi-valued-attribute") },
  ],
});
