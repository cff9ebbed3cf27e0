// Every REST rule's docs examples behave: `incorrect` reports at least once,
// `correct` reports nothing, and both are valid models. Also checks that each
// rule's quick fixes have at most one preferred fix and leave a model that parses.

import { describe, expect, it } from "vitest";
import { REST_RULES } from "./index";
import { applyEdits, runRule } from "../../../../../test/support/rule-tester";
import { parse } from "../../../syntax/parser";

const errors = (all: { severity: string; code: string; message: string }[]) =>
  all.filter((d) => d.severity === "error" && /^(syntax|name|type|model)\//.test(d.code)).map((d) => `${d.code}: ${d.message}`);

describe("REST rule docs", () => {
  for (const rule of REST_RULES) {
    describe(rule.id, () => {
      it("has an id in its category and a summary", () => {
        expect(rule.id.startsWith("rest/")).toBe(true);
        expect(rule.category).toBe("rest");
        expect(rule.summary.length).toBeGreaterThan(10);
        expect(rule.docs.why.length).toBeGreaterThan(40);
      });
      it("incorrect example reports", () => {
        const { diagnostics, all } = runRule(rule, rule.docs.incorrect);
        expect(errors(all)).toEqual([]);
        expect(diagnostics.length).toBeGreaterThan(0);
      });
      it("correct example is clean", () => {
        const { diagnostics, all } = runRule(rule, rule.docs.correct);
        expect(errors(all)).toEqual([]);
        expect(diagnostics.map((d) => d.message)).toEqual([]);
      });
      it("fixes: at most one preferred, and the result parses", () => {
        const { diagnostics } = runRule(rule, rule.docs.incorrect);
        expect(rule.fixable || diagnostics.every((d) => !d.fixes?.length)).toBe(true);
        for (const d of diagnostics) {
          expect((d.fixes ?? []).filter((f) => f.preferred).length).toBeLessThanOrEqual(1);
          for (const f of d.fixes ?? []) {
            const fixed = applyEdits(rule.docs.incorrect, f.edits);
            expect(parse(fixed, "file:///fixed.arch").diagnostics.filter((x) => x.severity === "error")).toEqual([]);
          }
        }
      });
    });
  }
});
