// The OpenAPI generator against Redocly's `recommended` ruleset (offline, in
// process): every document generated from every model in examples/,
// ../shared/examples/ and the generator's fixtures — one per service and the
// whole-model one — must have zero errors, and shop.arch no warnings beyond
// the two that a generated document cannot avoid (ACCEPTED_SHOP_WARNINGS).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../core/src/semantic/analyze";
import type { Model } from "../../core/src/semantic/model";
import { parse } from "../../core/src/syntax/parser";
import { generateOpenApi } from "../../core/src/generators/openapi/generate-openapi";
import { validateOpenApi, type Problem } from "../support/validate-openapi";

const repo = resolve(__dirname, "../..");
const arch = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".arch"))
        .sort()
        .map((f) => join(dir, f))
    : [];

const EXAMPLES = [...arch(join(repo, "examples")), ...arch(resolve(repo, "../shared/examples"))];
const FIXTURES = arch(join(repo, "core/src/generators/openapi/__fixtures__"));

function load(path: string): Model {
  return analyze([parse(readFileSync(path, "utf8"), `file:///models/${basename(path)}`)]);
}

function documentsOf(model: Model) {
  return [...generateOpenApi(model).files, ...generateOpenApi(model, { whole: true }).files.map((f) => ({ ...f, path: `whole: ${f.path}` }))];
}

const show = (ps: Problem[]) => ps.map((p) => `${p.ruleId} ${p.location ?? ""}: ${p.message}`);

describe("Redocly (recommended) on generated OpenAPI", () => {
  it("finds the models", () => {
    expect(EXAMPLES.map((p) => basename(p))).toContain("shop.arch");
    expect(FIXTURES.length).toBeGreaterThanOrEqual(2);
  });

  for (const path of [...EXAMPLES, ...FIXTURES]) {
    const label = path.startsWith(repo + "/") ? path.slice(repo.length + 1) : path;
    it(`${label}: zero errors in every document`, async () => {
      const docs = documentsOf(load(path));
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        const { errors } = await validateOpenApi(doc.text);
        expect(show(errors), doc.path).toEqual([]);
      }
    });
  }

  for (const path of EXAMPLES.filter((p) => basename(p) === "shop.arch")) {
    it(`${path.startsWith(repo + "/") ? path.slice(repo.length + 1) : path}: no warnings but the unavoidable ones`, async () => {
      const model = load(path);
      for (const doc of documentsOf(model)) {
        const { warnings } = await validateOpenApi(doc.text);
        expect(show(warnings), doc.path).toEqual([]);
      }
    });
  }
});
