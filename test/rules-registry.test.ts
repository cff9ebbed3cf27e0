// The rule registry's invariants: every rule file is registered once under the
// id its path gives, has a test beside it and complete docs whose examples do
// what they claim; options have valid defaults; and the generated docs, README
// table and archwright.json schema are up to date (`npm run docs:rules`).

import Ajv from "ajv";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, lint, parse, RULES, type AnyRule, type Diagnostic } from "../core/src/index";
import { checkSchema, configSchema, parseConfig } from "../core/src/lint/config";
import { DOCS_DIR, generatedFiles, RULES_END, RULES_START, withReadmeTable } from "../scripts/rule-docs";

const ROOT = join(__dirname, "..");
const RULES_DIR = join(ROOT, "core/src/lint/rules");
const CATEGORIES = ["rest", "schema", "arch"] as const;
const SEVERITIES = ["error", "warning", "info", "hint"];

/** core/src/lint/rules/<category>/<name>.ts, except index.ts, tests and subfolders. */
function ruleFiles(): { category: string; name: string; path: string }[] {
  const out: { category: string; name: string; path: string }[] = [];
  for (const category of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const f of readdirSync(join(RULES_DIR, category.name), { withFileTypes: true })) {
      if (!f.isFile() || !f.name.endsWith(".ts") || f.name.endsWith(".test.ts") || f.name === "index.ts") continue;
      out.push({ category: category.name, name: f.name.slice(0, -3), path: join(RULES_DIR, category.name, f.name) });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function isRule(value: unknown): value is AnyRule {
  return typeof value === "object" && value !== null && typeof (value as AnyRule).id === "string" && typeof (value as AnyRule).check === "function";
}

// A rule file's default export is its rule; other files in a category folder are shared helpers.
const files = await Promise.all(ruleFiles().map(async (f) => ({ ...f, rule: ((await import(f.path)) as { default?: unknown }).default })));
const ruleFilesFound = files.filter((f): f is typeof f & { rule: AnyRule } => isRule(f.rule));

const MODEL_ERRORS = /^(syntax|name|type|model)\//;

function run(rule: AnyRule, code: string): { own: Diagnostic[]; errors: string[] } {
  const model = analyze([parse(code, `file:///docs/${rule.id}.arch`)]);
  const all = [...model.diagnostics, ...lint(model, { rules: [rule] })];
  return {
    own: all.filter((d) => d.code === rule.id),
    errors: all.filter((d) => (d.severity === "error" && MODEL_ERRORS.test(d.code)) || d.code.startsWith("internal/")).map((d) => `${d.code}: ${d.message}`),
  };
}

describe("the rule registry", () => {
  it("has rules in the category folders", () => {
    expect(ruleFilesFound.length).toBeGreaterThan(0);
    for (const f of files) expect(CATEGORIES as readonly string[], `unexpected folder core/src/lint/rules/${f.category}`).toContain(f.category);
  });

  it("registers every rule file exactly once, and nothing else", () => {
    for (const f of ruleFilesFound) {
      expect(RULES.filter((r) => r === f.rule).length, `${relative(ROOT, f.path)} is registered once in its category's index.ts`).toBe(1);
    }
    for (const rule of RULES) {
      const from = ruleFilesFound.filter((f) => f.rule === rule);
      expect(from.length, `${rule.id} is the default export of exactly one file core/src/lint/rules/${rule.id}.ts`).toBe(1);
    }
  });

  it("has unique ids", () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  describe.each(ruleFilesFound.map((f) => [`${f.category}/${f.name}`, f] as const))("%s", (_, f) => {
    const rule = f.rule;

    it("is named after its file and category", () => {
      expect(rule.id).toBe(`${f.category}/${f.name}`);
      expect(rule.category).toBe(f.category);
      expect(rule.id).toMatch(/^(rest|schema|arch)\/[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it("has a test beside it", () => {
      expect(existsSync(join(RULES_DIR, f.category, `${f.name}.test.ts`)), `core/src/lint/rules/${rule.id}.test.ts`).toBe(true);
    });

    it("has metadata and docs", () => {
      expect(SEVERITIES).toContain(rule.severity);
      expect(typeof rule.fixable).toBe("boolean");
      expect(rule.summary.trim(), "summary").not.toBe("");
      expect(rule.summary, "summary is one line").not.toMatch(/\n/);
      expect(rule.docs.why.trim(), "docs.why").not.toBe("");
      expect(rule.docs.incorrect.trim(), "docs.incorrect").not.toBe("");
      expect(rule.docs.correct.trim(), "docs.correct").not.toBe("");
      expect(rule.docs.incorrect.trim(), "the examples differ").not.toBe(rule.docs.correct.trim());
      if (rule.docs.fix !== undefined) expect(rule.docs.fix.trim()).not.toBe("");
    });

    it("reports on its incorrect example", () => {
      const { own, errors } = run(rule, rule.docs.incorrect);
      expect(errors, "the incorrect example is otherwise a valid model").toEqual([]);
      expect(own.length, "the incorrect example makes the rule report").toBeGreaterThan(0);
      const fixes = own.filter((d) => d.fixes?.length).length;
      if (rule.fixable) expect(fixes, "a fixable rule offers a fix on its incorrect example").toBeGreaterThan(0);
      else expect(fixes, "a rule that offers fixes is marked fixable").toBe(0);
    });

    it("is silent on its correct example", () => {
      const { own, errors } = run(rule, rule.docs.correct);
      expect(errors, "the correct example is a valid model").toEqual([]);
      expect(own.map((d) => d.message)).toEqual([]);
    });

    it("has options with descriptions and valid defaults", () => {
      for (const [name, option] of Object.entries(rule.options ?? {})) {
        expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(option.description.trim(), `${name}.description`).not.toBe("");
        expect(typeof option.schema, `${name}.schema`).toBe("object");
        expect(checkSchema(option.default, option.schema), `${name}'s default satisfies its schema`).toBeUndefined();
      }
    });
  });
});

describe("the archwright.json schema", () => {
  const everyDefault = { rules: Object.fromEntries(RULES.map((r) => [r.id, { severity: r.severity, options: Object.fromEntries(Object.entries(r.options ?? {}).map(([k, o]) => [k, o.default])) }])) };

  it("compiles, and accepts every rule with its default severity and options", () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(configSchema());
    expect(validate(everyDefault), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ rules: { "rest/no-such-rule": "off" } })).toBe(false);
  });

  it("parseConfig accepts the same", () => {
    expect(parseConfig(JSON.stringify(everyDefault), "file:///archwright.json").diagnostics).toEqual([]);
  });
});

describe("the generated rule docs (run `npm run docs:rules` when this fails)", () => {
  const expected = generatedFiles();

  it.each([...expected.keys()])("%s is up to date", (path) => {
    const abs = join(ROOT, path);
    expect(existsSync(abs), `${path} is missing: run npm run docs:rules`).toBe(true);
    expect(readFileSync(abs, "utf8"), `${path} is stale: run npm run docs:rules`).toBe(expected.get(path));
  });

  it("has no pages for rules that do not exist", () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith(".md")) pages.push(relative(ROOT, join(dir, e.name)).split(sep).join("/"));
      }
    };
    walk(join(ROOT, DOCS_DIR));
    expect(pages.filter((p) => !expected.has(p)), "stale pages: run npm run docs:rules").toEqual([]);
  });

  it("lists every rule in the README table", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(RULES_START);
    expect(readme).toContain(RULES_END);
    expect(readme === withReadmeTable(readme), "the README rule table is stale: run npm run docs:rules").toBe(true);
    const table = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
    for (const rule of RULES) expect(table).toContain(`[${rule.id}](docs/rules/${rule.id}.md)`);
  });
});
