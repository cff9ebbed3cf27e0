// schema/identifier-too-long: table, column, index and constraint names fit PostgreSQL's 63 bytes.

import { defineRule } from "../../rule";
import { fieldSpan, nameSpan } from "../../spans";
import type { Span } from "../../../syntax/ast";
import { keysOf, postgresTables, tableAttrs, utf8Length } from "./support/tables";

interface Options {
  maxBytes: number;
  generatedNames: boolean;
}

export default defineRule<Options>({
  id: "schema/identifier-too-long",
  category: "schema",
  severity: "error",
  summary: "Table and column names are at most 63 bytes (UTF-8).",
  fixable: false,
  scope: "file",
  docs: {
    why: "PostgreSQL cuts identifiers longer than 63 bytes (NAMEDATALEN − 1) without an error, so two long names can collide after truncation and later DDL or queries that spell the full name miss the object. The limit counts UTF-8 bytes, not characters: `ü` takes two. Names of keys, indexes and constraints are not the model's: the DDL generator (like PostgreSQL when it picks a name) shortens them deterministically, so they are only checked with the `generatedNames` option, for teams whose migrations spell them in full as `<table>_pkey`, `<table>_<columns>_key`, `<table>_<columns>_idx`, `<table>_<column>_fkey` and `<table>_<column>_check`.",
    incorrect: `service Inventory {
  entity Item {
    id uuid @id @default(uuid)
    this_column_name_is_far_too_long_for_postgres_to_keep_it_without_truncation text
  }
}`,
    correct: `service Inventory {
  entity Item {
    id         uuid @id @default(uuid)
    short_name text
  }
}`,
    fix: "None: choose a shorter name (for a table, `@@table(\"…\")` sets it without renaming the entity).",
    sources: ["Squawk identifier-too-long", "pg-index-health PossibleObjectNameOverflowCheckOnHost", "PostgreSQL documentation, Identifiers and Key Words (NAMEDATALEN)"],
  },
  options: {
    maxBytes: { description: "The longest identifier in bytes (PostgreSQL: 63).", schema: { type: "integer", minimum: 1 }, default: 63 },
    generatedNames: {
      description: "Also check the full names of keys, indexes and constraints (`<table>_<columns>_idx`, …), which the DDL generator otherwise shortens with a hash suffix.",
      schema: { type: "boolean" },
      default: false,
    },
  },
  check({ model, report, options }) {
    const max = options.maxBytes;
    const tooLong = (name: string) => utf8Length(name) > max;
    const say = (what: string, name: string) => {
      const bytes = utf8Length(name);
      return `The ${what} \`${name}\` is ${bytes} bytes${bytes !== name.length ? ` (${name.length} characters)` : ""}; PostgreSQL truncates names to ${max} bytes without an error.`;
    };
    for (const entity of postgresTables(model)) {
      const table = entity.tableName;
      const uri = entity.uri;
      const tableTooLong = tooLong(table);
      if (tableTooLong) {
        const explicit = tableAttrs(entity, "table")[0]?.args[0];
        const span: Span = explicit ?? nameSpan(entity);
        report({ uri, start: span.start, end: span.end, message: say(explicit ? "table name" : `table name of ${entity.symbol.name}`, table) });
      }
      const longColumns = new Set<string>();
      for (const field of entity.fields) {
        if (!tooLong(field.symbol.name)) continue;
        longColumns.add(field.symbol.name);
        report({ uri, ...fieldSpan(field), message: say("column name", field.symbol.name) });
      }
      const generated = (name: string, columns: readonly string[], span: Span, what: string) => {
        if (columns.some((c) => longColumns.has(c)) || !tooLong(name)) return;
        report({ uri, start: span.start, end: span.end, message: say(`generated ${what} name`, name) });
      };
      if (tableTooLong || !options.generatedNames) continue; // every generated name includes the table name: its report is enough
      const keys = keysOf(entity);
      for (const key of keys.all) {
        const cols = key.columns.join("_");
        if (key.kind === "pk") generated(`${table}_pkey`, [], key.attr, "primary key");
        else if (key.kind === "unique") generated(`${table}_${cols}_key`, key.columns, key.attr, "unique constraint");
        else generated(`${table}_${cols}_idx`, key.columns, key.attr, "index");
      }
      for (const field of entity.fields) {
        for (const a of field.decl.attributes) {
          if (a.name.text === "ref") generated(`${table}_${field.symbol.name}_fkey`, [field.symbol.name], a, "foreign key");
          else if (a.name.text === "check") generated(`${table}_${field.symbol.name}_check`, [field.symbol.name], a, "check constraint");
        }
      }
    }
  },
});
