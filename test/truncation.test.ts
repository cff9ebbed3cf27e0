// Every prefix of every example model parses and analyses without throwing,
// and every node and diagnostic range stays inside the prefix.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, check, parse, walk } from "../core/src/index";

const dirs = [join(__dirname, "../examples"), join(__dirname, "../../shared/examples")];
const models = dirs.flatMap((d) => {
  try {
    return readdirSync(d).filter((f) => f.endsWith(".arch")).map((f) => join(d, f));
  } catch {
    return [];
  }
});

describe("truncated models", () => {
  for (const path of models) {
    it(`every prefix of ${path.split("/").slice(-2).join("/")}`, () => {
      const text = readFileSync(path, "utf8");
      const bad: string[] = [];
      for (let cut = 0; cut <= text.length; cut++) {
        const prefix = text.slice(0, cut);
        const file = parse(prefix, "file:///prefix.arch");
        walk(file, (node) => {
          if (node.start < 0 || node.end < node.start || node.end > cut) bad.push(`cut ${cut}: ${node.kind} ${node.start}..${node.end}`);
        });
        // Analysis on every prefix; lint on a sample (every one would take minutes).
        const model = analyze([file]);
        const diagnostics = cut % 97 === 0 || cut === text.length ? check(model) : model.diagnostics;
        for (const d of diagnostics) if (d.start < 0 || d.end < d.start || d.end > cut) bad.push(`cut ${cut}: ${d.code} ${d.start}..${d.end}`);
        if (bad.length > 5) break;
      }
      expect(bad).toEqual([]);
    }, 120_000);
  }
});
