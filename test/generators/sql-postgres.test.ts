// The PostgreSQL DDL generator against a real PostgreSQL: PGlite (PostgreSQL
// 18 in WebAssembly) by default, or the server in ARCHWRIGHT_PG_URL. Every
// model in examples/, ../shared/examples/ and the generator's fixtures must
// produce DDL that runs (whole, and each service's file on its own), and what
// PostgreSQL then reports (tables, columns, nullability, keys, references,
// indexes, enums, comments) must match the model: whatever does not match
// must have been reported by the generator as a diagnostic on that spot.
//
// All database tests live in this one file: each test file that touches
// PostgreSQL pays for its own PGlite start (~3 s, ~750 MB).

import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../core/src/semantic/analyze";
import type { Model, SchemaInfo } from "../../core/src/semantic/model";
import { parse } from "../../core/src/syntax/parser";
import type { Span } from "../../core/src/syntax/ast";
import type { Diagnostic } from "../../core/src/diagnostics/diagnostic";
import { snakeCase } from "../../core/src/util/names";
import { generateSql } from "../../core/src/generators/sql/generate-sql";
import { QUOTED_KEYWORDS, quoteIdent } from "../../core/src/generators/sql/identifiers";
import { closePostgres, getPostgres, runDdlIsolated, type DdlResult, type DdlTable } from "../support/postgres";

const repo = resolve(__dirname, "../..");
const arch = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".arch"))
    .sort()
    .map((f) => join(dir, f));

const MODELS = [...arch(join(repo, "examples")), ...arch(resolve(repo, "../shared/examples")), ...arch(join(repo, "core/src/generators/sql/__fixtures__"))];

function load(path: string): Model {
  return analyze([parse(readFileSync(path, "utf8"), `file:///models/${basename(path)}`)]);
}

/** PostgreSQL keeps the first 63 bytes of a name. */
function pgName(name: string): string {
  let out = "";
  let bytes = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > 63) break;
    bytes += n;
    out += ch;
  }
  return out;
}

/** The schema of an entity's table: its service, else its system, else public. */
function schemaOf(entity: SchemaInfo): string {
  const owner = entity.service ?? entity.system;
  return owner ? pgName(snakeCase(owner.symbol.name)) : "public";
}

const ON_DELETE: Record<string, string> = { cascade: "cascade", restrict: "restrict", set_null: "set null", set_default: "set default", no_action: "no action" };

/** Names of constraints and indexes the DDL declares, unquoted. */
function declaredNames(ddl: string): string[] {
  const re = /(?:CONSTRAINT|CREATE INDEX) ("(?:[^"]|"")*"|[a-z_][a-z0-9_]*)/g;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(ddl))) out.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
  return out;
}

/** Compares what PostgreSQL created with the model; returns the differences no diagnostic explains. */
function roundTrip(model: Model, result: DdlResult, diagnostics: Diagnostic[]): string[] {
  const problems: string[] = [];
  const entities = model.schemas.filter((s) => s.kind === "entity");
  const tableOf = (e: SchemaInfo) => result.tables.find((t) => t.schema === schemaOf(e) && t.table === pgName(e.tableName) && t.partitionOf === null);
  const expectedTables = new Set(entities.map((e) => `${schemaOf(e)}.${pgName(e.tableName)}`));
  for (const t of result.tables) {
    if (t.partitionOf === null && !expectedTables.has(`${t.schema}.${t.table}`)) problems.push(`unexpected table ${t.schema}.${t.table}`);
    if (t.partitionOf !== null && !expectedTables.has(t.partitionOf)) problems.push(`partition ${t.table} of an unknown table ${t.partitionOf}`);
  }
  for (const entity of entities) {
    const where = `${schemaOf(entity)}.${entity.tableName}`;
    const t = tableOf(entity);
    if (!t) {
      problems.push(`${where}: no table`);
      continue;
    }
    const explained = (span: Span, codes: string[]) => diagnostics.some((d) => d.uri === entity.uri && d.start >= span.start && d.end <= span.end && codes.includes(d.code));
    const column = (name: string) => t.columns.find((c) => c.name === pgName(name));
    const keys = [t.primaryKey, ...t.uniques].filter((k): k is NonNullable<typeof k> => !!k);

    // Columns, in order.
    const names = entity.fields.map((f) => pgName(f.symbol.name));
    if (JSON.stringify(t.columns.map((c) => c.name)) !== JSON.stringify(names)) problems.push(`${where}: columns ${t.columns.map((c) => c.name).join(",")} != ${names.join(",")}`);

    // Nullability: `?` means nullable, except where the generator said why not.
    for (const f of entity.fields) {
      const c = column(f.symbol.name);
      if (!c) continue;
      if (c.nullable !== f.type.optional) {
        const ok = !c.nullable && (t.primaryKey?.columns.includes(c.name) || explained(f.decl, ["sql/nullable-key", "sql/nullable-serial", "sql/nullable-identity"]));
        if (!ok) problems.push(`${where}.${c.name}: nullable ${c.nullable}, model optional ${f.type.optional}`);
      }
    }

    // Primary key: @@id, else the @id fields; extended only with a partition key, and then reported.
    const composite = entity.decl.tableAttributes.find((a) => a.name.text === "id");
    const pk = (composite ? composite.args.map((a) => a.text) : entity.fields.filter((f) => f.decl.attributes.some((a) => a.name.text === "id")).map((f) => f.symbol.name)).map(pgName);
    const actualPk = t.primaryKey?.columns ?? [];
    if (pk.length === 0 && actualPk.length) problems.push(`${where}: unexpected primary key ${actualPk.join(",")}`);
    if (pk.length) {
      const prefix = JSON.stringify(actualPk.slice(0, pk.length)) === JSON.stringify(pk);
      const extended = actualPk.length > pk.length;
      if (!prefix || (extended && !explained(entity.decl, ["sql/partition-key-in-unique"]))) problems.push(`${where}: primary key (${actualPk.join(",")}) != (${pk.join(",")})`);
    }

    // Unique keys.
    const wantedUniques: { columns: string[]; span: Span }[] = [
      ...entity.fields.filter((f) => f.decl.attributes.some((a) => a.name.text === "unique")).map((f) => ({ columns: [pgName(f.symbol.name)], span: f.decl as Span })),
      ...entity.decl.tableAttributes.filter((a) => a.name.text === "unique").map((a) => ({ columns: a.args.map((x) => pgName(x.text)), span: a as Span })),
    ];
    for (const u of wantedUniques) {
      const found = keys.some((k) => JSON.stringify(k.columns.slice(0, u.columns.length)) === JSON.stringify(u.columns) && (k.columns.length === u.columns.length || explained(entity.decl, ["sql/partition-key-in-unique"])));
      if (!found && !explained(u.span, ["sql/key-skipped"])) problems.push(`${where}: no unique key (${u.columns.join(",")})`);
    }

    // References: a foreign key to the right table and column with the right ON DELETE, or a diagnostic.
    let generatedFks = 0;
    for (const f of entity.fields) {
      const ref = f.ref;
      if (!ref?.entity || !ref.field || ref.entity.kind !== "entity") continue;
      const fk = t.foreignKeys.find((k) => k.columns.length === 1 && k.columns[0] === pgName(f.symbol.name));
      if (!fk) {
        if (!explained(f.decl, ["sql/cross-service-reference", "sql/foreign-key-skipped"])) problems.push(`${where}.${f.symbol.name}: no foreign key and no diagnostic`);
        continue;
      }
      generatedFks++;
      const wanted = `${schemaOf(ref.entity)}.${pgName(ref.entity.tableName)}(${pgName(ref.field.symbol.name)})`;
      const actual = `${fk.refSchema}.${fk.refTable}(${fk.refColumns.join(",")})`;
      if (actual !== wanted) problems.push(`${where}.${f.symbol.name}: references ${actual}, model says ${wanted}`);
      const onDelete = f.decl.attributes.find((a) => a.name.text === "on_delete")?.args[0]?.text;
      if (fk.onDelete !== (onDelete ? ON_DELETE[onDelete] : "no action")) problems.push(`${where}.${f.symbol.name}: ON DELETE ${fk.onDelete}, model says ${onDelete ?? "nothing"}`);
    }
    if (t.foreignKeys.length !== generatedFks) problems.push(`${where}: ${t.foreignKeys.length} foreign keys, ${generatedFks} from the model`);

    // Indexes.
    const wantedIndexes: { columns: string[]; span: Span }[] = [
      ...entity.fields.filter((f) => f.decl.attributes.some((a) => a.name.text === "index")).map((f) => ({ columns: [pgName(f.symbol.name)], span: f.decl as Span })),
      ...entity.decl.tableAttributes.filter((a) => a.name.text === "index").map((a) => ({ columns: a.args.map((x) => pgName(x.text)), span: a as Span })),
    ];
    for (const ix of wantedIndexes) {
      const found = t.indexes.some((i) => !i.unique && JSON.stringify(i.columns.map((c) => c.replace(/^"(.*)"$/, "$1"))) === JSON.stringify(ix.columns));
      if (!found && !explained(ix.span, ["sql/key-skipped"])) problems.push(`${where}: no index (${ix.columns.join(",")})`);
    }

    // Partitioning.
    const partition = entity.decl.tableAttributes.find((a) => a.name.text === "partition");
    if (partition) {
      const strategy = partition.args[0]?.text.toUpperCase() ?? "";
      const ok = t.kind === "partitioned" && t.partitionKey?.startsWith(`${strategy} (`);
      if (!ok && !explained(partition, ["sql/partition-skipped"])) problems.push(`${where}: not partitioned by ${strategy}`);
      if (ok) {
        const parts = result.tables.filter((p) => p.partitionOf === `${t.schema}.${t.table}`);
        if (strategy === "HASH" ? parts.length === 0 : !parts.some((p) => p.partitionBound === "DEFAULT")) problems.push(`${where}: partitions missing`);
      }
    } else if (t.kind === "partitioned") problems.push(`${where}: partitioned without @@partition`);

    // Documentation.
    if ((t.comment ?? undefined) !== entity.decl.doc?.text) problems.push(`${where}: comment ${JSON.stringify(t.comment)}`);
    for (const f of entity.fields) {
      const c = column(f.symbol.name);
      if (c && (c.comment ?? undefined) !== f.decl.doc?.text) problems.push(`${where}.${c.name}: comment ${JSON.stringify(c.comment)}`);
    }
  }

  // Enums: each service with tables has its own enums, with the model's values.
  for (const service of model.services.filter((s) => s.entities.length > 0)) {
    const schema = schemaOf(service.entities[0]!);
    for (const e of service.enums) {
      const found = result.enums.find((x) => x.schema === schema && x.name === pgName(snakeCase(e.symbol.name)));
      if (!found) problems.push(`${schema}: no enum ${e.symbol.name}`);
      else if (JSON.stringify(found.values) !== JSON.stringify(e.members.map((m) => m.symbol.name))) problems.push(`${schema}.${found.name}: values ${found.values.join(",")}`);
    }
  }
  return problems;
}

/** Each table as `schema.table(columns…)`, for comparing two runs. */
function shape(tables: DdlTable[]): string[] {
  return tables.map((t) => `${t.schema}.${t.table}(${t.columns.map((c) => `${c.name} ${c.dataType}${c.nullable ? "" : " not null"}`).join(", ")}) pk=${t.primaryKey?.columns.join(",") ?? ""} fk=${t.foreignKeys.map((k) => k.definition).join(";")}`);
}

beforeAll(async () => {
  const started = Date.now();
  await getPostgres();
  console.info(`PostgreSQL ready in ${Date.now() - started} ms`);
}, 120_000);

afterAll(async () => {
  await closePostgres();
});

describe("generated DDL on PostgreSQL", () => {
  it("finds the models", () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(7);
  });

  for (const path of MODELS) {
    const name = `${basename(resolve(path, "../.."))}/${basename(resolve(path, ".."))}/${basename(path)}`;
    describe(name, () => {
      const model = load(path);

      it("whole: runs and matches the model", async () => {
        const { files, diagnostics } = generateSql(model, { whole: true });
        if (model.schemas.every((s) => s.kind !== "entity")) {
          expect(files).toEqual([]);
          return;
        }
        expect(files).toHaveLength(1);
        const ddl = files[0]!.text;
        const result = await runDdlIsolated(ddl);
        expect(result.error, JSON.stringify(result.error)).toBeUndefined();
        expect(roundTrip(model, result, diagnostics)).toEqual([]);
        // No name was cut short by PostgreSQL: every constraint and index exists as named.
        const created = new Set(result.tables.flatMap((t) => [t.primaryKey?.name, ...t.uniques.map((u) => u.name), ...t.foreignKeys.map((k) => k.name), ...t.checks.map((c) => c.name), ...t.indexes.map((i) => i.name)]));
        expect(declaredNames(ddl).filter((n) => !created.has(n))).toEqual([]);
      });

      it("per service: each file runs on its own and creates what the whole file creates", async () => {
        const whole = generateSql(model, { whole: true });
        const wholeResult = whole.files[0] ? await runDdlIsolated(whole.files[0].text) : undefined;
        for (const file of generateSql(model).files) {
          const result = await runDdlIsolated(file.text);
          expect(result.error, `${file.path}: ${JSON.stringify(result.error)}`).toBeUndefined();
          expect(result.schemas.length, file.path).toBeLessThanOrEqual(1);
          const schemas = new Set(result.tables.map((t) => t.schema));
          expect(shape(result.tables)).toEqual(shape(wholeResult!.tables.filter((t) => schemas.has(t.schema))));
        }
      });
    });
  }
});

describe("identifiers on PostgreSQL", () => {
  /** PostgreSQL's major version (keywords differ between releases). */
  async function major(): Promise<number> {
    const db = await getPostgres();
    const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]!.v) / 10000);
  }

  it("the keyword list matches the server's (and never quotes less than it)", async () => {
    const db = await getPostgres();
    const { rows } = await db.query<{ word: string }>("SELECT word FROM pg_get_keywords() WHERE catcode <> 'U' ORDER BY word");
    const server = rows.map((r) => r.word);
    expect(server.filter((w) => !QUOTED_KEYWORDS.has(w))).toEqual([]);
    if ((await major()) === 18) expect([...QUOTED_KEYWORDS].sort()).toEqual([...server].sort());
  });

  it("quoteIdent agrees with quote_ident()", async () => {
    const db = await getPostgres();
    const { rows } = await db.query<{ word: string }>("SELECT word FROM pg_get_keywords()");
    const names = [...rows.map((r) => r.word), "orders", "createdAt", "Order", "audit log", "1st", "a$b", 'say "hi"', "café", "_x", "x1"];
    const { rows: quoted } = await db.query<{ q: string[] }>("SELECT array_agg(quote_ident(n) ORDER BY i) AS q FROM unnest($1::text[]) WITH ORDINALITY AS u(n, i)", [names]);
    const theirs = quoted[0]!.q;
    // An older server knows fewer keywords; quoting one more name there is harmless.
    const older = (await major()) < 18;
    const mismatches = names.filter((n, i) => quoteIdent(n) !== theirs[i] && !(older && QUOTED_KEYWORDS.has(n) && theirs[i] === n));
    expect(mismatches).toEqual([]);
  });

  it("hostile names, documentation and defaults arrive intact", async () => {
    const text = `service S {
      /// it's */ -- "not" the end; DROP TABLE x;
      /// C:\\temp
      entity E {
        @@table("e\\"; DROP TABLE x; --\\nnext")
        id uuid @id
        /// back\\slash 'quoted'
        Mixed text @default("it's; \\\\ fine")
        order int
      } }`;
    const model = analyze([parse(text, "file:///hostile.arch")]);
    expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const result = await runDdlIsolated(generateSql(model).files[0]!.text);
    expect(result.error).toBeUndefined();
    const t = result.tables[0]!;
    expect(t.table).toBe('e"; DROP TABLE x; --\nnext');
    expect(t.comment).toBe('it\'s */ -- "not" the end; DROP TABLE x;\nC:\\temp');
    expect(t.columns.map((c) => c.name)).toEqual(["id", "Mixed", "order"]);
    expect(t.columns[1]!.comment).toBe("back\\slash 'quoted'");
    expect(t.columns[1]!.default).toBe("'it''s; \\ fine'::text");
  });

  it("long names: hashed constraint and index names are kept exactly, long columns are cut like PostgreSQL cuts them", async () => {
    const long = "an_uncommonly_long_column_name_for_a_foreign_key_column_here";
    const text = `service S {
      entity AnEntityWhoseNameIsLongEnoughToMatter { id uuid @id }
      entity AnotherEntityWithAVeryLongNameIndeed {
        id uuid @id
        ${long}_1 uuid @ref(AnEntityWhoseNameIsLongEnoughToMatter.id) @index @unique
        ${long}_2 uuid @ref(AnEntityWhoseNameIsLongEnoughToMatter.id) @index @unique @check("${long}_2 IS NOT NULL")
        ${"c".repeat(70)} text
        @@index(${long}_1, ${long}_2)
      } }`;
    const model = analyze([parse(text, "file:///long.arch")]);
    const { files, diagnostics } = generateSql(model);
    const ddl = files[0]!.text;
    const result = await runDdlIsolated(ddl);
    expect(result.error).toBeUndefined();
    const t = result.tables.find((x) => x.table === "another_entity_with_a_very_long_name_indeeds")!;
    expect(t.columns.map((c) => c.name)).toContain("c".repeat(63));
    const created = new Set([t.primaryKey!.name, ...t.uniques.map((u) => u.name), ...t.foreignKeys.map((k) => k.name), ...t.checks.map((c) => c.name), ...t.indexes.map((i) => i.name)]);
    const declared = declaredNames(ddl).filter((n) => n.startsWith("another"));
    expect(declared.length).toBeGreaterThanOrEqual(8);
    expect(new Set(declared).size).toBe(declared.length);
    for (const n of declared) expect(created.has(n), n).toBe(true);
    expect(roundTrip(model, result, diagnostics)).toEqual([]);
  });
});
