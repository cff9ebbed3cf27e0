// schema/prefer-identity: generated integer keys are identity columns, not serial.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import type { TextEdit } from "../../../diagnostics/diagnostic";
import { addAttributeEdit, attr, postgresTables, replaceTypeEdit } from "./support/tables";

export default defineRule({
  id: "schema/prefer-identity",
  category: "schema",
  severity: "warning",
  summary: "Generated integer columns are `bigint @default(identity)`, not `serial` or `bigserial`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "`serial` is not a type but a shorthand for an integer column plus a separately owned sequence and a default. The sequence has its own permissions and ownership, survives or breaks independently in dumps, copies of the table (`CREATE TABLE … (LIKE …)`) keep using the original sequence, and nothing stops inserting explicit values that later collide. SQL-standard identity columns (`GENERATED … AS IDENTITY`, written `@default(identity)`) tie the sequence to the column. `serial` is also only 32 bits: schema/int-key-overflow reports that separately on keys.",
    incorrect: `service Inventory {
  entity Item {
    id   serial @id
    name text
  }
}`,
    correct: `service Inventory {
  entity Item {
    id   bigint @id @default(identity)
    name text
  }
}`,
    fix: "Changes `serial`/`bigserial` to `bigint` and adds `@default(identity)`. Columns that reference this one must become `bigint` too (schema/fk-type-mismatch then reports them).",
    sources: ["Squawk prefer-identity", "schemalint prefer-identity-to-serial", "pg-index-health ColumnsWithSerialTypesCheckOnHost, PrimaryKeysWithSerialTypesCheckOnHost", "PostgreSQL wiki Don't Do This: Don't use serial"],
  },
  check({ model, report, text }) {
    for (const entity of postgresTables(model)) {
      for (const field of entity.fields) {
        const builtin = field.type.builtin;
        if (builtin !== "serial" && builtin !== "bigserial") continue;
        const edits: TextEdit[] = [replaceTypeEdit(field, text(entity.uri), "bigint")];
        if (!attr(field, "default")) edits.push(addAttributeEdit(field, "@default(identity)"));
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `\`${field.symbol.name}\` is \`${builtin}\`: use an identity column, \`bigint @default(identity)\`, which owns its sequence.`,
          fixes: [{ title: "Change to `bigint @default(identity)`", preferred: true, edits }],
        });
      }
    }
  },
});
