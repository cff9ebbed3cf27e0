import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { checkSchema, configSchema, jsonValue, parseConfig, parseJson } from "./config";
import { defineRule, type AnyRule } from "./rule";
import { lint } from "./runner";
import { analyze } from "../semantic/analyze";
import { parse } from "../syntax/parser";

const URI = "file:///project/archwright.json";

const casing = defineRule<{ casing: string; allow: string[] }>({
  id: "rest/path-segment-casing",
  category: "rest",
  severity: "warning",
  summary: "Path segments are kebab-case.",
  fixable: false,
  docs: { why: "w", incorrect: "", correct: "" },
  options: {
    casing: { description: "The casing.", schema: { type: "string", enum: ["kebab", "snake", "camel"] }, default: "kebab" },
    allow: { description: "Segments allowed as they are.", schema: { type: "array", items: { type: "string" } }, default: [] },
  },
  check({ options, model, report }) {
    const api = model.apis[0];
    if (api) report({ uri: api.uri, start: api.decl.start, end: api.decl.start + 3, message: `casing=${options.casing}` });
  },
});
const depth = defineRule<{ maxDepth: number }>({
  id: "arch/sync-call-chain-depth",
  category: "arch",
  severity: "warning",
  summary: "Short chains.",
  fixable: false,
  docs: { why: "w", incorrect: "", correct: "" },
  options: { maxDepth: { description: "Hops.", schema: { type: "integer", minimum: 1 }, default: 3 } },
  check() {},
});
const pagination = defineRule({
  id: "rest/pagination",
  category: "rest",
  severity: "warning",
  summary: "Paginate.",
  fixable: false,
  docs: { why: "w", incorrect: "", correct: "" },
  check() {},
});
const RULES: AnyRule[] = [casing, depth, pagination];

/** The offsets of the `n`th occurrence of `needle` in `text`. */
function span(text: string, needle: string, n = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`${needle} not in text`);
  return { start: at, end: at + needle.length };
}

const summary = (text: string) =>
  parseConfig(text, URI, RULES).diagnostics.map((d) => ({ code: d.code, severity: d.severity, start: d.start, end: d.end, text: text.slice(d.start, d.end) }));

describe("parseJson", () => {
  it("parses values with offsets", () => {
    const text = '{ "a": [1, -2.5e3, true, null], "b": "x\\n\\u00e9" }';
    const { root, error } = parseJson(text);
    expect(error).toBeUndefined();
    expect(jsonValue(root!)).toEqual({ a: [1, -2500, true, null], b: "x\né" });
    expect(root!.kind === "object" && root!.members.map((m) => text.slice(m.keyStart, m.keyEnd))).toEqual(['"a"', '"b"']);
    expect(root!.kind === "object" && text.slice(root!.members[1]!.value.start, root!.members[1]!.value.end)).toBe('"x\\n\\u00e9"');
  });

  it("skips a byte-order mark", () => {
    expect(parseJson("\ufeff{}").error).toBeUndefined();
  });

  it.each([
    ['{ "a": 1, }', "Trailing commas", ","],
    ['{ "a": 1 // note\n}', "Comments", "//"],
    ['{ "a": "x }', "Unterminated", '"x }'],
    ['{ "a" 1 }', "Expected `:`", "1"],
    ["{ 'a': 1 }", "double quotes", "'"],
    ['{ "a": tru }', "found `tru`", "tru"],
    ['{ "a": 01 }', "Invalid number", "01"],
    ['{ "a": 1 } x', "Unexpected text", "x"],
    ['{ "a": [1 2] }', "Expected `,` or `]`", "2"],
  ])("reports %s", (text, message, where) => {
    const { error } = parseJson(text);
    expect(error?.message).toContain(message);
    expect(text.slice(error!.start, error!.end)).toBe(where);
  });

  it("reports the end of the file", () => {
    const { error } = parseJson('{ "a": ');
    expect(error).toEqual({ message: "Expected a value, found the end of the file.", start: 7, end: 7 });
    expect(parseJson("").error?.start).toBe(0);
  });
});

describe("checkSchema", () => {
  it("checks types, enums, bounds, items and properties", () => {
    expect(checkSchema("kebab", { type: "string", enum: ["kebab", "snake"] })).toBeUndefined();
    expect(checkSchema("pascal", { type: "string", enum: ["kebab", "snake"] })).toContain("one of");
    expect(checkSchema(3, { type: "string" })).toBe("expected a string, found a whole number");
    expect(checkSchema(3, { type: "number" })).toBeUndefined();
    expect(checkSchema(2.5, { type: "integer" })).toContain("expected a whole number");
    expect(checkSchema(0, { type: "integer", minimum: 1 })).toBe("expected a number ≥ 1");
    expect(checkSchema(["a", 1], { type: "array", items: { type: "string" } })).toBe("expected a string at `[1]`, found a whole number");
    expect(checkSchema({ a: 1, b: 2 }, { type: "object", properties: { a: { type: "integer" } }, additionalProperties: false })).toBe("unknown property `b`");
    expect(checkSchema("x", { anyOf: [{ type: "integer" }, { type: "string", pattern: "^x$" }] })).toBeUndefined();
    expect(checkSchema(true, { anyOf: [{ type: "integer" }, { type: "string" }] })).toContain("expected");
  });
});

describe("parseConfig", () => {
  it("maps settings onto LintConfig", () => {
    const text = `{
  "$schema": "./schemas/archwright.schema.json",
  "rules": {
    "rest/pagination": "off",
    "arch/sync-call-chain-depth": { "options": { "maxDepth": 5 } },
    "rest/path-segment-casing": { "severity": "error", "options": { "casing": "snake", "allow": ["v1_legacy"] } }
  }
}`;
    const { config, diagnostics } = parseConfig(text, URI, RULES);
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      rules: {
        "rest/pagination": "off",
        "arch/sync-call-chain-depth": { options: { maxDepth: 5 } },
        "rest/path-segment-casing": { severity: "error", options: { casing: "snake", allow: ["v1_legacy"] } },
      },
    });
  });

  it("accepts an empty object", () => {
    expect(parseConfig("{}\n", URI, RULES)).toEqual({ config: {}, diagnostics: [] });
  });

  it("reports a JSON syntax error once, at its place, and applies nothing", () => {
    const text = '{ "rules": { "rest/pagination": "off", } }';
    const { config, diagnostics } = parseConfig(text, URI, RULES);
    expect(config).toEqual({});
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ uri: URI, severity: "error", code: "config/syntax", ...span(text, ",", 0) });
  });

  it("reports a root that is not an object", () => {
    expect(summary("[]")).toEqual([{ code: "config/invalid", severity: "error", start: 0, end: 2, text: "[]" }]);
  });

  it("reports unknown top-level keys with a did-you-mean fix", () => {
    const text = '{ "rule": {} }';
    const { diagnostics } = parseConfig(text, URI, RULES);
    expect(diagnostics).toMatchObject([{ code: "config/unknown-key", severity: "warning", ...span(text, '"rule"') }]);
    expect(diagnostics[0]!.message).toContain("Did you mean `rules`?");
    expect(diagnostics[0]!.fixes).toEqual([{ title: 'Change to "rules"', preferred: true, edits: [{ uri: URI, ...span(text, '"rule"'), newText: '"rules"' }] }]);
  });

  it("reports unknown rule ids with did-you-mean, and drops them", () => {
    const text = '{\n  "rules": {\n    "rest/pagnation": "off",\n    "rest/nothing-like-this": "error"\n  }\n}';
    const { config, diagnostics } = parseConfig(text, URI, RULES);
    expect(config).toEqual({ rules: {} });
    expect(diagnostics).toMatchObject([
      { code: "config/unknown-rule", severity: "warning", ...span(text, '"rest/pagnation"'), message: "There is no rule `rest/pagnation`. Did you mean `rest/pagination`?" },
      { code: "config/unknown-rule", severity: "warning", ...span(text, '"rest/nothing-like-this"'), message: "There is no rule `rest/nothing-like-this`." },
    ]);
    expect(diagnostics[0]!.fixes?.[0]?.edits[0]?.newText).toBe('"rest/pagination"');
    expect(diagnostics[1]!.fixes).toBeUndefined();
  });

  it("reports bad severities at the value", () => {
    const text = '{ "rules": { "rest/pagination": "warn", "arch/sync-call-chain-depth": 2, "rest/path-segment-casing": { "severity": "fatal" } } }';
    const { config, diagnostics } = parseConfig(text, URI, RULES);
    expect(summary(text)).toEqual([
      { code: "config/invalid-severity", severity: "error", ...span(text, '"warn"'), text: '"warn"' },
      { code: "config/invalid", severity: "error", ...span(text, "2"), text: "2" },
      { code: "config/invalid-severity", severity: "error", ...span(text, '"fatal"'), text: '"fatal"' },
    ]);
    expect(diagnostics[0]!.message).toContain("Did you mean `warning`?");
    expect(config).toEqual({ rules: { "rest/path-segment-casing": {} } });
  });

  it("reports unknown keys and options, and option values that fail their schema", () => {
    const text = `{
  "rules": {
    "rest/path-segment-casing": { "severty": "error", "options": { "casng": "snake", "allow": "v1" } },
    "arch/sync-call-chain-depth": { "options": { "maxDepth": 0 } },
    "rest/pagination": { "options": { "size": 10 } }
  }
}`;
    const { config, diagnostics } = parseConfig(text, URI, RULES);
    expect(summary(text)).toEqual([
      { code: "config/unknown-key", severity: "warning", ...span(text, '"severty"'), text: '"severty"' },
      { code: "config/unknown-option", severity: "warning", ...span(text, '"casng"'), text: '"casng"' },
      { code: "config/invalid-option", severity: "error", ...span(text, '"v1"'), text: '"v1"' },
      { code: "config/invalid-option", severity: "error", ...span(text, "0 }"), end: span(text, "0 }").start + 1, text: "0" },
      { code: "config/unknown-option", severity: "warning", ...span(text, '"size"'), text: '"size"' },
    ]);
    expect(diagnostics[0]!.message).toContain("Did you mean `severity`?");
    expect(diagnostics[1]!.message).toBe("`rest/path-segment-casing` has no option `casng`: its options are `casing`, `allow`. Did you mean `casing`?");
    expect(diagnostics[2]!.message).toBe("Invalid value for `rest/path-segment-casing` option `allow`: expected an array, found a string. The default, [], applies.");
    expect(diagnostics[3]!.message).toContain("expected a number ≥ 1");
    expect(diagnostics[4]!.message).toContain("it has no options");
    expect(config).toEqual({ rules: { "rest/path-segment-casing": { options: {} }, "arch/sync-call-chain-depth": { options: {} }, "rest/pagination": { options: {} } } });
  });

  it("reports duplicate keys; the last one wins", () => {
    const text = '{ "rules": { "rest/pagination": "off", "rest/pagination": "error" } }';
    const { config, diagnostics } = parseConfig(text, URI, RULES);
    expect(diagnostics).toMatchObject([{ code: "config/duplicate-key", severity: "warning", ...span(text, '"rest/pagination"', 1) }]);
    expect(config).toEqual({ rules: { "rest/pagination": "error" } });
  });

  it("drives the runner: severities, off and options", () => {
    const model = analyze([parse('service S {\n  api "/v1" {\n    GET /a -> 200\n  }\n}\n', "file:///s.arch")]);
    const run = (text: string) => lint(model, { rules: RULES, config: parseConfig(text, URI, RULES).config }).filter((d) => d.code === casing.id);
    expect(run("{}").map((d) => [d.severity, d.message])).toEqual([["warning", "casing=kebab"]]);
    expect(run('{ "rules": { "rest/path-segment-casing": { "severity": "info", "options": { "casing": "snake" } } } }').map((d) => [d.severity, d.message])).toEqual([["info", "casing=snake"]]);
    expect(run('{ "rules": { "rest/path-segment-casing": { "options": { "casing": "SNAKE" } } } }').map((d) => d.message)).toEqual(["casing=kebab"]);
    expect(run('{ "rules": { "rest/path-segment-casing": "off" } }')).toEqual([]);
  });
});

describe("configSchema", () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(configSchema(RULES));

  it("accepts what parseConfig accepts", () => {
    const good = {
      $schema: "x",
      rules: { "rest/pagination": "off", "arch/sync-call-chain-depth": { severity: "hint", options: { maxDepth: 4 } }, "rest/path-segment-casing": { options: { casing: "camel" } } },
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(parseConfig(JSON.stringify(good), URI, RULES).diagnostics).toEqual([]);
  });

  it.each([
    { rules: { "rest/pagnation": "off" } },
    { rules: { "rest/pagination": "warn" } },
    { rules: { "rest/pagination": { options: { size: 1 } } } },
    { rules: { "rest/path-segment-casing": { options: { casing: "upper" } } } },
    { rules: { "arch/sync-call-chain-depth": { options: { maxDepth: 0 } } } },
    { rule: {} },
  ])("rejects what parseConfig reports: %j", (bad) => {
    expect(validate(bad)).toBe(false);
    expect(parseConfig(JSON.stringify(bad), URI, RULES).diagnostics.length).toBeGreaterThan(0);
  });

  it("describes each rule with its default severity and options", () => {
    const schema = configSchema(RULES) as { properties: { rules: { properties: Record<string, { default: string; anyOf: { properties?: { options: { properties: Record<string, { default: unknown }> } } }[] }> } } };
    const entry = schema.properties.rules.properties["rest/path-segment-casing"]!;
    expect(entry.default).toBe("warning");
    expect(entry.anyOf[1]!.properties!.options.properties.casing!.default).toBe("kebab");
  });
});
