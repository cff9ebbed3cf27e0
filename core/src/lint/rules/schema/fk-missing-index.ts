// schema/fk-missing-index: a foreign-key column leads some index.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import type { Fix } from "../../../diagnostics/diagnostic";
import { addAttributeEdit, appendTableLineEdit, attr, keysOf, tables } from "./support/tables";

export default defineRule({
  id: "schema/fk-missing-index",
  category: "schema",
  severity: "warning",
  summary: "Every `@ref` column is the first column of an index, unique constraint or primary key.",
  fixable: true,
  scope: "file",
  docs: {
    why: "PostgreSQL indexes the referenced key but never the referencing column. Without an index that starts with the foreign-key column, every delete or key update of a parent row scans the whole child table (under a lock), and joins from parent to children are slow. An index only helps when the column is its first column: `@@index(status, order_id)` does not cover `order_id`.",
    incorrect: `service Orders {
  entity Order {
    id uuid @id @default(uuid)
  }

  entity OrderLine {
    id       uuid @id @default(uuid)
    order_id uuid @ref(Order.id) @on_delete(cascade)
    quantity int
  }
}`,
    correct: `service Orders {
  entity Order {
    id uuid @id @default(uuid)
  }

  entity OrderLine {
    id       uuid @id @default(uuid)
    order_id uuid @ref(Order.id) @on_delete(cascade) @index
    quantity int
  }
}`,
    fix: "Adds `@index` to the column (or, as an alternative, an `@@index(column)` line). Safe: an extra index costs some write time and space, never correctness.",
    sources: ["schemalint index-referencing-column", "pg-index-health ForeignKeysNotCoveredWithIndexCheckOnHost", "Supabase splinter 0001_unindexed_foreign_keys", "tbls requireForeignKeyIndex"],
  },
  check({ model, report, text }) {
    for (const entity of tables(model)) {
      const keys = keysOf(entity).all;
      for (const field of entity.fields) {
        if (!attr(field, "ref")) continue;
        const name = field.symbol.name;
        if (keys.some((k) => k.columns[0] === name)) continue;
        const fixes: Fix[] = [{ title: `Add \`@index\` to \`${name}\``, preferred: true, edits: [addAttributeEdit(field, "@index")] }];
        const line = appendTableLineEdit(entity, text(entity.uri), `@@index(${name})`);
        if (line) fixes.push({ title: `Add \`@@index(${name})\``, edits: [line] });
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `Foreign key \`${name}\` has no index that starts with it: deleting a ${field.ref?.entity?.symbol.name ?? "referenced"} row scans ${entity.tableName}.`,
          fixes,
        });
      }
    }
  },
});
