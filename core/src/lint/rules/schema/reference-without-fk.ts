// schema/reference-without-fk: a `<entity>_id` column of the same service declares its foreign key.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import type { Fix } from "../../../diagnostics/diagnostic";
import type { FieldInfo, SchemaInfo } from "../../../semantic/model";
import { snakeCase } from "../../../util/names";
import { addAttributeEdit, attr, keysOf, tables } from "./support/tables";

const FAMILIES: Record<string, string> = { smallint: "integer", int: "integer", bigint: "integer", serial: "integer", bigserial: "integer", text: "string", varchar: "string", char: "string", uuid: "uuid" };

/** The kind of value a key column holds: integer, string or uuid (enums by their own name). */
function familyOf(field: FieldInfo): string | undefined {
  const t = field.type;
  if (t.builtin) return FAMILIES[t.builtin];
  if (t.enum) return `enum:${t.enum.symbol.qualifiedName}`;
  return undefined;
}

export default defineRule({
  id: "schema/reference-without-fk",
  category: "schema",
  severity: "info",
  summary: "A column named after an entity of the same service (`order_id` for `Order`) has `@ref(Order.id)`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "A column that holds another row's key without a foreign key (\"Keyless Entry\") lets orphans in: nothing stops deleting the parent, or inserting an id that never existed, and integrity then lives only in application code. The rule reports a column named `<entity>_id` (snake_case of the entity's name) whose type matches that entity's primary key, and looks only at entities of the same service, which share one database: an id of another service's entity (`user_id` in an Orders service when `User` belongs to Users) must not get a foreign key, since the two tables live in different databases.",
    incorrect: `service Orders {
  entity Order {
    id uuid @id @default(uuid)
  }

  entity OrderLine {
    id       uuid @id @default(uuid)
    order_id uuid @index
  }
}`,
    correct: `service Orders {
  entity Order {
    id uuid @id @default(uuid)
  }

  entity OrderLine {
    id       uuid @id @default(uuid)
    order_id uuid @ref(Order.id) @index
  }
}`,
    fix: "Adds `@ref(Entity.key)` naming the entity's single-column primary key. Review before applying: existing rows that point nowhere make the migration fail, and a table that must keep ids of deleted rows (an audit log) should not have the foreign key.",
    sources: ["sqlcheck 1005 Foreign Key Does Not Exist", "Bill Karwin, SQL Antipatterns: Keyless Entry"],
  },
  check({ model, report }) {
    for (const entity of tables(model)) {
      const service = entity.service;
      if (!service) continue;
      const bySnake = new Map<string, SchemaInfo>();
      for (const other of service.entities) if (other !== entity) bySnake.set(snakeCase(other.symbol.name), other);
      for (const field of entity.fields) {
        const m = /^(.+)_id$/.exec(field.symbol.name);
        if (!m || attr(field, "ref") || field.type.array) continue;
        const target = bySnake.get(m[1]!);
        if (!target) continue;
        const pk = keysOf(target).pk;
        const key = pk && pk.columns.length === 1 ? target.fields.find((f) => f.symbol.name === pk.columns[0]) : undefined;
        // A column of another kind of value (a text `order_id` next to a uuid key) is some other identifier.
        if (!key || familyOf(key) === undefined || familyOf(key) !== familyOf(field)) continue;
        const refText = `@ref(${target.symbol.name}.${key.symbol.name})`;
        const fixes: Fix[] = [{ title: `Add \`${refText}\``, edits: [addAttributeEdit(field, refText)] }];
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `\`${field.symbol.name}\` looks like a reference to ${target.symbol.name} (same service, same database) but has no \`@ref\`: nothing keeps it from pointing at a missing row.`,
          fixes,
        });
      }
    }
  },
});
