// schema/redundant-index: no index that another index, unique constraint or the primary key already provides.

import { defineRule } from "../../rule";
import type { TextEdit } from "../../../diagnostics/diagnostic";
import { describeKey, isPrefix, keysOf, removeAttributeEdit, removeLineEdit, tables, type TableKey } from "./support/tables";

const STRENGTH = { pk: 2, unique: 1, index: 0 } as const;

/**
 * The key that makes `key` redundant, if any: for a plain index, any other key
 * whose columns start with the index's columns; for a unique constraint, the
 * primary key or another unique constraint on exactly the same columns. Between
 * two equal keys of the same kind, the later one is the redundant one.
 */
function coveringKey(key: TableKey, all: readonly TableKey[]): TableKey | undefined {
  if (key.kind === "pk") return undefined;
  let best: TableKey | undefined;
  for (const other of all) {
    if (other === key) continue;
    const exact = other.columns.length === key.columns.length && isPrefix(key.columns, other.columns);
    if (key.kind === "unique" ? !exact : !isPrefix(key.columns, other.columns)) continue;
    if (exact && other.kind === key.kind && other.attr.start > key.attr.start) continue; // the later one is reported
    if (key.kind === "unique" && STRENGTH[other.kind] < STRENGTH.unique) continue;
    if (!best || rank(other, key) < rank(best, key)) best = other;
  }
  return best;
}

/** Prefer an exact match, then the stronger key, then the earlier one. */
function rank(other: TableKey, key: TableKey): number {
  return (other.columns.length - key.columns.length) * 10 + (2 - STRENGTH[other.kind]);
}

export default defineRule({
  id: "schema/redundant-index",
  category: "schema",
  severity: "warning",
  summary: "No index duplicates, or is a leading part of, another index, unique constraint or the primary key.",
  fixable: true,
  scope: "file",
  docs: {
    why: "The primary key and every unique constraint already have an index, and an index on (a, b) serves every lookup on a alone. An index whose columns equal or lead another's adds write cost, storage, vacuum work and planner choices while serving no query the other cannot (\"Index Shotgun\"). A unique constraint is never made redundant by a wider index, since it also enforces something.",
    incorrect: `service Inventory {
  entity Item {
    id  uuid @id @default(uuid)
    sku text @unique

    @@index(sku)
  }
}`,
    correct: `service Inventory {
  entity Item {
    id  uuid @id @default(uuid)
    sku text @unique
  }
}`,
    fix: "Removes the redundant index (its whole line for an `@@index`). Safe: the covering index serves the same lookups.",
    sources: ["pg-index-health DuplicatedIndexesCheckOnHost, IntersectedIndexesCheckOnHost", "Supabase splinter 0009_duplicate_index", "sqlcheck 2004 Too Many Indexes", "Bill Karwin, SQL Antipatterns: Index Shotgun"],
  },
  check({ model, report, text }) {
    for (const entity of tables(model)) {
      const all = keysOf(entity).all;
      const src = text(entity.uri);
      for (const key of all) {
        const cover = coveringKey(key, all);
        if (!cover) continue;
        const a = key.attr;
        const what = key.field ? `\`@${a.name.text}\` on \`${key.field.symbol.name}\`` : `\`@@${a.name.text}(${key.columns.join(", ")})\``;
        const how = cover.columns.length === key.columns.length ? "duplicates" : "is a leading part of";
        const edit: TextEdit = key.field ? removeAttributeEdit(entity.uri, src, a) : removeLineEdit(entity.uri, src, a);
        report({
          uri: entity.uri,
          start: a.start,
          end: a.end,
          message: `${what} ${how} ${describeKey(cover)}, which already serves the same lookups.`,
          related: [{ uri: entity.uri, start: cover.attr.start, end: cover.attr.end, message: `covered by ${describeKey(cover)}` }],
          tags: ["unnecessary"],
          fixes: [{ title: `Remove the redundant ${key.kind === "unique" ? "constraint" : "index"}`, preferred: true, edits: [edit] }],
        });
      }
    }
  },
});
