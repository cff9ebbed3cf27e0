// PostgreSQL DDL → .arch entities. The parsing is PostgreSQL's own parser
// (libpg-query, compiled to WebAssembly), passed in as a function so that the
// core stays free of I/O and of the parser's loading: `importSql(text,
// parseSync)`. This module reads the parse tree the way the catalog would:
// CREATE TABLE / TYPE … AS ENUM / INDEX, ALTER TABLE … ADD CONSTRAINT,
// ALTER COLUMN … SET DEFAULT / ADD GENERATED AS IDENTITY, ATTACH PARTITION,
// ALTER SEQUENCE … OWNED BY and COMMENT ON, in any order, as pg_dump and
// migration tools write them.
//
// - One service per schema (`public` is named after the file or `service`);
//   with `service`, every table goes into that one service.
// - Tables → entities named in the singular (`order_lines` → `OrderLine`,
//   `@@table("…")` when the plural does not lead back to the table's name).
// - Columns: types, `?` for nullable, `@default` (literals, enum values,
//   `now()`/CURRENT_TIMESTAMP → now, gen_random_uuid() → uuid, identity
//   columns → identity, `nextval` of an owned sequence → serial/bigserial),
//   `@id`/`@@id`, `@unique`/`@@unique` (constraints and plain unique
//   indexes), `@ref(Entity.column)` with `@on_delete`, `@check("…")` (on the
//   first column it names), `@min`/`@max` for the checks the generator
//   writes for them, `@index`/`@@index` for plain b-tree indexes,
//   `@@partition(strategy, columns)` for partitioned tables (their partitions
//   are listed in a note), COMMENT ON → `///`.
// - What the language cannot say (expression and partial indexes, other
//   index methods, composite or cross-schema foreign keys, ON UPDATE,
//   DEFERRABLE, defaults that are expressions, generated columns, custom
//   constraint and index names, views, functions, triggers, policies, …) is
//   a `//` note at the table (or the service) and in the summary.

import { newDecl, newService, quote, renderFile, toTypeName, Names, type DeclOut, type FieldOut, type FileOut, type ServiceOut } from "../arch-writer";
import { SummaryBuilder, type ImportResult, type SummaryItem } from "../summary";
import { singularize } from "../../generators/openapi/naming";
import { derivedName, fitName } from "../../generators/sql/identifiers";
import { snakeCase, tableNameOf } from "../../util/names";
import { blankNonSql, ByteText, parenthesized, splitStatements, stripOuterParens } from "./prepare";

/** A node of libpg-query's JSON parse tree (`{ CreateStmt: {...} }`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PgNode = any;

export interface PgParseResult {
  stmts?: { stmt?: PgNode; stmt_location?: number; stmt_len?: number }[];
}

/** libpg-query's `parseSync` (after `loadModule()`), or anything with its contract: throws on a syntax error. */
export type SqlParser = (sql: string) => PgParseResult;

export interface SqlImportOptions {
  /** Put every table into one service of this name. */
  service?: string;
  /** The file the DDL came from: names the service of the `public` schema. */
  source?: string;
}

export function importSql(text: string, parse: SqlParser, options: SqlImportOptions = {}): ImportResult {
  return new SqlImporter(text, parse, options).run();
}

interface Column {
  name: string;
  type: TypeInfo;
  notNull: boolean;
  default?: { node: PgNode; unit: ByteText; location?: number };
  identity?: "always" | "by default";
  generated?: string;
  comment?: string;
  notes: string[];
}

interface TypeInfo {
  /** Schema-qualified name parts, as parsed: [`pg_catalog`, `int4`]. */
  names: string[];
  mods: number[];
  array: number;
  text: string;
}

interface Key {
  name?: string;
  columns: string[];
}

interface ForeignKey extends Key {
  target: string;
  targetColumns: string[];
  onDelete: string;
  onUpdate: string;
  match: string;
  deferrable: boolean;
}

interface Check {
  name?: string;
  expr: string;
  columns: string[];
  notValid: boolean;
}

interface Index {
  name?: string;
  columns: string[];
  unique: boolean;
  /** Why it is not a plain index the language can write, or undefined. */
  unsupported?: string;
  statement: string;
  item?: SummaryItem;
}

interface Table {
  schema: string;
  name: string;
  key: string;
  columns: Column[];
  primaryKey?: Key;
  uniques: Key[];
  foreignKeys: ForeignKey[];
  checks: Check[];
  indexes: Index[];
  partition?: { strategy: string; columns: string[]; unsupported?: string };
  partitionOf?: { parent: string; bound: string };
  partitions: { name: string; bound: string }[];
  comment?: string;
  notes: string[];
  order: number;
}

interface EnumType {
  schema: string;
  name: string;
  key: string;
  labels: string[];
  comment?: string;
  archName?: string;
  members?: Map<string, string>;
  item: SummaryItem;
}

const PARTITION_STRATEGY: Record<string, string> = { PARTITION_STRATEGY_RANGE: "range", PARTITION_STRATEGY_LIST: "list", PARTITION_STRATEGY_HASH: "hash", r: "range", l: "list", h: "hash" };
const FK_ACTION: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };
const ON_DELETE_ATTR: Record<string, string> = { r: "restrict", c: "cascade", n: "set_null", d: "set_default" };
const IGNORED_STATEMENTS = new Set(["VariableSetStmt", "CreateExtensionStmt", "GrantStmt", "GrantRoleStmt", "AlterOwnerStmt", "AlterDefaultPrivilegesStmt", "CreateRoleStmt", "AlterRoleStmt", "TransactionStmt", "CreateSchemaStmt", "AlterDatabaseSetStmt", "AlterDatabaseStmt", "CreatedbStmt"]);

class SqlImporter {
  private readonly summary = new SummaryBuilder();
  private readonly tables = new Map<string, Table>();
  private readonly enums = new Map<string, EnumType>();
  private readonly domains = new Map<string, { base: TypeInfo; notes: string[] }>();
  private readonly composites = new Set<string>();
  private readonly sequences = new Map<string, { ownedBy?: string; item: SummaryItem }>();
  private readonly schemaComments = new Map<string, string>();
  private readonly schemaNotes = new Map<string, string[]>();
  private readonly pendingComments: { objtype: string; parts: string[]; comment: string }[] = [];
  private readonly ignored = new Map<string, number>();
  private readonly names = new Names();
  private tableOrder = 0;
  private unit!: ByteText;
  private stmtText = "";

  constructor(
    private readonly text: string,
    private readonly parse: SqlParser,
    private readonly options: SqlImportOptions,
  ) {}

  run(): ImportResult {
    const prepared = blankNonSql(this.text);
    if (prepared.blanked.length) this.count(`psql: ${[...new Set(prepared.blanked)].join(", ")}`);
    for (const unit of this.parseUnits(prepared.text)) {
      this.unit = unit.t;
      for (const s of unit.stmts) {
        const start = s.stmt_location ?? 0;
        const end = s.stmt_len ? start + s.stmt_len : unit.t.length;
        this.stmtText = unit.t.slice(start, end).trim();
        if (s.stmt) this.statement(s.stmt, start);
      }
    }
    this.applyComments();
    return this.build();
  }

  private parseUnits(text: string): { t: ByteText; stmts: NonNullable<PgParseResult["stmts"]> }[] {
    try {
      return [{ t: new ByteText(text), stmts: this.parse(text).stmts ?? [] }];
    } catch {
      // One bad statement: parse them one by one.
    }
    const out: { t: ByteText; stmts: NonNullable<PgParseResult["stmts"]> }[] = [];
    for (const { start, end } of splitStatements(text)) {
      const sql = text.slice(start, end);
      try {
        out.push({ t: new ByteText(sql), stmts: this.parse(sql).stmts ?? [] });
      } catch (e) {
        const line = text.slice(0, start).split("\n").length + (sql.match(/^\s*/)?.[0].split("\n").length ?? 1) - 1;
        const first = sql.trim().split("\n")[0]!.slice(0, 80);
        this.summary.problems.push(`line ${line}: ${e instanceof Error ? e.message : String(e)}: ${first}`);
        this.summary.add("statement", `line ${line}: ${first}`, undefined, ["PostgreSQL's parser rejected it"], true);
      }
    }
    return out;
  }

  private count(what: string): void {
    this.ignored.set(what, (this.ignored.get(what) ?? 0) + 1);
  }

  // ---- statements ------------------------------------------------------------------------------

  private statement(node: PgNode, start: number): void {
    const [kind] = Object.keys(node);
    const s = node[kind!];
    switch (kind) {
      case "CreateStmt":
        return this.createTable(s);
      case "AlterTableStmt":
        return this.alterTable(s);
      case "CreateEnumStmt":
        return this.createEnum(s);
      case "IndexStmt":
        return this.createIndex(s);
      case "CommentStmt":
        return this.comment(s);
      case "CreateSeqStmt": {
        const key = relKey(s.sequence);
        this.sequences.set(key, { item: this.summary.add("sequence", key, undefined) });
        return;
      }
      case "AlterSeqStmt":
        return this.alterSequence(s);
      case "CreateDomainStmt": {
        const names = (s.domainname ?? []).map(sval);
        const base = this.typeInfo(s.typeName);
        const notes = (s.constraints ?? []).map((c: PgNode) => (c.Constraint?.contype === "CONSTR_CHECK" ? `check ${this.constraintText(c.Constraint, "CHECK")}` : c.Constraint?.contype === "CONSTR_NOTNULL" ? "NOT NULL" : "")).filter(Boolean);
        this.domains.set(typeKey(names), { base, notes });
        this.summary.add("statement", `domain ${names.join(".")}`, `(its columns use ${base.text})`, [`a domain over ${base.text}${notes.length ? ` with ${notes.join(", ")}` : ""}: the language has no domains`]);
        return;
      }
      case "CompositeTypeStmt": {
        const key = relKey(s.typevar);
        this.composites.add(key);
        this.summary.add("statement", `composite type ${key}`, "(its columns are json)", ["a composite type: the language has none"]);
        return;
      }
      case "CreateSchemaStmt":
        return;
      default:
        if (IGNORED_STATEMENTS.has(kind!) || (kind === "SelectStmt" && /set_config/i.test(this.stmtText))) {
          this.count(statementLabel(kind!));
          return;
        }
        this.otherStatement(kind!, s, start);
    }
  }

  /** Views, functions, triggers, policies, …: notes at their table or schema. */
  private otherStatement(kind: string, s: PgNode, start: number): void {
    void start;
    const first = this.stmtText.split("\n")[0]!.replace(/\s+/g, " ").slice(0, 120);
    let table: Table | undefined;
    let schema = "public";
    if (kind === "CreateTrigStmt" || kind === "CreatePolicyStmt" || kind === "RuleStmt") {
      table = this.tables.get(relKey(s.relation ?? s.table));
    } else if (kind === "ViewStmt") schema = s.view?.schemaname ?? "public";
    else if (kind === "CreateTableAsStmt") schema = s.into?.rel?.schemaname ?? "public";
    else if (kind === "CreateFunctionStmt") {
      const names = (s.funcname ?? []).map(sval);
      if (names.length > 1) schema = names[0];
    }
    const what = statementLabel(kind);
    const note = `${what}: ${first}`;
    if (table) table.notes.push(note);
    else {
      const list = this.schemaNotes.get(schema) ?? [];
      list.push(note);
      this.schemaNotes.set(schema, list);
    }
    this.summary.add("statement", first, undefined, [`${what}: the language has no ${what}s; kept as a note`], true);
  }

  private createTable(s: PgNode): void {
    const key = relKey(s.relation);
    const table = this.table(s.relation);
    if (s.relation?.relpersistence === "u") table.notes.push("UNLOGGED");
    if (s.relation?.relpersistence === "t") table.notes.push("TEMPORARY");
    for (const elt of s.tableElts ?? []) {
      if (elt.ColumnDef) this.column(table, elt.ColumnDef);
      else if (elt.Constraint) this.tableConstraint(table, elt.Constraint);
      else if (elt.TableLikeClause) table.notes.push(`LIKE ${relKey(elt.TableLikeClause.relation)}`);
    }
    if (s.partspec) {
      const strategy = PARTITION_STRATEGY[s.partspec.strategy] ?? String(s.partspec.strategy).toLowerCase();
      const params = (s.partspec.partParams ?? []).map((p: PgNode) => p.PartitionElem);
      const columns = params.filter((p: PgNode) => p?.name).map((p: PgNode) => p.name as string);
      const partition: Table["partition"] = { strategy, columns };
      if (columns.length !== params.length) partition.unsupported = "partitioned by an expression";
      table.partition = partition;
    }
    if (s.partbound && s.inhRelations?.length) {
      table.partitionOf = { parent: relKey(s.inhRelations[0].RangeVar), bound: this.boundText(s.partbound) };
    } else if (s.inhRelations?.length) {
      table.notes.push(`INHERITS (${s.inhRelations.map((r: PgNode) => relKey(r.RangeVar)).join(", ")}): the language has no table inheritance`);
    }
    if (s.options?.length) table.notes.push(`WITH (${s.options.map((o: PgNode) => o.DefElem?.defname).join(", ")})`);
    void key;
  }

  private table(rel: PgNode): Table {
    const key = relKey(rel);
    let t = this.tables.get(key);
    if (!t) {
      t = { schema: rel?.schemaname ?? "public", name: rel?.relname ?? "unnamed", key, columns: [], uniques: [], foreignKeys: [], checks: [], indexes: [], partitions: [], notes: [], order: this.tableOrder++ };
      this.tables.set(key, t);
    }
    return t;
  }

  private boundText(bound: PgNode): string {
    const b = bound?.PartitionBoundSpec ?? bound;
    if (b?.is_default) return "DEFAULT";
    const m = /\b(FOR\s+VALUES\b[\s\S]*|DEFAULT)\s*;?\s*$/i.exec(this.stmtText);
    if (m) return m[1]!.replace(/\s+/g, " ").replace(/;$/, "").trim();
    if (b?.strategy === "h") return `FOR VALUES WITH (MODULUS ${b.modulus}, REMAINDER ${b.remainder ?? 0})`;
    return "FOR VALUES …";
  }

  private column(table: Table, c: PgNode): void {
    const col: Column = { name: c.colname, type: this.typeInfo(c.typeName), notNull: false, notes: [] };
    if (c.collClause) col.notes.push(`COLLATE ${(c.collClause.CollateClause?.collname ?? []).map(sval).join(".")}`);
    table.columns.push(col);
    for (const wrapped of c.constraints ?? []) {
      const k = wrapped.Constraint;
      if (!k) continue;
      switch (k.contype) {
        case "CONSTR_NOTNULL":
          col.notNull = true;
          break;
        case "CONSTR_NULL":
          col.notNull = false;
          break;
        case "CONSTR_DEFAULT":
          col.default = { node: k.raw_expr, unit: this.unit, location: k.location };
          break;
        case "CONSTR_IDENTITY":
          col.identity = k.generated_when === "a" ? "always" : "by default";
          break;
        case "CONSTR_GENERATED":
          col.generated = `GENERATED ALWAYS AS (${this.constraintText(k, "AS")}) STORED`;
          break;
        case "CONSTR_PRIMARY":
          table.primaryKey = { ...(k.conname ? { name: k.conname } : {}), columns: [col.name] };
          break;
        case "CONSTR_UNIQUE":
          table.uniques.push({ ...(k.conname ? { name: k.conname } : {}), columns: [col.name] });
          break;
        case "CONSTR_FOREIGN":
          table.foreignKeys.push(this.foreignKey(k, [col.name]));
          break;
        case "CONSTR_CHECK":
          table.checks.push(this.check(k, table));
          break;
        default:
          col.notes.push(`constraint ${String(k.contype).replace(/^CONSTR_/, "")}`);
      }
    }
  }

  private tableConstraint(table: Table, k: PgNode): void {
    const keys = (list: PgNode[] | undefined) => (list ?? []).map(sval);
    const named = k.conname ? { name: k.conname as string } : {};
    switch (k.contype) {
      case "CONSTR_PRIMARY":
        table.primaryKey = { ...named, columns: keys(k.keys) };
        if (k.indexname) table.notes.push(`PRIMARY KEY USING INDEX ${k.indexname}`);
        break;
      case "CONSTR_UNIQUE":
        table.uniques.push({ ...named, columns: keys(k.keys) });
        break;
      case "CONSTR_FOREIGN":
        table.foreignKeys.push(this.foreignKey(k, keys(k.fk_attrs)));
        break;
      case "CONSTR_CHECK":
        table.checks.push(this.check(k, table));
        break;
      case "CONSTR_EXCLUSION":
        table.notes.push(`exclusion constraint${k.conname ? ` ${k.conname}` : ""}: ${this.stmtText.replace(/\s+/g, " ").slice(0, 160)}`);
        break;
      default:
        table.notes.push(`constraint ${k.conname ?? ""} ${String(k.contype).replace(/^CONSTR_/, "")}`.replace(/\s+/g, " "));
    }
  }

  private foreignKey(k: PgNode, columns: string[]): ForeignKey {
    return {
      ...(k.conname ? { name: k.conname as string } : {}),
      columns,
      target: relKey(k.pktable),
      targetColumns: (k.pk_attrs ?? []).map(sval),
      onDelete: k.fk_del_action ?? "a",
      onUpdate: k.fk_upd_action ?? "a",
      match: k.fk_matchtype ?? "s",
      deferrable: !!k.deferrable,
    };
  }

  private check(k: PgNode, table: Table): Check {
    const expr = stripOuterParens(this.constraintText(k, "CHECK"));
    const columns: string[] = [];
    walk(k.raw_expr, (n) => {
      const fields = n?.ColumnRef?.fields;
      if (fields) {
        const name = sval(fields[fields.length - 1]);
        if (name && !columns.includes(name)) columns.push(name);
      }
    });
    void table;
    return { ...(k.conname ? { name: k.conname as string } : {}), expr, columns, notValid: k.skip_validation === true };
  }

  /** The text of a constraint's parenthesized expression, as written. */
  private constraintText(k: PgNode, keyword: string): string {
    const from = typeof k.location === "number" ? k.location : 0;
    const head = this.unit.slice(from, from + 400);
    const at = head.search(new RegExp(`\\b${keyword}\\b`, "i"));
    const p = parenthesized(this.unit, from + (at >= 0 ? byteLength(head.slice(0, at)) : 0));
    return p ? p.text.trim() : "…";
  }

  private alterTable(s: PgNode): void {
    if (s.objtype && s.objtype !== "OBJECT_TABLE" && s.objtype !== "OBJECT_FOREIGN_TABLE") {
      if (s.objtype === "OBJECT_INDEX") {
        const attach = (s.cmds ?? []).some((c: PgNode) => c.AlterTableCmd?.subtype === "AT_AttachPartition");
        if (attach) return this.count("ALTER INDEX … ATTACH PARTITION");
      }
      if (s.objtype === "OBJECT_SEQUENCE" || s.objtype === "OBJECT_VIEW" || s.objtype === "OBJECT_TYPE") return this.count(`ALTER ${String(s.objtype).replace(/^OBJECT_/, "")}`);
      return this.count(`ALTER ${String(s.objtype).replace(/^OBJECT_/, "")}`);
    }
    const table = this.table(s.relation);
    for (const wrapped of s.cmds ?? []) {
      const c = wrapped.AlterTableCmd;
      if (!c) continue;
      const col = () => table.columns.find((x) => x.name === c.name);
      switch (c.subtype) {
        case "AT_AddConstraint":
          this.tableConstraint(table, c.def.Constraint);
          break;
        case "AT_AddColumn":
          this.column(table, c.def.ColumnDef);
          break;
        case "AT_ColumnDefault": {
          const x = col();
          if (x) {
            if (c.def) x.default = { node: c.def, unit: this.unit };
            else delete x.default;
          }
          break;
        }
        case "AT_SetNotNull": {
          const x = col();
          if (x) x.notNull = true;
          break;
        }
        case "AT_DropNotNull": {
          const x = col();
          if (x) x.notNull = false;
          break;
        }
        case "AT_AddIdentity": {
          const x = col();
          if (x) x.identity = c.def?.Constraint?.generated_when === "a" ? "always" : "by default";
          break;
        }
        case "AT_AttachPartition": {
          const child = this.table(c.def.PartitionCmd.name);
          child.partitionOf = { parent: table.key, bound: this.boundText(c.def.PartitionCmd.bound) };
          break;
        }
        case "AT_ChangeOwner":
        case "AT_ReplicaIdentity":
        case "AT_SetStatistics":
        case "AT_SetStorage":
        case "AT_ClusterOn":
        case "AT_SetRelOptions":
          this.count(`ALTER TABLE … ${String(c.subtype).replace(/^AT_/, "")}`);
          break;
        case "AT_EnableRowSecurity":
          table.notes.push("row level security is enabled");
          break;
        case "AT_ForceRowSecurity":
          table.notes.push("row level security is forced");
          break;
        default:
          table.notes.push(`ALTER TABLE: ${this.stmtText.replace(/\s+/g, " ").slice(0, 140)}`);
      }
    }
  }

  private alterSequence(s: PgNode): void {
    const key = relKey(s.sequence);
    for (const o of s.options ?? []) {
      const d = o.DefElem;
      if (d?.defname === "owned_by") {
        const parts = (d.arg?.List?.items ?? d.arg ?? []).map(sval);
        if (parts.length >= 2) {
          const seq = this.sequences.get(key) ?? { item: this.summary.add("sequence", key, undefined) };
          const column = parts[parts.length - 1]!;
          const tableParts = parts.slice(0, -1);
          seq.ownedBy = `${tableParts.length > 1 ? tableParts.join(".") : `public.${tableParts[0]}`}.${column}`;
          this.sequences.set(key, seq);
        }
      }
    }
  }

  private createEnum(s: PgNode): void {
    const names = (s.typeName ?? []).map(sval);
    const key = typeKey(names);
    const labels = (s.vals ?? []).map(sval);
    const item = this.summary.add("enum", names.join("."), undefined);
    this.enums.set(key, { schema: names.length > 1 ? names[0] : "public", name: names[names.length - 1], key, labels, item });
  }

  private createIndex(s: PgNode): void {
    const table = this.table(s.relation);
    const params = (s.indexParams ?? []).map((p: PgNode) => p.IndexElem);
    const columns = params.filter((p: PgNode) => p?.name).map((p: PgNode) => p.name as string);
    const reasons: string[] = [];
    if (columns.length !== params.length) reasons.push("an expression");
    if (s.accessMethod && s.accessMethod !== "btree") reasons.push(`the ${s.accessMethod} method`);
    if (s.whereClause) reasons.push("a WHERE clause (partial)");
    if (s.indexIncludingParams?.length) reasons.push("INCLUDE columns");
    if (params.some((p: PgNode) => p?.ordering === "SORTBY_DESC" || p?.nulls_ordering === "SORTBY_NULLS_FIRST" || p?.nulls_ordering === "SORTBY_NULLS_LAST")) reasons.push("a sort order");
    if (params.some((p: PgNode) => p?.opclass?.length)) reasons.push("an operator class");
    if (params.some((p: PgNode) => p?.collation?.length)) reasons.push("a collation");
    if (s.nulls_not_distinct) reasons.push("NULLS NOT DISTINCT");
    const index: Index = { columns, unique: !!s.unique, statement: this.stmtText.replace(/\s+/g, " ").replace(/;$/, "") };
    if (s.idxname) index.name = s.idxname;
    if (reasons.length) index.unsupported = reasons.join(", ");
    index.item = this.summary.add("index", s.idxname ? `${table.schema}.${s.idxname}` : index.statement, undefined);
    table.indexes.push(index);
  }

  private comment(s: PgNode): void {
    const object = s.object;
    let parts: string[] = [];
    if (object?.List) parts = object.List.items.map(sval);
    else if (object?.TypeName) parts = object.TypeName.names.map(sval);
    else if (object?.String) parts = [sval(object)];
    else if (Array.isArray(object)) parts = object.map(sval);
    this.pendingComments.push({ objtype: s.objtype, parts, comment: s.comment ?? "" });
  }

  private applyComments(): void {
    for (const c of this.pendingComments) {
      const { parts } = c;
      switch (c.objtype) {
        case "OBJECT_TABLE": {
          const t = this.tables.get(partsKey(parts));
          if (t) t.comment = c.comment;
          break;
        }
        case "OBJECT_COLUMN": {
          const t = this.tables.get(partsKey(parts.slice(0, -1)));
          const col = t?.columns.find((x) => x.name === parts[parts.length - 1]);
          if (col) col.comment = c.comment;
          break;
        }
        case "OBJECT_TYPE": {
          const e = this.enums.get(typeKey(parts));
          if (e) e.comment = c.comment;
          break;
        }
        case "OBJECT_SCHEMA":
          this.schemaComments.set(parts[0] ?? "public", c.comment);
          break;
        default: {
          const t = c.objtype === "OBJECT_TABCONSTRAINT" ? this.tables.get(partsKey(parts.slice(0, -1))) : undefined;
          const note = `comment on ${String(c.objtype).replace(/^OBJECT_/, "").toLowerCase()} ${parts.join(".")}: ${c.comment.replace(/\s+/g, " ")}`;
          if (t) t.notes.push(note);
          else this.count(`COMMENT ON ${String(c.objtype).replace(/^OBJECT_/, "")}`);
        }
      }
    }
  }

  private typeInfo(t: PgNode): TypeInfo {
    const names = (t?.names ?? []).map(sval);
    const mods: number[] = [];
    for (const m of t?.typmods ?? []) {
      const v = m.A_Const;
      if (v?.ival !== undefined) mods.push(v.ival.ival ?? 0);
      else if (v?.fval !== undefined) mods.push(Number(v.fval.fval));
      else if (v?.sval !== undefined) mods.push(Number(v.sval.sval));
    }
    const array = (t?.arrayBounds ?? []).length;
    const base = names.filter((n: string) => n !== "pg_catalog").join(".");
    const text = `${base}${mods.length ? `(${mods.join(",")})` : ""}${"[]".repeat(array)}`;
    return { names, mods, array, text };
  }

  // ---- the model -----------------------------------------------------------------------------------

  private build(): ImportResult {
    // Partitions: listed on their parent, not entities of their own.
    for (const t of this.tables.values()) {
      if (!t.partitionOf) continue;
      const parent = this.tables.get(t.partitionOf.parent);
      if (parent) parent.partitions.push({ name: t.name, bound: t.partitionOf.bound });
    }
    for (const t of this.tables.values()) {
      if (!t.partitionOf || !this.tables.has(t.partitionOf.parent)) continue;
      for (const idx of t.indexes) if (idx.item) idx.item.target = `(on partition ${t.name} of ${t.partitionOf.parent}: the parent's indexes cover it)`;
    }
    const entities = [...this.tables.values()].filter((t) => !t.partitionOf || !this.tables.has(t.partitionOf.parent)).sort((a, b) => a.order - b.order);
    const schemas = [...new Set([...entities.map((t) => t.schema), ...[...this.enums.values()].map((e) => e.schema)])];
    const single = this.options.service !== undefined;
    const serviceOf = new Map<string, ServiceOut>();
    const out: FileOut = { header: [], components: [], services: [] };
    const stem = (this.options.source ?? "").replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
    // Names: services first (their schemas), then enums, then entities.
    for (const schema of single ? ["*"] : schemas) {
      const wanted = single ? toTypeName(this.options.service!) : schema === "public" ? toTypeName(stem || "Database") : toTypeName(schema);
      const s = newService(this.names.take(wanted));
      serviceOf.set(schema, s);
      out.services.push(s);
      const db = `${snakeCase(s.name)}_db`;
      out.components.push(`database ${db}: postgres`);
      s.relations.push(`database ${db}`);
      const comment = single ? this.schemaComments.get("public") : this.schemaComments.get(schema);
      if (comment) s.doc = comment;
    }
    const service = (schema: string) => serviceOf.get(single ? "*" : schema)!;
    const byShape = new Map<string, EnumType>();
    for (const e of this.enums.values()) {
      // The same enum in several schemas (the generator copies an enum into each schema that uses it): one declaration.
      const shape = `${e.name}\u0000${e.labels.join("\u0000")}`;
      const first = byShape.get(shape);
      if (first) {
        e.archName = first.archName!;
        e.members = first.members!;
        e.item.target = `enum ${first.archName} (the same as ${first.key})`;
        continue;
      }
      byShape.set(shape, e);
      const wanted = toTypeName(e.name);
      e.archName = this.names.take(this.names.has(wanted) ? `${toTypeName(e.schema)}${wanted}` : wanted);
      const decl = newDecl("enum", e.archName);
      e.members = new Map();
      const renamed: string[] = [];
      for (const label of e.labels) {
        const m = /^[A-Za-z_][A-Za-z0-9_]*$/.test(label) ? label : label.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^(?=[0-9])/, "_") || "value";
        e.members.set(label, m);
        if (m !== label) renamed.push(`'${label}' → ${m}`);
        decl.members.push({ name: m });
      }
      if (renamed.length) this.summary.note(e.item, `labels renamed to identifiers: ${renamed.join(", ")}`);
      decl.notes.push(...e.item.notes);
      if (snakeCase(e.archName) !== e.name) this.summary.note(e.item, `generated as ${snakeCase(e.archName)}`);
      if (e.comment) decl.doc = e.comment;
      e.item.target = `enum ${e.archName}`;
      service(e.schema).decls.push(decl);
    }
    const entityName = new Map<string, string>();
    for (const t of entities) {
      const singular = toTypeName(t.name.split("_").map((w, i, all) => (i === all.length - 1 ? singularize(w) : w)).join("_"));
      const wanted = this.names.has(singular) ? `${toTypeName(t.schema)}${singular}` : singular;
      entityName.set(t.key, this.names.take(wanted));
    }
    for (const t of entities) {
      const s = service(t.schema);
      s.decls.push(this.entity(t, entityName.get(t.key)!, entityName, s));
    }
    for (const [schema, notes] of this.schemaNotes) {
      const s = serviceOf.get(single ? "*" : schema) ?? out.services[0];
      if (s) s.trailingNotes.push(...notes);
      else out.header.push(...notes);
    }
    // Sequences that are not a serial column's.
    for (const [key, seq] of this.sequences) {
      if (seq.item.target) continue;
      seq.item.notes.push(seq.ownedBy ? `owned by ${seq.ownedBy}` : "a sequence of its own: the language has none");
      if (!seq.ownedBy) seq.item.status = "skipped";
      else seq.item.status = "partial";
      void key;
    }
    if (this.ignored.size) {
      const what = [...this.ignored].map(([k, n]) => (n > 1 ? `${k} (${n})` : k)).join(", ");
      this.summary.add("statement", "environment", undefined, [`not part of the model: ${what}`], true);
    }
    if (out.services.length === 0) return { text: "", summary: this.summary.build() };
    return { text: renderFile(out), summary: this.summary.build() };
  }

  private entity(t: Table, name: string, entityName: Map<string, string>, service: ServiceOut): DeclOut {
    const decl = newDecl("entity", name);
    const notes: string[] = [...t.notes];
    const item = this.summary.add("table", t.key, `${service.name}: entity ${name}`);
    if (t.comment) decl.doc = t.comment;
    const fields = new Map<string, FieldOut>();
    const attr = (column: string, a: string) => {
      const f = fields.get(column);
      if (f && !f.attributes.includes(a)) f.attributes.push(a);
      return !!f;
    };
    const note = (column: string | undefined, n: string) => {
      const f = column ? fields.get(column) : undefined;
      if (f) f.notes.push(n);
      else notes.push(n);
    };
    const pkColumns = t.primaryKey?.columns ?? [];
    const ownedSerials = new Map<string, string>();
    for (const [seqKey, seq] of this.sequences) if (seq.ownedBy?.startsWith(`${t.key}.`)) ownedSerials.set(seq.ownedBy.slice(t.key.length + 1), seqKey);

    for (const c of t.columns) {
      const fieldNotes: string[] = [...c.notes];
      const type = this.fieldType(c.type, fieldNotes);
      const f: FieldOut = { name: /^[A-Za-z_][A-Za-z0-9_]*$/.test(c.name) ? c.name : c.name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^(?=[0-9])/, "_"), type: type.type, array: type.array, optional: !c.notNull && !pkColumns.includes(c.name), attributes: [], notes: fieldNotes };
      if (f.name !== c.name) fieldNotes.push(`the column is called ${JSON.stringify(c.name)}`);
      if (c.comment) f.doc = c.comment;
      fields.set(c.name, f);
      decl.fields.push(f);
      // Defaults.
      if (c.identity) {
        f.attributes.push("@default(identity)");
        if (c.identity === "always") fieldNotes.push("GENERATED ALWAYS AS IDENTITY (the generator writes BY DEFAULT)");
        if (f.type === "serial" || f.type === "bigserial") f.type = f.type === "serial" ? "int" : "bigint";
      } else if (c.default) {
        this.defaultOf(c, f, type, ownedSerials, fieldNotes);
      }
      if (c.generated) fieldNotes.push(c.generated);
    }
    // Primary key.
    if (t.primaryKey && t.primaryKey.columns.length) {
      const cols = t.primaryKey.columns;
      if (cols.length === 1) attr(cols[0]!, "@id");
      else decl.tableAttributes.push({ text: `@@id(${cols.join(", ")})`, notes: [] });
      this.nameNote(t.primaryKey.name, fitName(`${t.name}_pkey`), "primary key", notes);
    }
    // Unique constraints and plain unique indexes.
    const uniqueKeys = new Set<string>();
    const addUnique = (k: Key, what: string, idx?: Index) => {
      const key = k.columns.join(",");
      if (uniqueKeys.has(key) || key === pkColumns.join(",")) return;
      uniqueKeys.add(key);
      if (k.columns.length === 1) attr(k.columns[0]!, "@unique");
      else decl.tableAttributes.push({ text: `@@unique(${k.columns.join(", ")})`, notes: [] });
      this.nameNote(k.name, fitName(derivedName(t.name, k.columns, "key")), what, notes);
      if (idx?.item) {
        idx.item.target = `${name}: ${k.columns.length === 1 ? `@unique on ${k.columns[0]}` : `@@unique(${k.columns.join(", ")})`}`;
        this.summary.note(idx.item, "a unique index: written as a unique constraint");
      }
    };
    for (const u of t.uniques) addUnique(u, "unique constraint");
    // Foreign keys.
    const refd = new Set<string>();
    for (const fk of t.foreignKeys) {
      const target = this.tables.get(fk.target);
      const targetName = entityName.get(fk.target) ?? (target?.partitionOf ? entityName.get(target.partitionOf.parent) : undefined);
      const text = `FOREIGN KEY (${fk.columns.join(", ")}) REFERENCES ${fk.target}${fk.targetColumns.length ? ` (${fk.targetColumns.join(", ")})` : ""}${fk.onDelete !== "a" ? ` ON DELETE ${FK_ACTION[fk.onDelete]?.toUpperCase()}` : ""}`;
      const column = fk.columns[0];
      if (fk.columns.length !== 1 || !targetName || !column || refd.has(column)) {
        const why = fk.columns.length !== 1 ? "a foreign key of several columns" : !targetName ? "the referenced table is not in this DDL" : "a second foreign key on the column";
        note(fk.columns.length === 1 ? column : undefined, `${text}: ${why}`);
        continue;
      }
      refd.add(column);
      const targetColumn = fk.targetColumns[0] ?? target?.primaryKey?.columns[0] ?? "id";
      attr(column, `@ref(${targetName}.${targetColumn})`);
      const onDelete = ON_DELETE_ATTR[fk.onDelete];
      if (onDelete) attr(column, `@on_delete(${onDelete})`);
      if (fk.onUpdate !== "a") note(column, `ON UPDATE ${FK_ACTION[fk.onUpdate]?.toUpperCase() ?? fk.onUpdate}`);
      if (fk.deferrable) note(column, "DEFERRABLE");
      if (fk.match === "f") note(column, "MATCH FULL");
      const targetTable = target?.partitionOf ? this.tables.get(target.partitionOf.parent) : target;
      if (targetTable && targetTable.schema !== t.schema && this.options.service === undefined) note(column, `refers to ${targetTable.schema}.${targetTable.name}, another schema (service): the generator documents such references instead of enforcing them`);
      this.nameNote(fk.name, fitName(derivedName(t.name, [column], "fkey")), `foreign key on ${column}`, notes);
    }
    // Checks.
    for (const ch of t.checks) {
      const bound = this.boundOf(t, ch);
      if (bound) {
        attr(bound.column, `@${bound.which}(${bound.value})`);
        continue;
      }
      const column = t.columns.find((c) => ch.columns.includes(c.name))?.name;
      if (!column) {
        notes.push(`CHECK (${ch.expr})${ch.name ? ` (${ch.name})` : ""}: it names no column`);
        continue;
      }
      const f = fields.get(column)!;
      f.attributes.push(`@check(${quote(ch.expr)})`);
      if (ch.notValid) f.notes.push("the check is NOT VALID (existing rows are not checked)");
      this.nameNote(ch.name, fitName(derivedName(t.name, [column], "check")), `check on ${column}`, notes, true);
    }
    // Indexes.
    const indexed = new Set<string>();
    for (const idx of t.indexes) {
      if (idx.unsupported) {
        notes.push(`${idx.statement}: ${idx.unsupported} cannot be written`);
        if (idx.item) {
          idx.item.status = "skipped";
          idx.item.notes.push(`${idx.unsupported} cannot be written; kept as a note on ${name}`);
        }
        continue;
      }
      if (idx.unique) {
        addUnique({ ...(idx.name ? { name: idx.name } : {}), columns: idx.columns }, "unique index", idx);
        continue;
      }
      const key = idx.columns.join(",");
      if (indexed.has(key)) {
        if (idx.item) {
          idx.item.target = `${name}: same columns as another index`;
          this.summary.note(idx.item, "a second index on the same columns");
        }
        notes.push(`${idx.statement}: a second index on the same columns`);
        continue;
      }
      indexed.add(key);
      if (idx.columns.length === 1) attr(idx.columns[0]!, "@index");
      else decl.tableAttributes.push({ text: `@@index(${idx.columns.join(", ")})`, notes: [] });
      if (idx.item) idx.item.target = `${name}: ${idx.columns.length === 1 ? `@index on ${idx.columns[0]}` : `@@index(${idx.columns.join(", ")})`}`;
      const named = this.nameNote(idx.name, fitName(derivedName(t.name, idx.columns, "idx")), "index", notes);
      if (named && idx.item) this.summary.note(idx.item, named);
    }
    // Partitioning.
    if (t.partition) {
      if (t.partition.unsupported || !t.partition.columns.length) notes.push(`PARTITION BY ${t.partition.strategy.toUpperCase()}: ${t.partition.unsupported ?? "no columns"}`);
      else decl.tableAttributes.push({ text: `@@partition(${t.partition.strategy}, ${t.partition.columns.join(", ")})`, notes: [] });
      const generated = generatorPartitions(t);
      for (const p of t.partitions) {
        const pItem = this.summary.add("partition", `${t.schema}.${p.name}`, `${name} (${p.bound})`);
        if (!generated) {
          notes.push(`partition ${p.name} ${p.bound}`);
          this.summary.note(pItem, "partitions cannot be written: kept as a note on the partitioned entity");
        }
      }
      if (!generated && t.partitions.length) this.summary.note(item, "its partitions are notes (the generator creates a default partition, or 4 hash partitions)");
    }
    // Attributes in the order people write them.
    const rank = (a: string) => ["@id", "@unique", "@default", "@ref", "@on_delete", "@check", "@min", "@max", "@index"].findIndex((p) => a === p || a.startsWith(`${p}(`));
    for (const f of decl.fields) f.attributes = f.attributes.map((a, i) => ({ a, i, r: rank(a) < 0 ? 99 : rank(a) })).sort((x, y) => x.r - y.r || x.i - y.i).map((x) => x.a);
    // Entity name and table name.
    if (tableNameOf(name) !== t.name) decl.tableAttributes.push({ text: `@@table(${quote(t.name)})`, notes: [] });
    decl.trailingNotes.push(...notes);
    for (const f of decl.fields) for (const n of f.notes) this.summary.note(item, `${f.name}: ${n}`);
    for (const n of notes) this.summary.note(item, n);
    return decl;
  }

  /** A note when a constraint or index name differs from the one Archwright derives (names cannot be written). */
  private nameNote(actual: string | undefined, derived: string, what: string, notes: string[], counted = false): string | undefined {
    if (!actual) return undefined;
    const base = derived.replace(/\d+$/, "");
    if (actual === derived || (counted && new RegExp(`^${escapeRe(derived)}\\d*$`).test(actual)) || new RegExp(`^${escapeRe(base)}\\d+$`).test(actual)) return undefined;
    const n = `${what} is named ${actual} (generated: ${derived})`;
    notes.push(n);
    return n;
  }

  /** The checks the generator writes for `@min`/`@max` (`<table>_<column>_min`). */
  private boundOf(t: Table, ch: Check): { column: string; which: "min" | "max"; value: string } | undefined {
    const m = /^(?:(char_length|cardinality)\()?"?([A-Za-z_][A-Za-z0-9_]*)"?\)?\s*(>=|<=)\s*(-?\d+(?:\.\d+)?)$/.exec(ch.expr);
    if (!m) return undefined;
    const column = m[2]!;
    const which = m[3] === ">=" ? "min" : "max";
    if (!ch.name || !new RegExp(`^${escapeRe(fitName(derivedName(t.name, [column], which)))}\\d*$`).test(ch.name)) return undefined;
    const col = t.columns.find((c) => c.name === column);
    if (!col) return undefined;
    const isArray = col.type.array > 0;
    const isText = ["text", "varchar", "bpchar"].includes(col.type.names[col.type.names.length - 1] ?? "");
    if ((m[1] === "cardinality") !== isArray || (m[1] === "char_length") !== (isText && !isArray)) return undefined;
    return { column, which, value: m[4]! };
  }

  private fieldType(t: TypeInfo, notes: string[]): { type: string; array: boolean; enumMembers?: Map<string, string>; base: string } {
    const array = t.array > 0;
    if (t.array > 1) notes.push(`${t.array}-dimensional array`);
    const last = t.names[t.names.length - 1] ?? "text";
    const qualified = t.names.filter((n) => n !== "pg_catalog");
    const e = this.enums.get(typeKey(qualified)) ?? (qualified.length === 1 ? [...this.enums.values()].find((x) => x.name === last) : undefined);
    if (e) return { type: e.archName!, array, enumMembers: e.members!, base: "enum" };
    const domain = this.domains.get(typeKey(qualified));
    if (domain) {
      notes.push(`domain ${qualified.join(".")}${domain.notes.length ? ` (${domain.notes.join(", ")})` : ""}`);
      const inner = this.fieldType({ ...domain.base, array: domain.base.array + t.array }, notes);
      return inner;
    }
    if (this.composites.has(typeKey(qualified)) || this.composites.has(`public.${last}`)) {
      notes.push(`composite type ${qualified.join(".")}`);
      return { type: "jsonb", array, base: "jsonb" };
    }
    const [m1, m2] = t.mods;
    const simple = (type: string) => ({ type, array, base: type });
    switch (last) {
      case "int2":
      case "smallint":
        return simple("smallint");
      case "int4":
      case "int":
      case "integer":
        return simple("int");
      case "int8":
      case "bigint":
        return simple("bigint");
      case "serial":
      case "serial4":
        return simple("serial");
      case "bigserial":
      case "serial8":
        return simple("bigserial");
      case "smallserial":
      case "serial2":
        notes.push("smallserial");
        return simple("smallint");
      case "numeric":
      case "decimal":
        return simple(m1 !== undefined ? (m2 !== undefined ? `decimal(${m1}, ${m2})` : `decimal(${m1})`) : "decimal");
      case "float4":
      case "real":
        return simple("float");
      case "float8":
        return simple("double");
      case "money":
        return simple("money");
      case "bool":
      case "boolean":
        return simple("bool");
      case "text":
        return simple("text");
      case "varchar":
        if (m1 === undefined) {
          notes.push("varchar without a length");
          return simple("text");
        }
        return simple(`varchar(${m1})`);
      case "bpchar":
      case "char":
        return simple(`char(${m1 ?? 1})`);
      case "date":
        return simple("date");
      case "time":
        if (m1 !== undefined) notes.push(`precision ${m1}`);
        return simple("time");
      case "timetz":
        notes.push("time with time zone");
        return simple("time");
      case "timestamp":
        if (m1 !== undefined) notes.push(`precision ${m1}`);
        return simple("timestamp");
      case "timestamptz":
        if (m1 !== undefined) notes.push(`precision ${m1}`);
        return simple("timestamptz");
      case "interval":
        if (t.mods.length) notes.push("interval fields or precision");
        return simple("interval");
      case "json":
        return simple("json");
      case "jsonb":
        return simple("jsonb");
      case "bytea":
        return simple("bytes");
      case "uuid":
        return simple("uuid");
      case "citext":
        notes.push("citext (case-insensitive text)");
        return simple("text");
      default:
        notes.push(`type ${t.text.replace(/\[\]/g, "")}`);
        return simple("text");
    }
  }

  private defaultOf(c: Column, f: FieldOut, type: { type: string; array: boolean; enumMembers?: Map<string, string>; base: string }, ownedSerials: Map<string, string>, notes: string[]): void {
    const node = unwrapCast(c.default!.node);
    const set = (value: string): void => {
      f.attributes.push(`@default(${value})`);
    };
    const func = node?.FuncCall ? (node.FuncCall.funcname ?? []).map(sval).filter((n: string) => n !== "pg_catalog").join(".") : undefined;
    const svf = node?.SQLValueFunction?.op as string | undefined;
    if (func === "nextval") {
      const seqArg = unwrapCast(node.FuncCall.args?.[0]);
      const seq = seqArg?.A_Const?.sval?.sval as string | undefined;
      const seqKey = seq ? (seq.includes(".") ? seq : `public.${seq}`) : undefined;
      const owned = seqKey && [...ownedSerials.values()].includes(seqKey);
      const s = seqKey ? this.sequences.get(seqKey) : undefined;
      if (type.base === "int" || type.base === "bigint") {
        f.type = type.base === "int" ? "serial" : "bigserial";
        if (s) s.item.target = `${f.name} (${f.type})`;
        if (!owned && seqKey) notes.push(`nextval of ${seqKey}, a sequence the column does not own`);
      } else {
        set("identity");
        notes.push(`nextval('${seq ?? "?"}')`);
        if (s) s.item.target = `${f.name} (identity)`;
      }
      return;
    }
    if (func === "now" || func === "transaction_timestamp" || func === "statement_timestamp" || func === "clock_timestamp" || (svf && /CURRENT_TIMESTAMP|LOCALTIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIME/.test(svf))) {
      if (["timestamptz", "timestamp", "date", "time"].includes(type.base) && !type.array) {
        set("now");
        if (func && func !== "now") notes.push(`default ${func}()`);
        return;
      }
    }
    if ((func === "gen_random_uuid" || func === "uuid_generate_v4" || func === "uuidv4" || func === "uuidv7" || func === "uuid_generate_v7") && type.base === "uuid" && !type.array) {
      set("uuid");
      if (func !== "gen_random_uuid") notes.push(`default ${func}() (the generator writes gen_random_uuid())`);
      return;
    }
    const k = node?.A_Const;
    if (k) {
      if (k.isnull) return set("null");
      if (k.boolval !== undefined) return set(k.boolval.boolval ? "true" : "false");
      if (k.ival !== undefined) return set(String(k.ival.ival ?? 0));
      if (k.fval !== undefined) return set(String(k.fval.fval));
      if (k.sval !== undefined) {
        const v: string = k.sval.sval ?? "";
        if (type.enumMembers && !type.array) {
          const m = type.enumMembers.get(v);
          if (m) return set(m);
        }
        if (type.base === "bool" && /^(true|false|t|f)$/i.test(v)) return set(/^t/i.test(v) ? "true" : "false");
        if (["smallint", "int", "bigint", "serial", "bigserial", "float", "double"].includes(type.base) && /^-?\d+(\.\d+)?$/.test(v) && !type.array) return set(v);
        return set(quote(v));
      }
    }
    // Booleans and negative numbers may come as expressions.
    if (node?.TypeCast === undefined && node?.A_Expr?.kind === "AEXPR_OP" && sval(node.A_Expr.name?.[0]) === "-" && !node.A_Expr.lexpr) {
      const inner = node.A_Expr.rexpr?.A_Const;
      const v = inner?.ival?.ival ?? (inner?.fval ? inner.fval.fval : undefined);
      if (v !== undefined) return set(`-${v}`);
    }
    notes.push(`default ${this.defaultText(c)}: an expression the language cannot write`);
  }

  private defaultText(c: Column): string {
    const d = c.default!;
    const loc = firstLocation(d.node);
    if (loc === undefined) return "(expression)";
    const t = d.unit;
    let depth = 0;
    let i = loc;
    let start = loc;
    // Back up over an opening parenthesis that encloses the expression.
    while (start > 0 && /\s/.test(t.charAt(start - 1))) start--;
    if (t.charAt(start - 1) === "(") start--;
    else start = loc;
    for (i = start; i < t.length; i++) {
      const ch = t.charAt(i);
      if (ch === "'") {
        i++;
        while (i < t.length && t.charAt(i) !== "'") i++;
        continue;
      }
      if (ch === "(") depth++;
      else if (ch === ")") {
        if (depth === 0) break;
        depth--;
      } else if ((ch === "," || ch === ";") && depth === 0) break;
    }
    return t
      .slice(start, i)
      .replace(/\s+(NOT\s+NULL|NULL|CONSTRAINT|PRIMARY\s+KEY|UNIQUE|REFERENCES|CHECK|GENERATED|COLLATE)\b[\s\S]*$/i, "")
      .replace(/\s+/g, " ")
      .trim();
  }
}

// ---- helpers ------------------------------------------------------------------------------------------

function sval(n: PgNode): string {
  return n?.String?.sval ?? n?.sval ?? (typeof n === "string" ? n : "");
}

function relKey(rel: PgNode): string {
  const r = rel?.RangeVar ?? rel;
  return `${r?.schemaname ?? "public"}.${r?.relname ?? "?"}`;
}

function partsKey(parts: string[]): string {
  return parts.length > 1 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : `public.${parts[0] ?? "?"}`;
}

function typeKey(parts: string[]): string {
  return partsKey(parts);
}

function unwrapCast(n: PgNode): PgNode {
  let cur = n;
  for (let i = 0; i < 8 && cur?.TypeCast; i++) cur = cur.TypeCast.arg;
  return cur;
}

function walk(n: PgNode, visit: (n: PgNode) => void): void {
  if (!n || typeof n !== "object") return;
  visit(n);
  for (const v of Object.values(n)) {
    if (Array.isArray(v)) for (const x of v) walk(x, visit);
    else if (v && typeof v === "object") walk(v, visit);
  }
}

function firstLocation(n: PgNode): number | undefined {
  let best: number | undefined;
  walk(n, (x) => {
    for (const v of Object.values(x)) {
      if (v && typeof v === "object" && !Array.isArray(v) && typeof (v as { location?: unknown }).location === "number") {
        const loc = (v as { location: number }).location;
        if (loc >= 0 && (best === undefined || loc < best)) best = loc;
      }
    }
  });
  return best;
}

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function statementLabel(kind: string): string {
  const labels: Record<string, string> = {
    VariableSetStmt: "SET",
    SelectStmt: "SELECT set_config",
    CreateExtensionStmt: "CREATE EXTENSION",
    GrantStmt: "GRANT/REVOKE",
    GrantRoleStmt: "GRANT role",
    AlterOwnerStmt: "ALTER … OWNER",
    AlterDefaultPrivilegesStmt: "ALTER DEFAULT PRIVILEGES",
    CreateRoleStmt: "CREATE ROLE",
    AlterRoleStmt: "ALTER ROLE",
    TransactionStmt: "BEGIN/COMMIT",
    ViewStmt: "view",
    CreateFunctionStmt: "function",
    CreateTrigStmt: "trigger",
    CreatePolicyStmt: "policy",
    RuleStmt: "rule",
    CreateTableAsStmt: "materialized view",
    CreateSchemaStmt: "CREATE SCHEMA",
    AlterDatabaseSetStmt: "ALTER DATABASE",
  };
  return labels[kind] ?? kind.replace(/Stmt$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The partitions the SQL generator itself creates: `<table>_default` DEFAULT, or 4 hash partitions `<table>_p0…3`. */
function generatorPartitions(t: Table): boolean {
  if (!t.partition) return false;
  if (t.partition.strategy === "hash") {
    return t.partitions.length === 4 && t.partitions.every((p, i) => p.name === `${t.name}_p${i}` && p.bound.replace(/\s+/g, " ").toUpperCase() === `FOR VALUES WITH (MODULUS 4, REMAINDER ${i})`);
  }
  return t.partitions.length === 1 && t.partitions[0]!.name === `${t.name}_default` && t.partitions[0]!.bound === "DEFAULT";
}
