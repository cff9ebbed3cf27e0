// schema/int-key-overflow: primary keys are 64-bit.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import { attr, keysOf, replaceTypeEdit, tables } from "./support/tables";

const NARROW: Record<string, string> = { smallint: "bigint", int: "bigint", serial: "bigserial" };
const BITS: Record<string, number> = { smallint: 16, int: 32, serial: 32 };

export default defineRule({
  id: "schema/int-key-overflow",
  category: "schema",
  severity: "warning",
  summary: "Primary keys are `bigint` (or `uuid`), not `smallint`, `int` or `serial`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "A 32-bit key runs out at 2,147,483,647 rows ever inserted (deleted rows and rolled-back inserts use up values too), a 16-bit one at 32,767; inserts then fail until the key and every column that references it are rewritten to `bigint`, a migration that locks the largest tables. A `bigint` key costs 4 more bytes per row. The rule judges single-column primary keys, and the generated (`serial`, `@default(identity)`) members of a composite key; a `@ref` key column follows its referenced key (schema/fk-type-mismatch).",
    incorrect: `service Inventory {
  entity Item {
    id   int @id @default(identity)
    name text
  }
}`,
    correct: `service Inventory {
  entity Item {
    id   bigint @id @default(identity)
    name text
  }
}`,
    fix: "Changes `smallint`/`int` to `bigint` and `serial` to `bigserial`. Columns that reference the key must follow (schema/fk-type-mismatch then reports them).",
    sources: ["Squawk prefer-bigint-over-int, prefer-bigint-over-smallint", "pg-index-health SequenceOverflowCheckOnHost (the runtime counterpart)"],
  },
  check({ model, report, text }) {
    for (const entity of tables(model)) {
      const pk = keysOf(entity).pk;
      if (!pk) continue;
      for (const column of pk.columns) {
        const field = entity.fields.find((f) => f.symbol.name === column);
        const builtin = field?.type.builtin;
        if (!field || !builtin || field.type.array || !NARROW[builtin] || attr(field, "ref")) continue;
        const generated = builtin === "serial" || attr(field, "default")?.args[0]?.text === "identity";
        if (pk.columns.length > 1 && !generated) continue; // an ordinal in a composite key (`line_no`) is bounded by design
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `Primary key \`${column}\` is \`${builtin}\` (${BITS[builtin]} bits) and overflows after ${builtin === "smallint" ? "32,767" : "about 2.1 billion"} rows; use \`${NARROW[builtin]}\`.`,
          fixes: [{ title: `Change to \`${NARROW[builtin]}\``, preferred: true, edits: [replaceTypeEdit(field, text(entity.uri), NARROW[builtin]!)] }],
        });
      }
    }
  },
});
