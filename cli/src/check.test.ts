// `archwright check` in-process: archwright.json discovery and reporting, and SARIF output.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sarifErrors } from "../../test/support/validate-sarif";
import { findConfig, runCheck, type CheckArgs, type JsonDiagnostic } from "./check";
import { UsageError } from "./files";
import { main } from "./main";
import { RULES } from "../../core/src/index";

const tmp = mkdtempSync(join(tmpdir(), "archwright-check-"));

// One rest/path-trailing-slash warning (line 4), otherwise clean for that rule.
const MODEL = 'service S {\n  type T { name text }\n  api "/v1" {\n    GET /tags/ -> 200 T\n  }\n}\n';

function project(name: string, config?: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, "models", "deep"), { recursive: true });
  writeFileSync(join(dir, "models", "deep", "a.arch"), MODEL);
  if (config !== undefined) writeFileSync(join(dir, "archwright.json"), config);
  return dir;
}

function check(args: Partial<CheckArgs> & { paths: string[] }): { code: number; rows: JsonDiagnostic[] } {
  let text = "";
  const code = runCheck({ format: "json", ...args }, (s) => (text += s));
  return { code, rows: JSON.parse(text) as JsonDiagnostic[] };
}

/** Every other rule off, so that results do not depend on which rules exist. */
const only = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ rules: { ...Object.fromEntries(RULES.filter((r) => r.id !== "rest/path-trailing-slash").map((r) => [r.id, "off"])), ...extra } });

const slash = (rows: JsonDiagnostic[]) => rows.filter((r) => r.code === "rest/path-trailing-slash").map((r) => [r.file, r.line, r.severity]);

describe("archwright.json", () => {
  it("is found upward from the first model file", () => {
    const dir = project("found", '{ "rules": { "rest/path-trailing-slash": "error" } }');
    expect(findConfig(join(dir, "models", "deep"))).toBe(join(dir, "archwright.json"));
    const { code, rows } = check({ paths: [join(dir, "models")], cwd: dir });
    expect(slash(rows)).toEqual([[join("models", "deep", "a.arch"), 4, "error"]]);
    expect(code).toBe(1);
  });

  it("applies defaults without one, and `off` turns a rule off", () => {
    const none = project("none");
    expect(slash(check({ paths: [none], cwd: none }).rows)).toEqual([[join("models", "deep", "a.arch"), 4, "warning"]]);
    const off = project("off", '{ "rules": { "rest/path-trailing-slash": "off" } }');
    expect(slash(check({ paths: [off], cwd: off }).rows)).toEqual([]);
  });

  it("reports its own problems on the config file, counting errors", () => {
    const config = '{\n  "rules": {\n    "rest/path-trailing-slsh": "off",\n    "rest/path-trailing-slash": "fatal"\n  }\n}\n';
    const dir = project("broken", config);
    const { code, rows } = check({ paths: [dir], cwd: dir });
    const own = rows.filter((r) => r.file === "archwright.json");
    expect(own.map((r) => [r.line, r.column, r.endColumn, r.severity, r.code])).toEqual([
      [3, 5, 30, "warning", "config/unknown-rule"],
      [4, 33, 40, "error", "config/invalid-severity"],
    ]);
    expect(own[0]!.message).toContain("Did you mean `rest/path-trailing-slash`?");
    expect(code).toBe(1);
    // The broken setting is dropped: the rule keeps its default severity.
    expect(slash(rows)).toEqual([[join("models", "deep", "a.arch"), 4, "warning"]]);
  });

  it("reports invalid JSON once, and applies nothing from it", () => {
    const dir = project("syntax", '{ "rules": { "rest/path-trailing-slash": "off", } }');
    const { code, rows } = check({ paths: [dir], cwd: dir });
    expect(rows.filter((r) => r.file === "archwright.json").map((r) => [r.line, r.column, r.code])).toEqual([[1, 47, "config/syntax"]]);
    expect(slash(rows)).toHaveLength(1);
    expect(code).toBe(1);
  });

  it("--config overrides the nearest one", () => {
    const dir = project("explicit", '{ "rules": { "rest/path-trailing-slash": "off" } }');
    writeFileSync(join(dir, "strict.json"), '{ "rules": { "rest/path-trailing-slash": "hint" } }');
    expect(slash(check({ paths: [dir], cwd: dir, config: join(dir, "strict.json") }).rows)).toEqual([[join("models", "deep", "a.arch"), 4, "hint"]]);
    expect(() => check({ paths: [dir], cwd: dir, config: join(dir, "nope.json") })).toThrow(UsageError);
  });
});

describe("--format sarif", () => {
  it("emits a valid SARIF 2.1.0 log with model and config results", () => {
    const dir = project("sarif", only({ "rest/nope": "off" }));
    let text = "";
    const code = runCheck({ paths: [dir], cwd: dir, format: "sarif" }, (s) => (text += s));
    expect(code).toBe(0);
    const log = JSON.parse(text) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toMatch(/^file:\/\/.*\/$/);
    const where = run.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.artifactLocation.uriBaseId, r.locations[0]!.physicalLocation.region.startLine]);
    expect(where).toContainEqual(["config/unknown-rule", "warning", "archwright.json", "%SRCROOT%", 1]);
    expect(where).toContainEqual(["rest/path-trailing-slash", "warning", "models/deep/a.arch", "%SRCROOT%", 4]);
  });

  it("encodes file names as URIs", () => {
    const dir = join(tmp, "spaced");
    mkdirSync(join(dir, "my models"), { recursive: true });
    writeFileSync(join(dir, "my models", "a b#1.arch"), MODEL);
    writeFileSync(join(dir, "archwright.json"), only());
    let text = "";
    runCheck({ paths: [dir], cwd: dir, format: "sarif" }, (s) => (text += s));
    const log = JSON.parse(text);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("my%20models/a%20b%231.arch");
  });

  it("is accepted by the command line, with --config", () => {
    const dir = project("cli", only({ "rest/path-trailing-slash": "off" }));
    let out = "";
    let err = "";
    expect(main(["check", dir, "--format", "sarif", "--config", join(dir, "archwright.json")], (s) => (out += s), (s) => (err += s))).toBe(0);
    expect(err).toBe("");
    expect(sarifErrors(JSON.parse(out))).toEqual([]);
    expect(main(["check", dir, "--format", "xml"], () => {}, (s) => (err += s))).toBe(2);
    expect(err).toContain("text, json or sarif");
  });
});
