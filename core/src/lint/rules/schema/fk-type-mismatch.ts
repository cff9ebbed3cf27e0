// schema/fk-type-mismatch: a foreign-key column has the type of the key it references.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import type { FieldInfo } from "../../../semantic/model";
import { tables } from "./support/tables";

/** `serial` and `bigserial` columns hold `int` and `bigint` values. */
const STORED: Record<string, string> = { serial: "int", bigserial: "bigint" };

interface ColumnType {
  /** `int`, `varchar`, `enum:Status`, … */
  base: string;
  args: number[];
  array: boolean;
  /** How to write it: `bigint`, `varchar(64)`, `OrderStatus`. */
  written: string;
}

function columnType(field: FieldInfo): ColumnType | undefined {
  const t = field.type;
  if (t.builtin) {
    const base = STORED[t.builtin] ?? t.builtin;
    const written = base + (t.args.length && base === t.builtin ? `(${field.decl.type.args.map((a) => a.text).join(", ")})` : "");
    return { base, args: base === t.builtin ? t.args : [], array: t.array, written };
  }
  if (t.enum) return { base: `enum:${t.enum.symbol.qualifiedName}`, args: [], array: t.array, written: t.enum.symbol.qualifiedName };
  return undefined;
}

/**
 * Whether values of `from` can reference values of `to` without casts or
 * narrowing. `text` and `varchar` are one family; a referencing string column
 * may be wider than the key, never narrower.
 */
function compatible(from: ColumnType, to: ColumnType): boolean {
  if (from.array !== to.array) return false;
  const strings = new Set(["text", "varchar"]);
  if (strings.has(from.base) && strings.has(to.base)) {
    const fromLimit = from.base === "varchar" ? from.args[0] : undefined;
    const toLimit = to.base === "varchar" ? to.args[0] : undefined;
    return fromLimit === undefined || (toLimit !== undefined && fromLimit >= toLimit);
  }
  if (from.base !== to.base) return false;
  return from.args.length === to.args.length && from.args.every((a, i) => a === to.args[i]);
}

export default defineRule({
  id: "schema/fk-type-mismatch",
  category: "schema",
  severity: "error",
  summary: "A `@ref` column has the same type as the column it references.",
  fixable: true,
  scope: "file",
  docs: {
    why: "A foreign key between different types either cannot be created at all (`text` to `uuid`: PostgreSQL has no equality operator to implement it) or works by implicit casts that keep indexes from being used and hide a narrower column: an `int` column referencing a `bigint` key overflows once the key passes 2^31. A `serial` key stores `int` values and a `bigserial` key `bigint` values, so those pairs match.",
    incorrect: `service Inventory {
  entity Warehouse {
    id uuid @id @default(uuid)
  }

  entity Item {
    id           uuid @id @default(uuid)
    warehouse_id text @ref(Warehouse.id) @index
  }
}`,
    correct: `service Inventory {
  entity Warehouse {
    id uuid @id @default(uuid)
  }

  entity Item {
    id           uuid @id @default(uuid)
    warehouse_id uuid @ref(Warehouse.id) @index
  }
}`,
    fix: "Changes the column's type to the referenced column's (`int` for a `serial` key, `bigint` for `bigserial`), keeping `?`. The model becomes consistent; existing data needs a migration that converts the column.",
    sources: ["pg-index-health ForeignKeysWithUnmatchedColumnTypeCheckOnHost", "Squawk issue #407 (keep a foreign key's type equal to the referenced key's)"],
  },
  check({ model, report }) {
    for (const entity of tables(model)) {
      for (const field of entity.fields) {
        const target = field.ref?.field;
        if (!target) continue;
        const from = columnType(field);
        const to = columnType(target);
        if (!from || !to || compatible(from, to)) continue;
        const enumHere = target.type.enum && target.type.enum.service === entity.service;
        const toWritten = (enumHere ? target.type.enum!.symbol.name : to.written) + (to.array ? "[]" : "");
        const fromWritten = field.type.display.replace(/\?$/, "");
        const storedNote = target.type.builtin && STORED[target.type.builtin] ? ` (a \`${target.type.builtin}\` key holds \`${to.written}\` values)` : "";
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `\`${field.symbol.name}\` is \`${fromWritten}\` but references ${target.schema.symbol.name}.${target.symbol.name}, which is \`${toWritten}\`${storedNote}.`,
          fixes: [
            {
              title: `Change the type to \`${toWritten}\``,
              preferred: true,
              edits: [{ uri: entity.uri, start: field.decl.type.start, end: field.decl.type.end, newText: toWritten + (field.type.optional ? "?" : "") }],
            },
          ],
        });
      }
    }
  },
});
