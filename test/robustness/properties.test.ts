// Property-based tests (fast-check): the invariants of fuzz-core.ts on random
// text and on mutations of the example models; plus every saved fuzz failure.

import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { anyText, checkInput, mutatedModel } from "./fuzz-core";

const runs = Number(process.env["ARCHWRIGHT_PROPERTY_RUNS"] ?? 150);

describe("properties on any input", () => {
  it("random text", () => {
    fc.assert(fc.property(anyText(), (text) => checkInput(text)), { numRuns: runs * 2 });
  }, 120_000);

  it("mutations of the example models", () => {
    fc.assert(fc.property(mutatedModel(), (text) => checkInput(text)), { numRuns: runs });
  }, 300_000);

  const corpus = join(__dirname, "../fuzz-corpus");
  const saved = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith(".arch")) : [];
  for (const name of saved) {
    it(`fuzz regression ${name}`, () => checkInput(readFileSync(join(corpus, name), "utf8")));
  }
});
