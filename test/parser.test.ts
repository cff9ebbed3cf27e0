// Data-driven parser tests: test/parser/{ok,err}/NAME.arch with NAME.ast beside
// it (the tree dump plus diagnostics). A missing .ast is written; UPDATE_SNAPSHOTS=1
// rewrites all of them. ok/ inputs must parse without diagnostics, err/ inputs with some.

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpFile, parse } from "../core/src/index";
import { checkInvariants } from "./support/invariants";

const root = join(__dirname, "parser");
const update = process.env["UPDATE_SNAPSHOTS"] === "1";

for (const kind of ["ok", "err"] as const) {
  describe(`parser ${kind}/`, () => {
    const dir = join(root, kind);
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".arch")).sort()) {
      it(name, () => {
        const text = readFileSync(join(dir, name), "utf8");
        const file = parse(text, `file:///${name}`);
        checkInvariants(file);
        if (kind === "ok") expect(file.diagnostics.map((d) => d.message)).toEqual([]);
        else expect(file.diagnostics.length).toBeGreaterThan(0);
        const dump = dumpFile(file);
        const snapshot = join(dir, name.replace(/\.arch$/, ".ast"));
        if (update || !existsSync(snapshot)) writeFileSync(snapshot, dump);
        expect(dump).toBe(readFileSync(snapshot, "utf8"));
      });
    }
  });
}
