// schema/timestamp-without-time-zone: points in time are `timestamptz`.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import { postgresTables } from "./support/tables";

export default defineRule({
  id: "schema/timestamp-without-time-zone",
  category: "schema",
  severity: "warning",
  summary: "Timestamp columns are `timestamptz`, not `timestamp`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "PostgreSQL's `timestamp` (without time zone) stores a wall-clock reading, not an instant: the same value means different moments for servers, sessions and clients in different zones, comparisons across a DST change go wrong, and arithmetic on it ignores offsets. `timestamptz` stores an instant (as UTC) and converts on input and output; it takes the same 8 bytes. An array column is judged by its element type.",
    incorrect: `service Inventory {
  entity StockMove {
    id       uuid @id @default(uuid)
    moved_at timestamp
  }
}`,
    correct: `service Inventory {
  entity StockMove {
    id       uuid @id @default(uuid)
    moved_at timestamptz
  }
}`,
    fix: "Changes the type to `timestamptz`. Safe for the model; when migrating existing data, PostgreSQL interprets the old values in the session's time zone, so set it to the zone they were written in.",
    sources: ["Squawk prefer-timestamptz", "schemalint prefer-timestamptz-to-timestamp", "pg-index-health ColumnsWithTimestampOrTimetzTypeCheckOnHost", "PostgreSQL wiki Don't Do This: Don't use timestamp (without time zone)"],
  },
  check({ model, report }) {
    for (const entity of postgresTables(model)) {
      for (const field of entity.fields) {
        if (field.type.builtin !== "timestamp") continue;
        const name = field.decl.type.name;
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `\`${field.symbol.name}\` is a \`timestamp\` without time zone: it stores a wall-clock reading, not an instant; use \`timestamptz\`.`,
          fixes: [{ title: "Change to `timestamptz`", preferred: true, edits: [{ uri: entity.uri, start: name.start, end: name.end, newText: "timestamptz" }] }],
        });
      }
    }
  },
});
