// Golden files for the PostgreSQL DDL generator: the shared examples and the
// models in __fixtures__, per service, whole, and the diagnostics. Run with
// UPDATE_GOLDEN=1 to rewrite the goldens after an intended change.
//
// Layout: __golden__/<model>/<service>.sql (default output),
// __golden__/<model>/whole/<name>.sql (whole: true) and
// __golden__/<model>/diagnostics.txt.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../semantic/analyze";
import type { Model } from "../../semantic/model";
import { parse } from "../../syntax/parser";
import { LineIndex } from "../../text/line-index";
import type { GeneratorResult } from "../types";
import { generateSql } from "./generate-sql";

const here = __dirname;
const repo = resolve(here, "../../../..");
const goldenRoot = join(here, "__golden__");
const update = process.env.UPDATE_GOLDEN === "1";

const MODELS: { name: string; path: string }[] = [
  { name: "shop", path: join(repo, "examples/shop.arch") },
  { name: "antipatterns", path: join(repo, "examples/antipatterns.arch") },
  ...readdirSync(join(here, "__fixtures__"))
    .filter((f) => f.endsWith(".arch"))
    .sort()
    .map((f) => ({ name: basename(f, ".arch"), path: join(here, "__fixtures__", f) })),
];

function modelOf(path: string): { model: Model; text: string; uri: string } {
  const text = readFileSync(path, "utf8");
  const uri = `file:///models/${basename(path)}`;
  return { model: analyze([parse(text, uri)]), text, uri };
}

function formatDiagnostics(result: GeneratorResult, model: Model): string {
  return result.diagnostics
    .map((d) => {
      const file = model.files.get(d.uri);
      const pos = file ? new LineIndex(file.text).positionAt(d.start) : { line: -1, character: -1 };
      return `${basename(d.uri) || "-"}:${pos.line + 1}:${pos.character + 1} ${d.severity} ${d.code} ${d.message}`;
    })
    .join("\n")
    .concat(result.diagnostics.length ? "\n" : "");
}

/** Compares (or with UPDATE_GOLDEN=1 rewrites) a folder of expected files. */
function expectFolder(dir: string, files: Map<string, string>): void {
  if (update) {
    if (existsSync(dir)) for (const f of readdirSync(dir, { withFileTypes: true })) if (f.isFile()) rmSync(join(dir, f.name));
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    return;
  }
  expect(existsSync(dir), `${dir} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  const onDisk = readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => f.name)
    .sort();
  expect(onDisk, `files in ${dir}`).toEqual([...files.keys()].sort());
  for (const [name, text] of files) expect(text, `${dir}/${name}`).toBe(readFileSync(join(dir, name), "utf8"));
}

describe("generateSql goldens", () => {
  for (const m of MODELS) {
    it(`${m.name}: per service, whole and diagnostics`, () => {
      const { model } = modelOf(m.path);
      const errors = model.diagnostics.filter((d) => d.severity === "error");
      expect(errors, "the model itself must be free of errors").toEqual([]);
      const perService = generateSql(model);
      const whole = generateSql(model, { whole: true });
      const dir = join(goldenRoot, m.name);
      const top = new Map(perService.files.map((f) => [f.path, f.text]));
      top.set("diagnostics.txt", formatDiagnostics(whole, model));
      expectFolder(dir, top);
      expectFolder(join(dir, "whole"), new Map(whole.files.map((f) => [f.path, f.text])));
      // Per-service and whole outputs report the same things.
      expect(perService.diagnostics).toEqual(whole.diagnostics);
    });
  }
});

describe("generateSql determinism", () => {
  for (const m of MODELS) {
    it(`${m.name}: the same bytes every time, from a fresh model too`, () => {
      const a = modelOf(m.path).model;
      const b = modelOf(m.path).model;
      for (const options of [{}, { whole: true }]) {
        const first = generateSql(a, options);
        const again = generateSql(a, options);
        const fresh = generateSql(b, options);
        expect(again).toEqual(first);
        expect(fresh.files).toEqual(first.files);
      }
    });
  }
});

function fromText(text: string): Model {
  return analyze([parse(text, "file:///t.arch")]);
}

describe("generateSql options", () => {
  const shop = modelOf(join(repo, "examples/shop.arch")).model;

  it("writes one file per service with entities, named in kebab case", () => {
    expect(generateSql(shop).files.map((f) => f.path)).toEqual(["users.sql", "catalog.sql", "orders.sql"]);
  });

  it("restricts to one service", () => {
    const r = generateSql(shop, { service: "Catalog" });
    expect(r.files.map((f) => f.path)).toEqual(["catalog.sql"]);
    expect(r.files[0]!.text).toBe(generateSql(shop).files[1]!.text);
    expect(r.files[0]!.text.startsWith("CREATE SCHEMA catalog;\n")).toBe(true);
  });

  it("accepts a service name in another case when it is unambiguous", () => {
    expect(generateSql(shop, { service: "catalog" }).files.map((f) => f.path)).toEqual(["catalog.sql"]);
  });

  it("reports an unknown service, with a suggestion, and writes nothing", () => {
    const r = generateSql(shop, { service: "Catalgo" });
    expect(r.files).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: "error", code: "sql/unknown-service" });
    expect(r.diagnostics[0]!.message).toContain("Did you mean `Catalog`?");
  });

  it("reports a service without entities", () => {
    const r = generateSql(shop, { service: "Notifications" });
    expect(r.files).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["sql/no-entities"]);
  });

  it("whole: one file named after the system, `model` when there are several", () => {
    expect(generateSql(shop, { whole: true }).files.map((f) => f.path)).toEqual(["shop.sql"]);
    const two = fromText(`system A { service S { entity E { id uuid @id } } }\nsystem B { service T { entity F { id uuid @id } } }`);
    expect(generateSql(two, { whole: true }).files.map((f) => f.path)).toEqual(["model.sql"]);
  });

  it("has no header comment and ends with one newline", () => {
    for (const f of [...generateSql(shop).files, ...generateSql(shop, { whole: true }).files]) {
      expect(f.text.startsWith("--") && !f.text.startsWith("-- Schema")).toBe(false);
      expect(f.text.endsWith(";\n")).toBe(true);
      expect(f.text.endsWith("\n\n")).toBe(false);
    }
  });

  it("writes nothing for a model without entities", () => {
    const r = generateSql(fromText(`service S { type T { a text } }`));
    expect(r).toEqual({ files: [], diagnostics: [] });
  });
});

describe("generateSql details", () => {
  const sql = (text: string, options = {}) => generateSql(fromText(text), options);

  it("orders tables after the tables they reference, whatever the declaration order", () => {
    const r = sql(`service S {
      entity C { id uuid @id
        b_id uuid @ref(B.id) }
      entity B { id uuid @id
        a_id uuid @ref(A.id) }
      entity A { id uuid @id }
    }`);
    const text = r.files[0]!.text;
    const at = (t: string) => text.indexOf(`CREATE TABLE s.${t} (`);
    expect(at("as")).toBeLessThan(at("bs"));
    expect(at("bs")).toBeLessThan(at("cs"));
    expect(text).not.toContain("ALTER TABLE");
  });

  it("adds the foreign keys of a cycle afterwards, and keeps self-references inline", () => {
    const text = sql(`service S {
      entity A { id uuid @id
        b_id uuid? @ref(B.id)
        parent_id uuid? @ref(A.id) }
      entity B { id uuid @id
        a_id uuid @ref(A.id) }
    }`).files[0]!.text;
    expect(text).toContain("CONSTRAINT as_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES s.\"as\" (id)");
    expect(text).toContain('ALTER TABLE s."as" ADD CONSTRAINT as_b_id_fkey FOREIGN KEY (b_id) REFERENCES s.bs (id);');
    expect(text.indexOf("CREATE TABLE s.bs")).toBeGreaterThan(text.indexOf('CREATE TABLE s."as"'));
  });

  it("names long indexes within 63 bytes with a stable hash suffix", () => {
    const long = "a_rather_long_column_name_that_goes_on";
    const text = sql(`service S { entity VeryLongEntityNameForTesting { id uuid @id
      ${long}_one text
      ${long}_two text
      @@index(${long}_one, ${long}_two) } }`).files[0]!.text;
    const name = /CREATE INDEX (\S+) ON/.exec(text)![1]!;
    expect(Buffer.byteLength(name)).toBe(63);
    expect(name).toMatch(/^very_long_entity_name_for_testings_a_rather_long_colum_[0-9a-f]{8}$/);
  });

  it("truncates a long column name as PostgreSQL would, and says so", () => {
    const r = sql(`service S { entity E { id uuid @id
      ${"x".repeat(70)} text } }`);
    expect(r.files[0]!.text).toContain(`  ${"x".repeat(63)} text`);
    expect(r.diagnostics.map((d) => d.code)).toContain("sql/identifier-truncated");
  });

  it("keeps hostile names and docs inside quotes and comments", () => {
    const r = sql(`service S {
      /// Line one
      /// it's */ -- not a comment end; DROP TABLE x;
      entity E {
        @@table("e\\"; DROP TABLE x; --\\nnext")
        id uuid @id
        /// back\\\\slash
        v text @default("it's; \\\\ fine") } }`);
    const text = r.files[0]!.text;
    expect(text).toContain('CREATE TABLE s."e""; DROP TABLE x; --\nnext" (');
    expect(text).toContain("COMMENT ON TABLE s.\"e\"\"; DROP TABLE x; --\nnext\" IS 'Line one\nit''s */ -- not a comment end; DROP TABLE x;';");
    expect(text).toContain("DEFAULT E'it''s; \\\\ fine'");
    // Every `--` comment line stays on one line.
    for (const line of text.split("\n")) if (line.startsWith("--")) expect(line).not.toMatch(/[\r\u2028\u2029]/);
  });

  it("refuses @check text that could leave its parentheses", () => {
    const r = sql(`service S { entity E { id uuid @id
      a int @check("a > 0); DROP TABLE x; --")
      b int @check("b > 0") } }`);
    expect(r.files[0]!.text).toContain("CONSTRAINT es_b_check CHECK (b > 0)");
    expect(r.files[0]!.text).not.toContain("DROP TABLE x");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["sql/check-refused"]);
  });

  it("maps every built-in type", () => {
    const text = sql(`service S { entity E {
      a uuid @id
      b smallint
      c int
      d bigint
      e serial
      f bigserial
      g decimal(12, 2)
      h decimal
      i float
      j double
      k money
      l bool
      m text
      n varchar(40)
      o char(3)
      p date
      q time
      r timestamp
      s timestamptz
      t interval
      u json
      v jsonb
      w bytes
      x text[]
      y decimal(10)? } }`).files[0]!.text;
    for (const line of [
      "b smallint ", "c integer ", "d bigint ", "e serial ", "f bigserial ", "g numeric(12,2) ", "h numeric ", "i real ", "j double precision ",
      "k money ", "l boolean ", "m text ", "n varchar(40) ", "o char(3) ", "p date ", "q time ", "r timestamp ", "s timestamptz ", "t interval ",
      "u json ", "v jsonb ", "w bytea ", "x text[] ",
    ]) {
      expect(text).toMatch(new RegExp(`\\n  ${line.split(" ")[0]} +${line.split(" ").slice(1).join(" ").trim().replace(/[()[\]]/g, "\\$&")} +NOT NULL`));
    }
    expect(text).toMatch(/\n {2}y +numeric\(10\),?\n/);
  });

  it("chooses identity BY DEFAULT and gen_random_uuid()", () => {
    const text = sql(`service S {
      entity A { id bigint @id @default(identity) }
      entity B { id uuid @id @default(uuid) } }`).files[0]!.text;
    expect(text).toContain("id bigint NOT NULL GENERATED BY DEFAULT AS IDENTITY");
    expect(text).toContain("id uuid NOT NULL DEFAULT gen_random_uuid()");
    expect(text).not.toContain("CREATE EXTENSION");
  });
});

describe("generateSql on broken and unusual models", () => {
  it("never throws on the parser's error fixtures or on cut-off models", () => {
    const dir = join(repo, "test/parser");
    const inputs: string[] = [];
    for (const sub of ["ok", "err"]) {
      const d = join(dir, sub);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d)) if (f.endsWith(".arch")) inputs.push(readFileSync(join(d, f), "utf8"));
    }
    for (const m of MODELS) {
      const text = readFileSync(m.path, "utf8");
      for (let cut = 0; cut < text.length; cut += Math.max(1, Math.floor(text.length / 40))) inputs.push(text.slice(0, cut));
    }
    inputs.push(`service S { entity E { a Nope @ref(Missing.id) @default(nowish) @check(1)
      b int @@partition(range)
      @@id(zzz)
      @@partition(sideways, b)
      @@index() } }`);
    for (const text of inputs) {
      const model = fromText(text);
      expect(() => generateSql(model)).not.toThrow();
      expect(() => generateSql(model, { whole: true })).not.toThrow();
    }
  });

  it("puts entities outside any system and service into public, without CREATE SCHEMA", () => {
    const r = generateSql(fromText(`entity Thing { id uuid @id }`));
    expect(r.files.map((f) => f.path)).toEqual(["public.sql"]);
    expect(r.files[0]!.text).toBe("CREATE TABLE public.things (\n  id uuid NOT NULL,\n  CONSTRAINT things_pkey PRIMARY KEY (id)\n);\n");
  });

  it("renames a schema PostgreSQL reserves (pg_…)", () => {
    const r = generateSql(fromText(`service PgAdmin { entity E { id uuid @id } }`));
    expect(r.files[0]!.text.startsWith("CREATE SCHEMA svc_pg_admin;\n")).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["sql/reserved-name"]);
  });

  it("uses the same schema names per service and whole, even when names collide", () => {
    const model = fromText(`system X { service OrderItems { entity A { id uuid @id } }
      service Order_Items { entity B { id uuid @id } } }`);
    const per = generateSql(model);
    const whole = generateSql(model, { whole: true }).files[0]!.text;
    expect(per.files.map((f) => f.path)).toEqual(["order-items.sql", "order-items1.sql"]);
    for (const f of per.files) expect(whole).toContain(f.text.trimEnd());
    expect(per.diagnostics.map((d) => d.code)).toEqual(["sql/name-conflict"]);
  });
});
