// The data-driven tester every rule's test file uses:
//   valid:   models on which the rule reports nothing;
//   invalid: models whose `// expect: rule/id` markers say on which lines it reports,
//            optionally with `output`, the text after applying every preferred fix
//            (or the first fix when none is preferred).

import { describe, expect, it } from "vitest";
import { analyze, lint, LineIndex, parse, type AnyRule, type Diagnostic, type TextEdit } from "../../core/src/index";
import { expectationsOf, pairKey } from "./expectations";

export interface InvalidCase {
  name?: string;
  code: string;
  output?: string;
  options?: Record<string, unknown>;
  /** Substrings that the messages must contain, in report order. */
  messages?: string[];
}

export interface ValidCase {
  name?: string;
  code: string;
  options?: Record<string, unknown>;
}

const URI = "file:///test.arch";

export function runRule(rule: AnyRule, code: string, options?: Record<string, unknown>): { diagnostics: Diagnostic[]; all: Diagnostic[] } {
  const model = analyze([parse(code, URI)]);
  const all = lint(model, { rules: [rule], config: options ? { rules: { [rule.id]: { options } } } : {} });
  return { diagnostics: all.filter((d) => d.code === rule.id), all: [...model.diagnostics, ...all] };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Infinity;
  for (const e of sorted) {
    if (e.end > lastStart) continue; // overlapping edits: keep the later one only
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

function errorsOf(all: Diagnostic[]): string[] {
  return all.filter((d) => d.severity === "error" && (d.code.startsWith("syntax/") || d.code.startsWith("name/") || d.code.startsWith("type/") || d.code.startsWith("model/"))).map((d) => `${d.code}: ${d.message}`);
}

export function ruleTester(rule: AnyRule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    cases.valid.forEach((c, i) => {
      const test = typeof c === "string" ? { code: c } : c;
      it(`valid #${i + 1}${test.name ? `: ${test.name}` : ""}`, () => {
        const { diagnostics, all } = runRule(rule, test.code, test.options);
        expect(errorsOf(all), "the case itself must be a valid model").toEqual([]);
        expect(diagnostics.map((d) => d.message)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ""}`, () => {
        const { diagnostics, all } = runRule(rule, c.code, c.options);
        expect(errorsOf(all), "the case itself must be a valid model").toEqual([]);
        const lines = new LineIndex(c.code);
        const want = expectationsOf(c.code).filter((p) => p.id === rule.id).map(pairKey).sort();
        expect(want.length, "an invalid case marks at least one line with // expect: " + rule.id).toBeGreaterThan(0);
        const got = [...new Set(diagnostics.map((d) => pairKey({ line: lines.lineOf(d.start) + 1, id: d.code })))].sort();
        expect(got).toEqual(want);
        if (c.messages) {
          c.messages.forEach((m, k) => expect(diagnostics[k]?.message ?? "").toContain(m));
        }
        if (c.output !== undefined) {
          const edits = diagnostics.flatMap((d) => {
            const fix = d.fixes?.find((f) => f.preferred) ?? d.fixes?.[0];
            return fix ? fix.edits : [];
          });
          expect(applyEdits(c.code, edits)).toBe(c.output);
        }
      });
    });
  });
}
