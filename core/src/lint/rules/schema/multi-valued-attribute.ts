// schema/multi-valued-attribute: a list of values is not packed into one column ("Jaywalking").

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import { attr, nameWords, tables } from "./support/tables";

const STRING_TYPES = new Set(["text", "varchar", "char"]);
/** Last words of a column name that say it holds several values. */
const LIST_WORDS = new Set(["ids", "uuids", "tags", "list", "csv"]);
const ID_LIST_WORDS = new Set(["ids", "uuids"]);

export default defineRule({
  id: "schema/multi-valued-attribute",
  category: "schema",
  severity: "warning",
  summary: "A list of references or values gets its own table, not a delimited string in one column.",
  fixable: false,
  scope: "file",
  docs: {
    why: "A comma-separated list in a text column (\"Jaywalking\") cannot be indexed, joined or constrained: finding the rows that hold one value needs a pattern match over every row, a foreign key cannot check the ids, the length is bounded by the column, and two concurrent updates of the list overwrite each other. A list of ids kept in an array or a JSON column has the same problem for references: no foreign key can check them. A join table with one row per value (`item_tags(item_id, tag_id)`) has none of these. The rule judges a column by its name (`tag_ids`, `tags`, `email_list`, `recipients_csv` as `text`/`varchar`; `*_ids` as an array or `json`/`jsonb`); an array of plain values such as `tags text[]` is a deliberate PostgreSQL design and is not reported.",
    incorrect: `service Catalog {
  entity Item {
    id      uuid @id @default(uuid)
    tag_ids text
  }
}`,
    correct: `service Catalog {
  entity Item {
    id uuid @id @default(uuid)
  }

  entity Tag {
    id   uuid @id @default(uuid)
    name text @unique
  }

  entity ItemTag {
    item_id uuid @ref(Item.id) @on_delete(cascade)
    tag_id  uuid @ref(Tag.id) @on_delete(cascade) @index

    @@id(item_id, tag_id)
  }
}`,
    fix: "None: move the values to a join table with one row per value, keyed by both references.",
    sources: ["Bill Karwin, SQL Antipatterns: Jaywalking", "sqlcheck 1001 Multi-Valued Attribute"],
  },
  check({ model, report }) {
    for (const entity of tables(model)) {
      for (const field of entity.fields) {
        const t = field.type;
        if (!t.builtin || attr(field, "ref")) continue; // an array with @ref is schema/fk-type-mismatch's
        const words = nameWords(field.symbol.name);
        const last = words[words.length - 1] ?? "";
        let message: string | undefined;
        if (t.array) {
          if (ID_LIST_WORDS.has(last)) message = `\`${field.symbol.name}\` keeps a list of ids in an array: no foreign key can check them and no join can use them; use a join table with one row per id.`;
        } else if (STRING_TYPES.has(t.builtin)) {
          if (LIST_WORDS.has(last)) message = `\`${field.symbol.name}\` looks like a list packed into one \`${t.builtin}\` column: it cannot be indexed, joined or constrained; use a join table with one row per value.`;
        } else if (t.builtin === "json" || t.builtin === "jsonb") {
          if (ID_LIST_WORDS.has(last)) message = `\`${field.symbol.name}\` keeps a list of ids in a JSON column: no foreign key can check them; use a join table with one row per id.`;
        }
        if (message) report({ uri: entity.uri, ...fieldSpan(field), message });
      }
    }
  },
});
