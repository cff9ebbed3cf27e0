// schema/prefer-jsonb: JSON columns are `jsonb`.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import { postgresTables } from "./support/tables";

export default defineRule({
  id: "schema/prefer-jsonb",
  category: "schema",
  severity: "warning",
  summary: "JSON columns are `jsonb`, not `json`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "PostgreSQL's `json` stores the input text and re-parses it on every access; it cannot be indexed with GIN, has no equality operator (so no `DISTINCT`, `GROUP BY` or unique index on it) and supports fewer operators. `jsonb` is parsed once into a binary form that is faster to query and indexable. `json` is only needed to keep key order, whitespace or duplicate keys exactly as sent.",
    incorrect: `service Inventory {
  entity Item {
    id         uuid @id @default(uuid)
    attributes json
  }
}`,
    correct: `service Inventory {
  entity Item {
    id         uuid @id @default(uuid)
    attributes jsonb
  }
}`,
    fix: "Changes the type to `jsonb`. Safe unless clients rely on key order or duplicate keys being preserved.",
    sources: ["schemalint prefer-jsonb-to-json", "pg-index-health ColumnsWithJsonTypeCheckOnHost"],
  },
  check({ model, report }) {
    for (const entity of postgresTables(model)) {
      for (const field of entity.fields) {
        if (field.type.builtin !== "json") continue;
        const name = field.decl.type.name;
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `\`${field.symbol.name}\` is \`json\`, re-parsed on every access and not indexable; use \`jsonb\`.`,
          fixes: [{ title: "Change to `jsonb`", preferred: true, edits: [{ uri: entity.uri, start: name.start, end: name.end, newText: "jsonb" }] }],
        });
      }
    }
  },
});
