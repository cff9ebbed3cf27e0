import { describe, expect, it } from "vitest";
import { sarifErrors } from "../../../test/support/validate-sarif";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { LineIndex } from "../text/line-index";
import { docsUrl, defineRule, type AnyRule } from "./rule";
import { RULES } from "./registry";
import { toSarif } from "./sarif";

const A = "file:///work/app/models/a.arch";
const B = "file:///elsewhere/b.arch";
const textA = "service S {\n  api \"/v1\" {\n    GET /getUsers -> 200 U[]\n  }\n}\n// é😀 x\n";
const texts: Record<string, string> = { [A]: textA, [B]: "x" };

const rule = defineRule({
  id: "rest/verb-in-path",
  category: "rest",
  severity: "warning",
  summary: "Paths name resources, not `actions`.",
  fixable: true,
  docs: { why: "Use `GET /users`.", incorrect: "a", correct: "b", fix: "f" },
  check() {},
});
const other = defineRule<{ max: number }>({
  id: "arch/sync-call-chain-depth",
  category: "arch",
  severity: "info",
  summary: "Short chains.",
  fixable: false,
  docs: { why: "w", incorrect: "a", correct: "b" },
  options: { max: { description: "d", schema: { type: "integer" }, default: 3 } },
  check() {},
});

const get = textA.indexOf("GET");
const getUsers = textA.indexOf("/getUsers");
const emoji = textA.indexOf("x\n", textA.indexOf("😀"));
const diagnostics: Diagnostic[] = [
  {
    uri: A,
    start: get,
    end: textA.indexOf("\n", get),
    severity: "warning",
    code: "rest/verb-in-path",
    message: "`get` is an HTTP method.",
    related: [{ uri: A, start: 0, end: 7, message: "here" }],
    fixes: [{ title: "Rename to /users", preferred: true, edits: [{ uri: A, start: getUsers, end: getUsers + 9, newText: "/users" }] }],
  },
  { uri: A, start: emoji, end: emoji + 1, severity: "error", code: "syntax/unexpected", message: "Unexpected `x`." },
  { uri: B, start: 0, end: 0, severity: "hint", code: "suppression/unused", message: "Unused." },
];

const log = toSarif(diagnostics, {
  toolVersion: "1.2.3",
  rules: [rule, other],
  artifact: (uri) => (uri === A ? { uri: "models/a.arch", uriBaseId: "%SRCROOT%" } : { uri }),
  lines: (uri) => (texts[uri] !== undefined ? new LineIndex(texts[uri]) : undefined),
  srcRoot: "file:///work/app/",
});
type Run = {
  tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri?: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
  results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[]; fixes?: unknown[]; relatedLocations?: unknown[] }[];
};
const run = (log.runs as Run[])[0]!;

describe("toSarif", () => {
  it("is valid against the SARIF 2.1.0 schema", () => {
    expect(log.version).toBe("2.1.0");
    expect(sarifErrors(log)).toEqual([]);
  });

  it("describes the tool and every rule, with help links", () => {
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: "Archwright", version: "1.2.3", semanticVersion: "1.2.3" });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r) => r.id)).toEqual(["rest/verb-in-path", "arch/sync-call-chain-depth", "suppression/unused", "syntax/unexpected"]);
    expect(driver.rules[0]).toMatchObject({
      shortDescription: { text: "Paths name resources, not actions." },
      fullDescription: { text: "Use GET /users." },
      helpUri: docsUrl("rest/verb-in-path"),
      defaultConfiguration: { level: "warning" },
    });
    expect(driver.rules[1]!.defaultConfiguration.level).toBe("note");
    expect(driver.rules[3]).toMatchObject({ id: "syntax/unexpected", defaultConfiguration: { level: "error" } });
    expect(driver.rules[3]!.helpUri).toBeUndefined();
  });

  it("reports results with rule indexes, levels and 1-based UTF-16 regions", () => {
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ["rest/verb-in-path", 0, "warning"],
      ["syntax/unexpected", 3, "error"],
      ["suppression/unused", 2, "note"],
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    const [first, second, third] = run.results;
    expect(first!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "models/a.arch", uriBaseId: "%SRCROOT%" },
      region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 29 },
    });
    // `// é😀 x`: the emoji is two UTF-16 code units.
    expect(second!.locations[0]!.physicalLocation.region).toEqual({ startLine: 6, startColumn: 8, endLine: 6, endColumn: 9 });
    expect(third!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: B });
    expect(first!.message.text).toBe("`get` is an HTTP method.");
  });

  it("carries fixes and related locations", () => {
    const first = run.results[0]!;
    expect(first.fixes).toEqual([
      {
        description: { text: "Rename to /users" },
        artifactChanges: [
          {
            artifactLocation: { uri: "models/a.arch", uriBaseId: "%SRCROOT%" },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 9, endLine: 3, endColumn: 18 }, insertedContent: { text: "/users" } }],
          },
        ],
      },
    ]);
    expect(first.relatedLocations).toHaveLength(1);
  });

  it("describes the whole registry by default, and stays valid with no results", () => {
    const empty = toSarif([], { toolVersion: "dev", artifact: (uri) => ({ uri }), lines: () => undefined });
    expect(sarifErrors(empty)).toEqual([]);
    const rules = (empty.runs as Run[])[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r: AnyRule) => r.id));
  });

  it("the validator rejects a broken log", () => {
    expect(sarifErrors({ version: "2.1.0", runs: [{ tool: { driver: {} } }] }).length).toBeGreaterThan(0);
    expect(sarifErrors({ ...log, runs: [{ ...run, results: [{ ...run.results[0], level: "fatal" }] }] }).length).toBeGreaterThan(0);
  });
});
