// schema/missing-primary-key: every table has a primary key.

import { defineRule } from "../../rule";
import { nameSpan } from "../../spans";
import type { Fix } from "../../../diagnostics/diagnostic";
import type { SchemaInfo } from "../../../semantic/model";
import { attr, insertLineBeforeEdit, keysOf, tables, appendTableLineEdit, addAttributeEdit } from "./support/tables";

/** The key type most entities of the service already use: `uuid` unless integer keys dominate. */
function surrogateKey(entity: SchemaInfo): string {
  let ints = 0;
  let uuids = 0;
  for (const other of entity.service?.entities ?? []) {
    const pk = keysOf(other).pk;
    if (!pk || pk.columns.length !== 1) continue;
    const f = other.fields.find((x) => x.symbol.name === pk.columns[0]);
    const t = f?.type.builtin;
    if (t === "uuid") uuids++;
    else if (t === "bigint" || t === "int" || t === "serial" || t === "bigserial") ints++;
  }
  return ints > uuids ? "id bigint @id @default(identity)" : "id uuid @id @default(uuid)";
}

export default defineRule({
  id: "schema/missing-primary-key",
  category: "schema",
  severity: "error",
  summary: "Every entity has a primary key: an `@id` column or `@@id(a, b)`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Without a primary key nothing stops duplicate rows, no other table can reference a row with a foreign key, an API cannot address one item, and ORMs, change-data-capture and PostgreSQL logical replication (which refuses UPDATE and DELETE on a published table without a replica identity) break. A join table takes a composite key of its two references rather than a surrogate.",
    incorrect: `service Inventory {
  entity Warehouse {
    id   uuid @id @default(uuid)
    name text
  }

  entity StockMove {
    warehouse_id uuid @ref(Warehouse.id) @index
    quantity     int
  }
}`,
    correct: `service Inventory {
  entity Warehouse {
    id   uuid @id @default(uuid)
    name text
  }

  entity StockMove {
    id           uuid @id @default(uuid)
    warehouse_id uuid @ref(Warehouse.id) @index
    quantity     int
  }
}`,
    fix: "Marks an existing `id` column `@id`; otherwise, for a table with two or more `@ref` columns (a join table), makes them the composite key with `@@id(a_id, b_id)`; otherwise adds an `id` column typed like the service's other keys (`uuid @default(uuid)`, or `bigint @default(identity)`). Review the composite-key choice: it assumes each pair occurs once.",
    sources: ["sqlcheck 1003 Primary Key Does Not Exist", "schemalint require-primary-key", "pg-index-health TablesWithoutPrimaryKeyCheckOnHost", "Supabase splinter 0004_no_primary_key"],
  },
  check({ model, report, text }) {
    for (const entity of tables(model)) {
      if (keysOf(entity).pk) continue;
      const src = text(entity.uri);
      const fixes: Fix[] = [];
      const idField = entity.fields.find((f) => f.symbol.name === "id");
      const refs = entity.fields.filter((f) => attr(f, "ref") && !f.type.array);
      if (idField) {
        fixes.push({ title: "Make `id` the primary key", preferred: true, edits: [addAttributeEdit(idField, "@id")] });
      } else {
        if (refs.length >= 2) {
          const cols = refs.map((f) => f.symbol.name).join(", ");
          const edit = appendTableLineEdit(entity, src, `@@id(${cols})`);
          if (edit) fixes.push({ title: `Make (${cols}) the composite primary key`, edits: [edit] });
        }
        const first = entity.decl.fields[0];
        const edit = first && insertLineBeforeEdit(entity.uri, src, first.start, surrogateKey(entity));
        if (edit) fixes.push({ title: "Add an `id` primary key column", edits: [edit] });
      }
      report({
        uri: entity.uri,
        ...nameSpan(entity),
        message: `Entity ${entity.symbol.name} has no primary key: mark a column \`@id\` or add \`@@id(a, b)\`.`,
        fixes,
      });
    }
  },
});
