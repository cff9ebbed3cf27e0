// schema/varchar-255: a length limit comes from the domain, not from habit.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import { postgresTables, replaceTypeEdit } from "./support/tables";

export default defineRule({
  id: "schema/varchar-255",
  category: "schema",
  severity: "info",
  summary: "String columns are not `varchar(255)` by habit: use `text`, or the limit the data really has.",
  fixable: true,
  scope: "file",
  docs: {
    why: "255 is a limit inherited from old MySQL versions (one length byte, index key prefixes); in PostgreSQL it is arbitrary: `varchar(255)` is stored like `text`, and the number only makes longer real-world values (names, addresses, URLs) fail at insert time. Either the data has a known bound (an ISO currency code, an email address's 320 characters) and the column says so, or it has none and `text` is right. Changing the limit later takes a table rewrite or an exclusive lock.",
    incorrect: `service Users {
  entity User {
    id           uuid @id @default(uuid)
    display_name varchar(255)
  }
}`,
    correct: `service Users {
  entity User {
    id           uuid @id @default(uuid)
    display_name text
    email        varchar(320)
  }
}`,
    fix: "Changes the type to `text`. Not applied automatically: where the data has a real bound, write that bound instead.",
    sources: ["PostgreSQL wiki Don't Do This: Don't use varchar(n) by default", "Squawk prefer-text-field", "schemalint prefer-text-to-varchar"],
  },
  check({ model, report, text }) {
    for (const entity of postgresTables(model)) {
      for (const field of entity.fields) {
        if (field.type.builtin !== "varchar" || field.type.args[0] !== 255) continue;
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message: `\`${field.symbol.name}\` is \`varchar(255)\`, a habitual limit rather than one of the data: use \`text\`, or the real bound.`,
          fixes: [{ title: "Change to `text`", edits: [replaceTypeEdit(field, text(entity.uri), "text")] }],
        });
      }
    }
  },
});
