// Every schema rule: a unique id in its category, and docs examples that behave
// (the incorrect model makes the rule report, the correct one does not, and
// neither has syntax or name errors).

import { describe, expect, it } from "vitest";
import { runRule } from "../../../../../test/support/rule-tester";
import { SCHEMA_RULES } from "./index";

const modelErrors = (all: { severity: string; code: string; message: string }[]) =>
  all.filter((d) => d.severity === "error" && /^(syntax|name|type|model)\//.test(d.code)).map((d) => `${d.code}: ${d.message}`);

describe("schema rules", () => {
  it("have unique schema/ ids", () => {
    const ids = SCHEMA_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SCHEMA_RULES) {
      expect(r.id.startsWith("schema/")).toBe(true);
      expect(r.category).toBe("schema");
    }
  });
  for (const rule of SCHEMA_RULES) {
    it(`${rule.id}: docs.incorrect reports`, () => {
      const { diagnostics, all } = runRule(rule, rule.docs.incorrect);
      expect(modelErrors(all)).toEqual([]);
      expect(diagnostics.length).toBeGreaterThan(0);
    });
    it(`${rule.id}: docs.correct is clean`, () => {
      const { diagnostics, all } = runRule(rule, rule.docs.correct);
      expect(modelErrors(all)).toEqual([]);
      expect(diagnostics.map((d) => d.message)).toEqual([]);
    });
    it(`${rule.id}: fixable matches the fixes offered`, () => {
      const { diagnostics } = runRule(rule, rule.docs.incorrect);
      expect(diagnostics.some((d) => (d.fixes?.length ?? 0) > 0)).toBe(rule.fixable);
    });
  }
});
