// What must hold for ANY input, shared by the property tests and `npm run fuzz`:
// parsing, analysis, lint and every editor feature and generator never throw,
// ranges stay inside the text, and formatting is idempotent and keeps the model.

import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, check, dumpFile, parse, walk } from "../../core/src/index";
import { generate } from "../../core/src/generators/index";
import * as ide from "../../core/src/ide/index";

const URI = "file:///fuzz.arch";

// From the sources (vitest) or from the bundle in dist/ (npm run fuzz, run at the repository root).
const examples = existsSync(join(__dirname, "../../examples")) ? join(__dirname, "../../examples") : join(process.cwd(), "examples");
export const seeds = ["shop.arch", "antipatterns.arch"].map((f) => readFileSync(join(examples, f), "utf8"));

function fail(message: string): never {
  throw new Error(message);
}

/** Runs every invariant on `text`; throws with a description on the first violation. */
export function checkInput(text: string, deep = true): void {
  const file = parse(text, URI);
  const n = text.length;
  walk(file, (node) => {
    if (!(node.start >= 0 && node.start <= node.end && node.end <= n)) fail(`${node.kind} range ${node.start}..${node.end} outside 0..${n}`);
  });
  const model = analyze([file]);
  const diagnostics = check(model);
  for (const d of diagnostics) {
    if (!(d.start >= 0 && d.start <= d.end && d.end <= n)) fail(`diagnostic ${d.code} range ${d.start}..${d.end} outside 0..${n}`);
    for (const f of d.fixes ?? []) for (const e of f.edits) if (e.uri === URI && !(e.start >= 0 && e.start <= e.end && e.end <= n)) fail(`fix edit of ${d.code} outside the text`);
  }
  if (!deep) return;
  const formatted = ide.formatText(text);
  if (formatted !== text) {
    if (ide.formatText(formatted) !== formatted) fail("formatting is not idempotent");
    const shape = (t: string) => dumpFile(parse(t, URI)).replace(/ \d+\.\.\d+/g, "");
    if (shape(formatted) !== shape(text)) fail("formatting changed the model");
  }
  for (const offset of [0, n >> 1, n, (n * 3) >> 2]) {
    ide.complete(model, file, offset);
    ide.hover(model, URI, offset, diagnostics);
    ide.definition(model, URI, offset);
    ide.references(model, URI, offset, true);
    ide.selectionRanges(file, offset);
    ide.codeActions(model, URI, { start: offset, end: offset }, diagnostics);
  }
  ide.documentSymbols(file);
  ide.foldingRanges(file);
  ide.semanticTokens(model, file);
  ide.codeLenses(model, URI);
  ide.inlayHints(model, URI);
  if (!diagnostics.some((d) => d.severity === "error")) {
    for (const target of ["openapi", "sql"] as const) generate(model, { target, whole: true });
    for (const diagram of ["architecture", "er"] as const) generate(model, { target: "mermaid", diagram });
  }
}

const TOKENS = ["{", "}", "(", ")", "[]", "?", "->", ",", ";", "@", "@@", ".", ":", '"', "/", "\n", "\r\n", "\u0000", "\uFEFF", "service", "entity", "api", "GET", "/a/{id}", "200", "99999999999999999999999", "1e309", "-1", "5ms", "10/min", "🚀", "é", "<script>", "--", "%%", "$$"];

/** A mutation of a seed model: deleted, duplicated, swapped or inserted slices and tokens. */
export function mutatedModel(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: seeds.length - 1 }),
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
          fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 80 }) }),
          fc.record({ op: fc.constant("swap" as const), at: fc.nat(), other: fc.nat(), len: fc.integer({ min: 1, max: 30 }) }),
          fc.record({ op: fc.constant("insert" as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
          fc.record({ op: fc.constant("text" as const), at: fc.nat(), token: fc.string({ unit: "grapheme", maxLength: 8 }) }),
        ),
        { minLength: 1, maxLength: 8 },
      ),
    )
    .map(([seed, ops]) => {
      let t = seeds[seed]!;
      for (const o of ops) {
        const at = t.length ? o.at % t.length : 0;
        switch (o.op) {
          case "delete":
            t = t.slice(0, at) + t.slice(at + o.len);
            break;
          case "duplicate":
            t = t.slice(0, at) + t.slice(at, at + o.len) + t.slice(at);
            break;
          case "swap": {
            const b = t.length ? o.other % t.length : 0;
            const [x, y] = at < b ? [at, b] : [b, at];
            if (x + o.len <= y) t = t.slice(0, x) + t.slice(y, y + o.len) + t.slice(x + o.len, y) + t.slice(x, x + o.len) + t.slice(y + o.len);
            break;
          }
          case "insert":
          case "text":
            t = t.slice(0, at) + o.token + t.slice(at);
            break;
        }
      }
      return t;
    });
}

/** Any text at all, biased towards the language's own characters. */
export function anyText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.array(fc.constantFrom(...TOKENS, " ", "  ", "x", "Name", "id", "uuid"), { maxLength: 120 }).map((xs) => xs.join(" ")),
  );
}
