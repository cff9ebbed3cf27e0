// schema/partition-key-not-in-unique: a partitioned table's primary key and unique constraints include the partition key.

import { defineRule } from "../../rule";
import type { TextEdit } from "../../../diagnostics/diagnostic";
import { attrColumns, describeKey, indentAt, insertLineBeforeEdit, keysOf, removeAttributeEdit, tableAttrs, tables, type TableKey } from "./support/tables";

/** `a`, `a and b`, `a, b and c`. */
function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export default defineRule({
  id: "schema/partition-key-not-in-unique",
  category: "schema",
  severity: "error",
  summary: "The primary key and every unique constraint of a partitioned table include the partition key columns.",
  fixable: true,
  scope: "file",
  docs: {
    why: "PostgreSQL enforces a unique constraint on a partitioned table with one index per partition, so it can only guarantee uniqueness when the partition key is part of the constraint: `CREATE TABLE` fails with \"unique constraint on partitioned table must include all partitioning columns\". MySQL has the same restriction. The key then becomes, for instance, (id, taken_at), and an id alone is no longer guaranteed unique across partitions: generate ids so that they are (uuid, identity).",
    incorrect: `service Metrics {
  entity Reading {
    id       uuid        @id @default(uuid)
    taken_at timestamptz

    @@partition(range, taken_at)
  }
}`,
    correct: `service Metrics {
  entity Reading {
    id       uuid        @default(uuid)
    taken_at timestamptz

    @@id(id, taken_at)
    @@partition(range, taken_at)
  }
}`,
    fix: "Adds the partition key columns to the primary key and to each unique constraint that lacks them (an `@id` or `@unique` column becomes an `@@id(…)` or `@@unique(…)` line). Review it: the constraints then only guarantee uniqueness of the combination.",
    sources: ["PostgreSQL documentation, Table Partitioning: Limitations", "MySQL documentation, Partitioning Keys, Primary Keys, and Unique Keys"],
  },
  check({ model, report, text }) {
    for (const entity of tables(model)) {
      const partitions = tableAttrs(entity, "partition");
      if (partitions.length === 0) continue;
      const keys = keysOf(entity);
      const constraints = keys.all.filter((k) => k.kind !== "index");
      const src = text(entity.uri);
      for (const partition of partitions) {
        const partCols = attrColumns(partition);
        if (partCols.length === 0) continue;
        const lacking = constraints.filter((k) => partCols.some((c) => !k.columns.includes(c)));
        if (lacking.length === 0) continue;
        const missingOf = (k: TableKey) => partCols.filter((c) => !k.columns.includes(c));
        const edits: TextEdit[] = [];
        const lines: string[] = [];
        for (const k of lacking) {
          const cols = [...k.columns, ...missingOf(k)].join(", ");
          if (k.field || k.idAttrs) {
            // A column-level `@id`/`@unique`: move it to an entity-level line.
            for (const a of k.idAttrs ?? [{ attr: k.attr }]) edits.push(removeAttributeEdit(entity.uri, src, a.attr));
            lines.push(`@@${k.kind === "pk" ? "id" : "unique"}(${cols})`);
          } else {
            const close = src.lastIndexOf(")", k.attr.end);
            if (close > k.attr.start) edits.push({ uri: entity.uri, start: close, end: close, newText: missingOf(k).map((c) => `, ${c}`).join("") });
          }
        }
        let fixable = edits.length > 0 || lines.length > 0;
        if (lines.length) {
          const indent = indentAt(src, partition.start);
          const insert = insertLineBeforeEdit(entity.uri, src, partition.start, lines.join(`\n${indent}`));
          if (insert) edits.push(insert);
          else fixable = false; // `@@partition` shares its line with other code: no place for the new lines
        }
        const list = partCols.map((c) => `\`${c}\``).join(", ");
        report({
          uri: entity.uri,
          start: partition.start,
          end: partition.end,
          message: `${entity.symbol.name} is partitioned by ${list}, which ${andList(lacking.map(describeKey))} ${lacking.length > 1 ? "do" : "does"} not include: PostgreSQL rejects the table.`,
          related: lacking.map((k) => ({ uri: entity.uri, start: k.attr.start, end: k.attr.end, message: `${describeKey(k)} lacks ${missingOf(k).map((c) => `\`${c}\``).join(", ")}` })),
          fixes: fixable ? [{ title: `Add ${list} to the primary key and unique constraints`, edits }] : [],
        });
      }
    }
  },
});
