import { describe, expect, it } from "vitest";
import { analyze, lint, parse } from "../index";
import { defineRule } from "./rule";
import trailingSlash from "./rules/rest/path-trailing-slash";

const uri = "file:///s.arch";
const model = (text: string) => analyze([parse(text, uri)]);
const codes = (text: string, rules = [trailingSlash]) =>
  lint(model(text), { rules }).map((d) => {
    const line = text.slice(0, d.start).split("\n").length;
    return `${line} ${d.code}`;
  });

const api = (line: string, before = "") => `service S {\n  type T { a text }\n  api "/v1" {\n${before}    ${line}\n  }\n}\n`;

describe("suppressions", () => {
  it("a comment alone on its line suppresses the next line with code", () => {
    expect(codes(api("GET /t/ -> 200 T"))).toEqual(["4 rest/path-trailing-slash"]);
    expect(codes(api("GET /t/ -> 200 T", "    // archwright-ignore rest/path-trailing-slash: legacy clients\n\n    // another comment\n"))).toEqual([]);
  });

  it("a comment after code suppresses its own line", () => {
    expect(codes(api("GET /t/ -> 200 T // archwright-ignore rest/path-trailing-slash: legacy clients"))).toEqual([]);
  });

  it("reports a missing reason, an unknown rule and an unused suppression", () => {
    expect(codes(api("GET /t/ -> 200 T", "    // archwright-ignore rest/path-trailing-slash\n"))).toEqual(["4 suppression/missing-reason"]);
    const unknown = lint(model(api("GET /t -> 200 T", "    // archwright-ignore rest/path-traling-slash: typo\n")), { rules: [trailingSlash] });
    expect(unknown.map((d) => d.code)).toEqual(["suppression/unknown-rule"]);
    expect(unknown[0]!.message).toContain("Did you mean `rest/path-trailing-slash`?");
    expect(unknown[0]!.fixes![0]!.edits[0]!.newText).toBe("rest/path-trailing-slash");
    const unused = lint(model(api("GET /t -> 200 T", "    // archwright-ignore rest/path-trailing-slash: not needed\n")), { rules: [trailingSlash] });
    expect(unused.map((d) => [d.code, d.tags])).toEqual([["suppression/unused", ["unnecessary"]]]);
  });

  it("suppresses only the listed rules", () => {
    const other = defineRule({
      id: "rest/always",
      category: "rest",
      severity: "warning",
      summary: "s",
      fixable: false,
      docs: { why: "w", incorrect: "", correct: "" },
      check: ({ model: m, report }) => {
        for (const ep of m.endpoints) report({ uri: ep.uri, start: ep.decl.start, end: ep.decl.lineEnd, message: "always" });
      },
    });
    expect(codes(api("GET /t/ -> 200 T // archwright-ignore rest/path-trailing-slash: why", ""), [trailingSlash, other])).toEqual(["4 rest/always"]);
    expect(codes(api("GET /t/ -> 200 T // archwright-ignore rest/path-trailing-slash, rest/always: why", ""), [trailingSlash, other])).toEqual([]);
  });
});

describe("the runner", () => {
  it("applies configured severities and options, and turns rules off", () => {
    const m = model(api("GET /t/ -> 200 T"));
    expect(lint(m, { rules: [trailingSlash], config: { rules: { "rest/path-trailing-slash": "error" } } })[0]!.severity).toBe("error");
    expect(lint(m, { rules: [trailingSlash], config: { rules: { "rest/path-trailing-slash": "off" } } })).toEqual([]);
  });

  it("turns a crashing rule into one diagnostic and still runs the others", () => {
    const crashing = defineRule({
      id: "arch/crashes",
      category: "arch",
      severity: "error",
      summary: "s",
      fixable: false,
      docs: { why: "w", incorrect: "", correct: "" },
      check: () => {
        throw new Error("boom");
      },
    });
    const result = lint(model(api("GET /t/ -> 200 T")), { rules: [crashing, trailingSlash] });
    expect(result.map((d) => d.code).sort()).toEqual(["internal/rule-crashed", "rest/path-trailing-slash"]);
    expect(result.find((d) => d.code === "internal/rule-crashed")!.message).toContain("arch/crashes crashed and was skipped: boom");
  });

  it("marks at most one fix per diagnostic as preferred", () => {
    const twoPreferred = defineRule({
      id: "rest/two",
      category: "rest",
      severity: "warning",
      summary: "s",
      fixable: true,
      docs: { why: "w", incorrect: "", correct: "" },
      check: ({ model: m, report }) => {
        const ep = m.endpoints[0]!;
        const fix = (title: string) => ({ title, preferred: true, edits: [] });
        report({ uri: ep.uri, start: ep.decl.start, end: ep.decl.lineEnd, message: "m", fixes: [fix("a"), fix("b")] });
      },
    });
    const [d] = lint(model(api("GET /t -> 200 T")), { rules: [twoPreferred] });
    expect(d!.fixes!.map((f) => f.preferred)).toEqual([true, false]);
  });
});

describe("file-scoped rules", () => {
  it("report the same for a file whether they see the workspace or just that file", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { generateWorkspace } = await import("../../../bench/generate-model");
    const { RULES } = await import("./registry");
    const files = generateWorkspace(40, 5).files.map((f) => parse(f.text, `file:///ws/${f.name}`));
    for (const name of ["shop.arch", "antipatterns.arch"]) files.push(parse(readFileSync(join(__dirname, "../../../examples", name), "utf8"), `file:///ex/${name}`));
    const m = analyze(files);
    const fileRules = RULES.filter((r) => r.scope === "file");
    expect(fileRules.length).toBeGreaterThan(30);
    const ids = new Set<string>(fileRules.map((r) => r.id));
    const key = (d: { uri: string; start: number; end: number; code: string; message: string }) => `${d.uri} ${d.start} ${d.end} ${d.code} ${d.message}`;
    const full = lint(m).filter((d) => ids.has(d.code));
    for (const f of files) {
      const alone = lint(m, { onlyUri: f.uri }).filter((d) => ids.has(d.code));
      expect(alone.map(key)).toEqual(full.filter((d) => d.uri === f.uri).map(key));
    }
  });
});
