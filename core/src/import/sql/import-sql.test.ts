import { loadModule, parseSync } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../semantic/analyze";
import { parse } from "../../syntax/parser";
import { importSql } from "./import-sql";
import { blankNonSql, splitStatements, stripOuterParens } from "./prepare";

const errors = (text: string) => analyze([parse(text, "file:///t.arch")]).diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

beforeAll(async () => {
  await loadModule();
});

describe("importSql", () => {
  it("reads tables, keys, defaults and checks", () => {
    const { text } = importSql(
      `CREATE TYPE public.state AS ENUM ('new', 'done');
       CREATE TABLE public.people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(320) NOT NULL UNIQUE, state public.state DEFAULT 'new'::public.state NOT NULL, born date, score numeric(5,2) DEFAULT 0.00 CHECK (score >= 0));
       CREATE TABLE public.pets (id serial PRIMARY KEY, owner_id bigint REFERENCES public.people(id) ON DELETE SET NULL, name text NOT NULL);
       CREATE INDEX pets_owner_id_idx ON public.pets (owner_id);`,
      parseSync,
      { source: "zoo.sql" },
    );
    expect(text).toContain("service Zoo {");
    expect(text).toMatch(/entity Person \{/);
    expect(text).toMatch(/id\s+bigint\s+@id @default\(identity\)/);
    expect(text).toContain("GENERATED ALWAYS AS IDENTITY");
    expect(text).toMatch(/email\s+varchar\(320\)\s+@unique/);
    expect(text).toMatch(/state\s+State\s+@default\(new\)/);
    expect(text).toMatch(/score\s+decimal\(5, 2\)\?\s+@default\(0\.00\) @check\("score >= 0"\)/);
    expect(text).toMatch(/owner_id\s+bigint\?\s+@ref\(Person\.id\) @on_delete\(set_null\) @index/);
    expect(errors(text)).toEqual([]);
  });

  it("keeps what the language cannot say as notes", () => {
    const { text, summary } = importSql(
      `CREATE TABLE public.a (id int PRIMARY KEY, x text DEFAULT lower('A'), y int);
       CREATE TABLE public.b (a1 int, a2 int, FOREIGN KEY (a1, a2) REFERENCES public.c (x, y) ON UPDATE CASCADE);
       CREATE INDEX a_x_lower ON public.a (lower(x));
       CREATE VIEW public.v AS SELECT 1;`,
      parseSync,
    );
    expect(text).toContain("default lower('A'): an expression the language cannot write");
    expect(text).toContain("a foreign key of several columns");
    expect(text).toContain("an expression cannot be written");
    expect(text).toContain("view: CREATE VIEW public.v AS SELECT 1");
    expect(summary.items.find((i) => i.kind === "index")?.status).toBe("skipped");
    expect(errors(text)).toEqual([]);
  });

  it("recovers from a statement the parser rejects", () => {
    const r = importSql("CREATE TABLE public.t (id int PRIMARY KEY);\nCREATE TABLEX oops;\nCREATE TABLE public.u (id int PRIMARY KEY);", parseSync);
    expect(r.summary.problems).toHaveLength(1);
    expect(r.summary.problems[0]).toMatch(/^line 2: /);
    expect(r.text).toContain("entity T {");
    expect(r.text).toContain("entity U {");
  });
});

describe("prepare", () => {
  it("blanks psql commands and COPY data, keeping offsets", () => {
    const text = "\\restrict x\nCOPY t (a) FROM stdin;\n1\n\\.\nSELECT 1;";
    const r = blankNonSql(text);
    expect(r.text.length).toBe(text.length);
    expect(r.text.trim()).toBe("SELECT 1;");
  });
  it("splits statements outside quotes, dollar quotes and comments", () => {
    const text = "SELECT ';'; -- a;b\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2";
    expect(splitStatements(text).map((s) => text.slice(s.start, s.end).trim())).toEqual(["SELECT ';';", "-- a;b\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;", "SELECT 2"]);
  });
  it("strips enclosing parentheses only", () => {
    expect(stripOuterParens("((a >= 0))")).toBe("a >= 0");
    expect(stripOuterParens("(a > 0) AND (b > 0)")).toBe("(a > 0) AND (b > 0)");
  });
});
