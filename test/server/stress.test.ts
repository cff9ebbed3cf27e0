// A scripted LSP session of thousands of random edits, completions and hovers
// on the examples: the server never dies, answers every request, and its memory
// does not keep growing (RSS after warm-up vs at the end).

import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LspTestClient } from "../support/lsp-client";

const EDITS = Number(process.env["ARCHWRIGHT_STRESS_EDITS"] ?? 2000);
const seeds = ["shop.arch", "antipatterns.arch"].map((f) => readFileSync(join(__dirname, "../../examples", f), "utf8"));
const PIECES = ["{", "}", "\n", "service X {", "entity E {", "GET /a/{id} -> 200 T", "@ref(", "@", "->", ",", '"', "calls ", "x", " ", "\u0000", "🚀"];

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe("language server under stress", () => {
  const client = new LspTestClient();
  afterAll(() => client.stop());

  it(`survives ${EDITS} random edits with requests in between, without growing`, async () => {
    await client.initialize(null);
    const uri = "file:///stress/model.arch";
    let text = seeds[0]!;
    await client.open(uri, text);
    const random = fc.sample(fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.constantFrom(...PIECES), fc.nat({ max: 9 })), { numRuns: EDITS, seed: 7 });
    let version = 1;
    let answered = 0;
    let warm: number | undefined;
    for (let i = 0; i < random.length; i++) {
      const [at, cut, piece, op] = random[i]!;
      const offset = text.length ? at % text.length : 0;
      if (op === 0) text = seeds[i % 2]!; // reset now and then so the text stays model-like
      else text = text.slice(0, offset) + piece + text.slice(offset + cut);
      await client.change(uri, ++version, text);
      const position = positionOf(text, text.length ? at % text.length : 0);
      const request = op % 3 === 0 ? "textDocument/completion" : op % 3 === 1 ? "textDocument/hover" : "textDocument/definition";
      await client.connection.sendRequest(request, { textDocument: { uri }, position });
      answered++;
      if (i % 100 === 0) await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } });
      if (i === 300) warm = client.memory().rssMb;
    }
    expect(client.alive).toBe(true);
    expect(warm).toBeGreaterThan(10);
    expect(answered).toBe(EDITS);
    // The server is still correct after all that: the original model checks as before.
    await client.change(uri, ++version, seeds[0]!);
    await client.waitFor(() => (client.diagnostics.get(uri) ?? [undefined]).length === 0, 15_000, "shop.arch to be clean again");
    if (global.gc) global.gc();
    const end = client.memory().rssMb;
    // Memory after warm-up and at the end: allow for GC timing, not for a leak that grows with edits.
    expect(end, `RSS ${warm?.toFixed(0)} MB after warm-up, ${end.toFixed(0)} MB at the end`).toBeLessThan((warm ?? end) * 1.5 + 20);
  }, 600_000);
});
