// schema/naming-convention: snake_case columns and table names, PascalCase entities.

import { defineRule } from "../../rule";
import { fieldSpan, nameSpan } from "../../spans";
import type { Fix } from "../../../diagnostics/diagnostic";
import type { ArchSymbol, Model } from "../../../semantic/model";
import { referencesTo } from "../_references";
import { pascalCase, splitWords } from "../../../util/names";
import { tableAttrs, tables } from "./support/tables";

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const PASCAL = /^[A-Z][A-Za-z0-9]*$/;

/** Renames a symbol at its declaration and at every reference to it. */
function renameFix(model: Model, symbol: ArchSymbol, to: string): Fix {
  const edits = [{ uri: symbol.uri, start: symbol.nameSpan.start, end: symbol.nameSpan.end, newText: to }];
  for (const r of referencesTo(model, symbol)) edits.push({ uri: r.uri, start: r.start, end: r.end, newText: to });
  return { title: `Rename to \`${to}\``, edits };
}

export default defineRule({
  id: "schema/naming-convention",
  category: "schema",
  severity: "warning",
  summary: "Column and table names are snake_case; entity names are PascalCase.",
  fixable: true,
  scope: "file",
  docs: {
    why: "PostgreSQL folds unquoted identifiers to lower case, so a column called `createdAt` must be written `\"createdAt\"`, quotes included, in every query, view and migration forever after, and forgetting them yields \"column createdat does not exist\". snake_case column and table names need no quoting. Entity names are PascalCase like the other type names of the model (their tables are named in snake_case automatically); a misnamed entity is only reported as info, since its table name is unaffected.",
    incorrect: `service Catalog {
  entity Product {
    id        uuid @id @default(uuid)
    createdAt timestamptz
  }
}`,
    correct: `service Catalog {
  entity Product {
    id         uuid @id @default(uuid)
    created_at timestamptz
  }
}`,
    fix: "Renames the column or entity and every reference to it in the workspace. Review before applying: an entity's columns are also the JSON fields of the API that returns it.",
    sources: ["schemalint name-casing", "pg-index-health ColumnsNotFollowingNamingConventionCheckOnHost, ObjectsNotFollowingNamingConventionCheckOnHost", "PostgreSQL wiki Don't Do This: Don't use upper case table or column names"],
  },
  check({ model, report }) {
    for (const entity of tables(model)) {
      const name = entity.symbol.name;
      if (name && !PASCAL.test(name)) {
        const to = pascalCase(name);
        const clash = model.byName.has(to);
        report({
          uri: entity.uri,
          ...nameSpan(entity),
          severity: "info",
          message: `Entity \`${name}\` is not PascalCase${PASCAL.test(to) && !clash ? `: \`${to}\`` : ""}.`,
          fixes: PASCAL.test(to) && !clash ? [renameFix(model, entity.symbol, to)] : [],
        });
      }
      const explicit = tableAttrs(entity, "table")[0]?.args[0];
      if (explicit && explicit.argKind === "string" && !SNAKE.test(entity.tableName)) {
        const to = splitWords(entity.tableName).join("_");
        report({
          uri: entity.uri,
          start: explicit.start,
          end: explicit.end,
          message: `Table name \`${entity.tableName}\` is not snake_case${/[A-Z]/.test(entity.tableName) ? " and must be quoted in every query" : ""}.`,
          fixes: SNAKE.test(to) ? [{ title: `Change to \`"${to}"\``, edits: [{ uri: entity.uri, start: explicit.start, end: explicit.end, newText: `"${to}"` }] }] : [],
        });
      }
      const columns = new Set(entity.fields.map((f) => f.symbol.name));
      for (const field of entity.fields) {
        const column = field.symbol.name;
        if (!column || SNAKE.test(column)) continue;
        const to = splitWords(column).join("_");
        const ok = SNAKE.test(to) && !columns.has(to);
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `Column \`${column}\` is not snake_case${/[A-Z]/.test(column) ? " and must be quoted in every query" : ""}${ok ? `: \`${to}\`` : ""}.`,
          fixes: ok ? [renameFix(model, field.symbol, to)] : [],
        });
      }
    }
  },
});
