// schema/imprecise-numeric: money is not stored in binary floats or the `money` type.

import { defineRule } from "../../rule";
import { fieldSpan } from "../../spans";
import { nameWords, replaceTypeEdit, tables } from "./support/tables";

/** Words of a column name that say it holds an amount of money. */
const MONEY_WORDS = new Set([
  "price", "prices", "cost", "costs", "amount", "amounts", "total", "totals", "subtotal", "balance", "balances",
  "fee", "fees", "tax", "taxes", "vat", "discount", "salary", "wage", "wages", "payment", "payout", "refund",
  "revenue", "budget", "charge", "credit", "debit", "cents", "money", "spend", "earnings", "tip", "fare",
]);
/** Words that make a name a measurement or a ratio, even next to a money word (`total_weight`, `tax_rate`). */
const MEASURE_WORDS = new Set([
  "rate", "ratio", "percent", "percentage", "pct", "score", "weight", "distance", "length", "width", "height",
  "depth", "duration", "seconds", "ms", "latitude", "longitude", "lat", "lng", "lon", "temperature", "volume", "size", "factor",
]);
const FLOATS = new Set(["float", "double"]);

const DECIMAL = "decimal(12, 2)";

export default defineRule({
  id: "schema/imprecise-numeric",
  category: "schema",
  severity: "warning",
  summary: "Amounts of money are `decimal(p, s)`, never `float`, `double` or `money`.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Binary floating point cannot represent most decimal fractions: 0.1 + 0.2 is not 0.3, sums drift by cents and equality tests fail (\"Rounding Errors\"). PostgreSQL's `money` type formats and parses according to the server's `lc_monetary` locale, has a fixed scale and no currency, and changes meaning when a dump is restored elsewhere. `decimal(p, s)` is exact. The rule reports every `money` column, and `float`/`double` columns whose name says they hold an amount (price, cost, amount, total, balance, fee, tax, …) unless the name also says it is a rate or measurement (`tax_rate`, `total_weight`): measurements are legitimately floats.",
    incorrect: `service Ledger {
  entity Account {
    id        uuid @id @default(uuid)
    balance   money
    unit_cost float
  }
}`,
    correct: `service Ledger {
  entity Account {
    id        uuid           @id @default(uuid)
    balance   decimal(12, 2)
    unit_cost decimal(12, 2)
  }
}`,
    fix: "Changes the type to `decimal(12, 2)`, keeping `[]` and `?`. Review the precision and scale: some currencies and unit prices need more than two decimals.",
    sources: ["Bill Karwin, SQL Antipatterns: Rounding Errors", "sqlcheck 2001 Imprecise Data Type", "PostgreSQL wiki Don't Do This: Don't use money", "pg-index-health ColumnsWithMoneyTypeCheckOnHost"],
  },
  check({ model, report, text }) {
    for (const entity of tables(model)) {
      for (const field of entity.fields) {
        const builtin = field.type.builtin;
        if (!builtin) continue;
        const words = nameWords(field.symbol.name);
        let message: string | undefined;
        if (builtin === "money") {
          message = `\`${field.symbol.name}\` uses \`money\`, whose format and parsing depend on the server's locale; use \`${DECIMAL}\`.`;
        } else if (FLOATS.has(builtin) && words.some((w) => MONEY_WORDS.has(w)) && !words.some((w) => MEASURE_WORDS.has(w))) {
          message = `\`${field.symbol.name}\` holds an amount in \`${builtin}\`, a binary floating-point type that rounds decimal fractions; use \`${DECIMAL}\`.`;
        }
        if (!message) continue;
        report({
          uri: entity.uri,
          ...fieldSpan(field),
          message,
          fixes: [{ title: `Change to \`${DECIMAL}\``, preferred: true, edits: [replaceTypeEdit(field, text(entity.uri), DECIMAL)] }],
        });
      }
    }
  },
});
