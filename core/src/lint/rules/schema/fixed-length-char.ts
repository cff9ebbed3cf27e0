// schema/fixed-length-char: no `char(n)` columns.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import { postgresTables, replaceTypeEdit } from "./support/tables";

export default defineRule({
  id: "schema/fixed-length-char",
  category: "schema",
  severity: "warning",
  summary: "String columns are `text` or `varchar(n)`, not `char(n)`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "PostgreSQL's `char(n)` pads shorter values with spaces, ignores trailing spaces in comparisons but not in `LIKE` or regular expressions, and is no faster than `text` or `varchar(n)` (it is stored the same way, plus padding). It does not make a value fixed-length either: it accepts shorter values. Even for fixed-length codes, `varchar(n)` (or `text` with a check) says the same without the surprises.",
    incorrect: `service Inventory {
  entity Item {
    id   uuid @id @default(uuid)
    code char(8)
  }
}`,
    correct: `service Inventory {
  entity Item {
    id   uuid @id @default(uuid)
    code varchar(8)
  }
}`,
    fix: "Changes `char(n)` to `varchar(n)`, which keeps the length limit (preferred), or to `text`. Values read back lose their padding spaces.",
    sources: ["Squawk ban-char-field", "pg-index-health ColumnsWithCharTypeCheckOnHost", "PostgreSQL wiki Don't Do This: Don't use char(n)"],
  },
  check({ model, report, text }) {
    for (const entity of postgresTables(model)) {
      const src = text(entity.uri);
      for (const field of entity.fields) {
        if (field.type.builtin !== "char") continue;
        const n = field.decl.type.args[0]?.text ?? "1";
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `\`${field.symbol.name}\` is \`char(${n})\`, which pads values with spaces; use \`varchar(${n})\` or \`text\`.`,
          fixes: [
            { title: `Change to \`varchar(${n})\``, preferred: true, edits: [replaceTypeEdit(field, src, `varchar(${n})`)] },
            { title: "Change to `text`", edits: [replaceTypeEdit(field, src, "text")] },
          ],
        });
      }
    }
  },
});
