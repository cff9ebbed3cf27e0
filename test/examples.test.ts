// The example models do what they promise: antipatterns.arch reports exactly
// what its `// expect:` markers say (as its header describes), shop.arch is clean.
// Both the shared originals and the copies in examples/ are checked.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { analyze, check, LineIndex, parse, RULES, type Diagnostic } from "../core/src/index";
import { expectationsOf, pairKey } from "./support/expectations";

const SHARED = resolve(__dirname, "../../shared/examples");
const LOCAL = resolve(__dirname, "../examples");

function checkFile(path: string): { text: string; diagnostics: Diagnostic[]; lines: LineIndex } {
  const text = readFileSync(path, "utf8");
  const model = analyze([parse(text, pathToFileURL(path).href)]);
  return { text, diagnostics: check(model), lines: new LineIndex(text) };
}

const describeDiagnostic = (d: Diagnostic, lines: LineIndex) => `${lines.lineOf(d.start) + 1} ${d.code} (${d.severity}): ${d.message}`;

describe.each([
  ["shared/examples", SHARED],
  ["examples", LOCAL],
])("%s", (_, dir) => {
  describe("antipatterns.arch", () => {
    const path = join(dir, "antipatterns.arch");

    it("exists and has expectations", () => {
      expect(existsSync(path), path).toBe(true);
      expect(expectationsOf(readFileSync(path, "utf8")).length).toBeGreaterThan(0);
    });

    it("reports exactly the expected errors and warnings, and every listed info or hint", () => {
      const { text, diagnostics, lines } = checkFile(path);
      const expected = expectationsOf(text);
      const expectedKeys = new Set(expected.map(pairKey));
      const pair = (d: Diagnostic) => pairKey({ line: lines.lineOf(d.start) + 1, id: d.code });
      const reported = new Set(diagnostics.map(pair));

      // Every marker's rule must exist: a typo in a marker is a broken fixture.
      const known = new Set<string>(RULES.map((r) => r.id));
      expect(expected.filter((p) => !known.has(p.id)).map(pairKey), "markers naming rules that are not registered").toEqual([]);

      const missing = expected.filter((p) => !reported.has(pairKey(p))).map(pairKey);
      const unexpected = [...new Set(diagnostics.filter((d) => (d.severity === "error" || d.severity === "warning") && !expectedKeys.has(pair(d))).map((d) => describeDiagnostic(d, lines)))];
      expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
    });
  });

  describe("shop.arch", () => {
    const path = join(dir, "shop.arch");

    it("has no errors and no warnings", () => {
      const { diagnostics, lines } = checkFile(path);
      expect(diagnostics.filter((d) => d.severity === "error" || d.severity === "warning").map((d) => describeDiagnostic(d, lines))).toEqual([]);
    });

    it("makes no rule report anything, at any severity", () => {
      const { diagnostics, lines } = checkFile(path);
      const ruleIds = new Set<string>(RULES.map((r) => r.id));
      expect(diagnostics.filter((d) => ruleIds.has(d.code)).map((d) => describeDiagnostic(d, lines))).toEqual([]);
    });
  });
});

