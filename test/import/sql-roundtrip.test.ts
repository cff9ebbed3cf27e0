// Round trips through PostgreSQL DDL: for every example model (and the SQL
// generator's fixtures), generate the whole DDL, import it back, generate
// again, and compare the two scripts statement by statement as PostgreSQL's
// parser sees them (tables, columns, types, NOT NULL, defaults, identity,
// keys, foreign keys with ON DELETE, checks, indexes, partitions, enum types
// and COMMENT ONs). `--` comments are not compared: the generator's notes
// are not read back. The exceptions are listed per model below and
// explained in docs/import.md ("Round trips").

import { basename } from "node:path";
import { loadModule, parseSync } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { generateSql } from "../../core/src/generators/sql/generate-sql";
import { importSql } from "../../core/src/import/sql/import-sql";
import { errorsOf, exampleModels, fixtureModels, isFormatted, loadModel, modelOf } from "./support";

/** Names the second generation spells differently, as [second, first]: enum types of different schemas that share a name. */
const RENAMED: Record<string, [string, string][]> = {
  "social.arch": [["feed.feed_role", "feed.role"]],
  "ledger.arch": [["samples_series_taken_at_id_key", "samples_series_taken_at_key"]],
};

function statements(sql: string): unknown[] {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (k !== "location" && k !== "stmt_location" && k !== "stmt_len") out[k] = strip(x);
      return out;
    }
    return v;
  };
  return (parseSync(sql).stmts ?? []).map((s) => strip(s.stmt));
}

beforeAll(async () => {
  await loadModule();
});

for (const path of [...exampleModels(), ...fixtureModels().filter((p) => p.includes("/sql/"))]) {
  const name = basename(path);
  describe(`SQL round trip: ${name}`, () => {
    it("imports the whole DDL without errors and generates it again", () => {
      const first = generateSql(loadModel(path), { whole: true }).files[0]!.text;
      const imported = importSql(first, parseSync, { source: "model.sql" });
      expect(errorsOf(imported.text)).toEqual([]);
      expect(isFormatted(imported.text)).toBe(true);
      expect(imported.summary.problems).toEqual([]);
      let second = generateSql(modelOf(imported.text), { whole: true }).files[0]!.text;
      for (const [from, to] of RENAMED[name] ?? []) second = second.split(from).join(to);
      const a = statements(first);
      const b = statements(second);
      expect(b.length).toBe(a.length);
      a.forEach((s, i) => expect(b[i], `statement ${i + 1}`).toEqual(s));
      // Every table of the first generation is accounted for.
      const tables = a.filter((s) => (s as Record<string, unknown>)["CreateStmt"]).length;
      expect(imported.summary.items.filter((i) => i.kind === "table" || i.kind === "partition").length).toBe(tables);
    });
  });
}
