// From the semantic model to a plan of PostgreSQL objects: one schema per
// service (entities outside services get their system's schema, or `public`),
// its enum types, tables, keys, checks, indexes and partitions, every name
// allocated deterministically within PostgreSQL's 63 bytes. Whatever the DDL
// cannot say the way the model says it becomes a diagnostic here (and a
// `--` note in the output), never a silent change.

import type { Diagnostic, Severity } from "../../diagnostics/diagnostic";
import type { Attribute, Span } from "../../syntax/ast";
import type { EnumInfo, FieldInfo, Model, SchemaInfo, ServiceInfo, SystemInfo } from "../../semantic/model";
import { kebabCase, snakeCase, tableNameOf } from "../../util/names";
import { checkExpressionProblem } from "./check-expression";
import { INTEGER_TYPES, NUMERIC_TYPES, TEMPORAL_TYPES, TEXT_TYPES, comparable, mapType, type SqlType } from "./column-types";
import { MAX_IDENTIFIER_BYTES, Namespace, allocateIn, derivedName, qualified, quoteLiteral, shortHash, truncateBytes, utf8Length } from "./identifiers";

/** How many partitions a `@@partition(hash, …)` table gets (PostgreSQL has no default partition for hash). */
export const HASH_PARTITIONS = 4;

/** Engines whose DDL is PostgreSQL's (no note that the output is in another dialect). */
const POSTGRES_ENGINES = new Set(["postgres", "postgresql", "cockroachdb"]);

export interface ColumnPlan {
  field: FieldInfo;
  name: string;
  type: SqlType;
  notNull: boolean;
  identity: boolean;
  default?: string;
  comment?: string;
}

export interface KeyPlan {
  name: string;
  columns: string[];
}

export interface ForeignKeyPlan {
  name: string;
  field: FieldInfo;
  table: TablePlan;
  columns: string[];
  target: TablePlan;
  targetColumns: string[];
  /** `CASCADE`, `RESTRICT`, `SET NULL`, `SET DEFAULT`, `NO ACTION`. */
  onDelete?: string;
  /** Added after every table exists (`ALTER TABLE`), because it closes a cycle. */
  deferred: boolean;
}

export interface CheckPlan {
  name: string;
  expression: string;
}

export interface PartitionPlan {
  strategy: "range" | "list" | "hash";
  columns: string[];
  partitions: { name: string; bound: string }[];
}

export interface TablePlan {
  entity: SchemaInfo;
  schema: SchemaPlan;
  name: string;
  columns: ColumnPlan[];
  primaryKey?: KeyPlan;
  uniques: KeyPlan[];
  foreignKeys: ForeignKeyPlan[];
  checks: CheckPlan[];
  indexes: KeyPlan[];
  partition?: PartitionPlan;
  comment?: string;
  /** `--` lines written above the table: what the model says but the DDL does not enforce. */
  notes: string[];
}

export interface EnumPlan {
  info: EnumInfo;
  name: string;
  labels: string[];
  comment?: string;
  /** Set when the enum belongs elsewhere and this schema holds a copy. */
  copyOf?: string;
}

export interface SchemaPlan {
  service?: ServiceInfo;
  system?: SystemInfo;
  /** What the section is, for banners and messages: `service Catalog`. */
  title: string;
  name: string;
  /** False for `public`, which always exists. */
  create: boolean;
  comment?: string;
  /** File name without `.sql`. */
  fileStem: string;
  enums: EnumPlan[];
  /** In creation order: a table comes after the tables it references. */
  tables: TablePlan[];
  /** Foreign keys added by `ALTER TABLE` after all tables (cycles). */
  deferred: ForeignKeyPlan[];
  /** Schemas whose tables this one's entities reference (not enforced, but used for ordering). */
  dependsOn: Set<SchemaPlan>;
  diagnostics: Diagnostic[];
}

export interface SqlPlan {
  /** In dependency order: a schema comes after the schemas it references. */
  schemas: SchemaPlan[];
}

interface Group {
  service?: ServiceInfo;
  system?: SystemInfo;
  entities: SchemaInfo[];
}

const ON_DELETE: Record<string, string> = { cascade: "CASCADE", restrict: "RESTRICT", set_null: "SET NULL", set_default: "SET DEFAULT", no_action: "NO ACTION" };
const UUID_TEXT = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER_TEXT = /^[+-]?\d+$/;
const BOOL_TEXT = /^(true|false|t|f|yes|no|y|n|on|off|1|0)$/i;

export function planSql(model: Model): SqlPlan {
  return new Planner(model).run();
}

class Planner {
  private readonly schemaNames = new Namespace();
  private readonly fileStems = new Namespace();
  private readonly tableOf = new Map<SchemaInfo, TablePlan>();
  private readonly columnOf = new Map<FieldInfo, ColumnPlan>();
  private readonly planOf = new Map<Group, SchemaPlan>();

  constructor(private readonly model: Model) {
    for (const reserved of ["public", "information_schema", "pg_catalog", "pg_toast"]) this.schemaNames.reserve(reserved);
  }

  run(): SqlPlan {
    const groups = this.groups();
    const plans = groups.map((g) => this.declareSchema(g));
    // Table names first, in every schema, so that `@ref` can find any table.
    groups.forEach((g, i) => this.declareTables(g, plans[i]!));
    for (const plan of plans) this.declareEnums(plan);
    for (const plan of plans) for (const table of this.tablesOf(plan)) this.planColumns(table);
    for (const plan of plans) for (const table of this.tablesOf(plan)) this.planTableConstraints(table);
    for (const plan of plans) for (const table of this.tablesOf(plan)) this.planForeignKeys(table);
    for (const plan of plans) this.orderTables(plan);
    return { schemas: orderByDependency(plans, (p) => p.dependsOn) };
  }

  /** Tables of a schema before ordering (declaration order). */
  private readonly declared = new Map<SchemaPlan, TablePlan[]>();
  private tablesOf(plan: SchemaPlan): TablePlan[] {
    return this.declared.get(plan) ?? [];
  }

  // ---- grouping -------------------------------------------------------------

  private groups(): Group[] {
    const byKey = new Map<ServiceInfo | SystemInfo | null, Group>();
    for (const schema of this.model.schemas) {
      if (schema.kind !== "entity") continue;
      const key = schema.service ?? schema.system ?? null;
      let group = byKey.get(key);
      if (!group) {
        group = { entities: [] };
        if (schema.service) group.service = schema.service;
        const system = schema.service?.system ?? schema.system;
        if (system) group.system = system;
        byKey.set(key, group);
      }
      group.entities.push(schema);
    }
    return [...byKey.values()];
  }

  private declareSchema(group: Group): SchemaPlan {
    const { service, system } = group;
    const owner = service ?? system;
    const diagnostics: Diagnostic[] = [];
    let name = "public";
    let create = false;
    if (owner) {
      create = true;
      name = this.userIdentifier(snakeCase(owner.symbol.name) || "schema", owner.uri, owner.symbol.nameSpan, "schema", diagnostics, this.schemaNames, (wanted) =>
        wanted.startsWith("pg_") ? `schema names starting with \`pg_\` are reserved by PostgreSQL; the schema is called \`svc_${wanted}\`` : undefined,
      );
    }
    const title = service ? `service ${service.symbol.name}` : system ? `system ${system.symbol.name} (entities outside services)` : "entities outside any system";
    const stem = this.fileStems.allocate(kebabCase(owner?.symbol.name ?? "") || "public");
    const plan: SchemaPlan = { title, name, create, fileStem: stem, enums: [], tables: [], deferred: [], dependsOn: new Set(), diagnostics };
    if (service) plan.service = service;
    if (system) plan.system = system;
    const doc = service ? (service.decl.doc?.text ?? service.decl.title?.value) : undefined;
    if (doc) plan.comment = doc;
    if (service?.database?.engine && !POSTGRES_ENGINES.has(service.database.engine)) {
      this.report(plan, service.uri, service.decl.name, "info", "sql/not-postgres", `${service.symbol.name}'s database \`${service.database.symbol.name}\` is ${service.database.engine}; the generated DDL is PostgreSQL's.`);
    }
    this.planOf.set(group, plan);
    return plan;
  }

  // ---- names ------------------------------------------------------------------

  /**
   * A name the model gives (schema, table, column, type): kept as written
   * unless PostgreSQL would not keep it. Over 63 bytes it is cut the way
   * PostgreSQL cuts it (so a query that spells the long name still finds it);
   * if that collides, a hash suffix makes it unique.
   */
  private userIdentifier(wanted: string, uri: string, span: Span, what: string, diagnostics: Diagnostic[], space: Namespace, reject?: (name: string) => string | undefined): string {
    let name = wanted.replace(/\u0000/g, "");
    const rejected = reject?.(name);
    if (rejected) {
      diagnostics.push(diag(uri, span, "warning", "sql/reserved-name", `The ${what} name \`${name}\` cannot be used: ${rejected}.`));
      name = `svc_${name}`;
    }
    if (utf8Length(name) > MAX_IDENTIFIER_BYTES) {
      const cut = truncateBytes(name, MAX_IDENTIFIER_BYTES);
      diagnostics.push(diag(uri, span, "warning", "sql/identifier-truncated", `The ${what} name \`${name}\` is ${utf8Length(name)} bytes; PostgreSQL keeps ${MAX_IDENTIFIER_BYTES}, so it is generated as \`${cut}\`.`));
      name = cut;
    }
    if (space.reserve(name)) return name;
    const unique = allocateIn(`${truncateBytes(name, MAX_IDENTIFIER_BYTES - 9)}_${shortHash(wanted)}`, [space]);
    diagnostics.push(diag(uri, span, "warning", "sql/name-conflict", `The ${what} name \`${name}\` is already used in the same namespace; it is generated as \`${unique}\`.`));
    return unique;
  }

  private report(plan: SchemaPlan, uri: string, span: Span, severity: Severity, code: string, message: string): void {
    plan.diagnostics.push(diag(uri, span, severity, code, message));
  }

  // ---- tables and enums --------------------------------------------------------

  private readonly relations = new Map<SchemaPlan, Namespace>();
  private relationsOf(plan: SchemaPlan): Namespace {
    let ns = this.relations.get(plan);
    if (!ns) this.relations.set(plan, (ns = new Namespace()));
    return ns;
  }

  private declareTables(group: Group, plan: SchemaPlan): void {
    const tables: TablePlan[] = [];
    for (const entity of group.entities) {
      const tableAttr = entity.decl.tableAttributes.find((a) => a.name.text === "table");
      let wanted = entity.tableName;
      if (wanted.replace(/\u0000/g, "") === "") {
        wanted = tableNameOf(entity.symbol.name || "unnamed");
        this.report(plan, entity.uri, tableAttr ?? entity.decl.name, "warning", "sql/empty-name", `A table name cannot be empty; the table is called \`${wanted}\`.`);
      }
      const name = this.userIdentifier(wanted, entity.uri, tableAttr ?? entity.decl.name, "table", plan.diagnostics, this.relationsOf(plan));
      const table: TablePlan = { entity, schema: plan, name, columns: [], uniques: [], foreignKeys: [], checks: [], indexes: [], notes: [] };
      if (entity.decl.doc?.text) table.comment = entity.decl.doc.text;
      tables.push(table);
      this.tableOf.set(entity, table);
    }
    this.declared.set(plan, tables);
  }

  private declareEnums(plan: SchemaPlan): void {
    const own = plan.service ? plan.service.enums : plan.system ? plan.system.enums : this.model.enums.filter((e) => !e.service && !e.system);
    for (const e of own) this.enumIn(plan, e);
  }

  private readonly enumNames = new Map<SchemaPlan, Map<EnumInfo, EnumPlan>>();

  /** The enum's type in `plan`'s schema: its own, or a copy of one declared elsewhere. */
  private enumIn(plan: SchemaPlan, info: EnumInfo, usedAt?: { uri: string; span: Span }): EnumPlan {
    let map = this.enumNames.get(plan);
    if (!map) this.enumNames.set(plan, (map = new Map()));
    const existing = map.get(info);
    if (existing) return existing;
    const owner = info.service ?? info.system;
    const ownHere = plan.service ? info.service === plan.service : plan.system ? !info.service && info.system === plan.system : !info.service && !info.system;
    const relations = this.relationsOf(plan);
    let wanted = snakeCase(info.symbol.name) || "enum";
    if (!ownHere && owner && relations.has(wanted)) wanted = `${snakeCase(owner.symbol.name)}_${wanted}`;
    const name = this.userIdentifier(wanted, info.uri, info.decl.name, "type", plan.diagnostics, relations);
    const labels: string[] = [];
    for (const m of info.members) {
      let label = m.symbol.name;
      if (utf8Length(label) > MAX_IDENTIFIER_BYTES) {
        const cut = truncateBytes(label, MAX_IDENTIFIER_BYTES);
        this.report(plan, info.uri, m.decl.name, "warning", "sql/identifier-truncated", `PostgreSQL enum labels are at most ${MAX_IDENTIFIER_BYTES} bytes; \`${label}\` is generated as \`${cut}\`.`);
        label = cut;
      }
      if (!labels.includes(label)) labels.push(label);
    }
    const ep: EnumPlan = { info, name, labels };
    if (info.decl.doc?.text) ep.comment = info.decl.doc.text;
    if (!ownHere) {
      ep.copyOf = owner ? `${owner.symbol.kind} ${owner.symbol.name}` : "the model";
      if (usedAt) {
        this.report(plan, usedAt.uri, usedAt.span, "info", "sql/enum-copied", `The enum ${info.symbol.name} belongs to ${ep.copyOf}; ${plan.title} gets its own copy, \`${plan.name}.${name}\`, so that its schema does not depend on another's.`);
      }
    }
    map.set(info, ep);
    plan.enums.push(ep);
    return ep;
  }

  // ---- columns -------------------------------------------------------------------

  private planColumns(table: TablePlan): void {
    const plan = table.schema;
    const entity = table.entity;
    const names = new Namespace();
    const keyFields = new Set(this.primaryKeyFields(table).fields);
    for (const field of entity.fields) {
      if (!field.symbol.name) continue;
      const name = this.userIdentifier(field.symbol.name, entity.uri, field.decl.name, "column", plan.diagnostics, names);
      const { type, problems } = mapType(field.type, (e) => {
        const ep = this.enumIn(plan, e, { uri: entity.uri, span: field.decl.type });
        return qualified(plan.name, ep.name);
      });
      for (const p of problems) this.report(plan, entity.uri, field.decl.type, p.severity, p.code, p.message);
      const column: ColumnPlan = { field, name, type, notNull: !field.type.optional, identity: false };
      if (field.decl.doc?.text) column.comment = field.decl.doc.text;
      const isKey = keyFields.has(field);
      if (isKey && field.type.optional) {
        this.report(plan, entity.uri, field.decl.type, "info", "sql/nullable-key", `\`${field.symbol.name}\` is part of the primary key, so its column is NOT NULL although the field is optional.`);
        column.notNull = true;
      }
      if (type.builtin === "serial" || type.builtin === "bigserial") {
        if (!type.array && field.type.optional && !isKey) {
          this.report(plan, entity.uri, field.decl.type, "info", "sql/nullable-serial", `A ${type.builtin} column is always NOT NULL; the \`?\` on \`${field.symbol.name}\` has no effect.`);
        }
        if (!type.array) column.notNull = true;
      }
      const defaultAttr = attr(field, "default");
      if (defaultAttr) this.planDefault(table, column, defaultAttr);
      table.columns.push(column);
      this.columnOf.set(field, column);
    }
  }

  private planDefault(table: TablePlan, column: ColumnPlan, at: Attribute): void {
    const arg = at.args[0];
    if (!arg) return;
    const plan = table.schema;
    const uri = table.entity.uri;
    const t = column.type;
    const b = t.builtin;
    const field = column.field.symbol.name;
    const skip = (why: string) => {
      this.report(plan, uri, at, "warning", "sql/default-skipped", `\`@default(${arg.argKind === "string" ? JSON.stringify(arg.value) : arg.text})\` is not generated: ${why}.`);
      table.notes.push(`${column.name}: no DEFAULT (${why})`);
    };
    const isSerial = b === "serial" || b === "bigserial";
    if (isSerial && !t.array && !(arg.argKind === "ident" && arg.text === "identity")) return skip(`a ${b} column takes its default from its sequence`);
    if (arg.argKind === "ident" || arg.argKind === "qualified") {
      const word = arg.text;
      if (t.enum && !t.array) {
        if (t.enum.members.some((m) => m.symbol.name === word)) column.default = quoteLiteral(truncateBytes(word, MAX_IDENTIFIER_BYTES));
        else skip(`\`${word}\` is not a value of ${t.enum.symbol.name}`);
        return;
      }
      switch (word) {
        case "now":
          if (t.array || !b || !TEMPORAL_TYPES.has(b)) return skip(`\`now\` needs a date, time or timestamp column, and \`${field}\` is ${column.field.type.display}`);
          column.default = b === "date" ? "CURRENT_DATE" : b === "time" ? "LOCALTIME" : "now()";
          return;
        case "uuid":
          if (t.array || b !== "uuid") return skip(`\`uuid\` needs a uuid column, and \`${field}\` is ${column.field.type.display}`);
          column.default = "gen_random_uuid()";
          return;
        case "identity":
          if (t.array || !b || !INTEGER_TYPES.has(b)) return skip(`an identity column must be smallint, int or bigint, and \`${field}\` is ${column.field.type.display}`);
          if (isSerial) {
            const base = b === "serial" ? "integer" : "bigint";
            this.report(plan, uri, at, "info", "sql/serial-identity", `\`${field}\` is ${b} with \`@default(identity)\`: it is generated as \`${base}\` identity column, without the serial's own sequence.`);
            column.type = { ...t, sql: base };
          }
          column.identity = true;
          if (column.field.type.optional && !column.notNull) {
            this.report(plan, uri, at, "info", "sql/nullable-identity", `An identity column is always NOT NULL; the \`?\` on \`${field}\` has no effect.`);
          }
          column.notNull = true;
          return;
        case "true":
        case "false":
          if (t.array || b !== "bool") return skip(`\`${word}\` needs a bool column`);
          column.default = word;
          return;
        case "null":
          if (column.notNull) return skip(`\`${field}\` is NOT NULL`);
          column.default = "NULL";
          return;
        default:
          return skip(`\`${word}\` is not a default PostgreSQL knows here (now, uuid, identity, true, false, null or an enum value)`);
      }
    }
    const text = arg.argKind === "number" ? arg.text : String(arg.value ?? arg.text);
    if (t.array) {
      if (arg.argKind === "number") return skip("an array column needs an array literal such as `\"{}\"`");
      column.default = quoteLiteral(text);
      return;
    }
    if (arg.argKind === "number") {
      if (b && INTEGER_TYPES.has(b)) {
        if (!INTEGER_TEXT.test(text)) return skip(`\`${field}\` holds whole numbers`);
        column.default = text;
      } else if (b && NUMERIC_TYPES.has(b)) column.default = text;
      else if (b && TEXT_TYPES.has(b)) column.default = this.fitText(column, text, skip);
      else if (t.embedded || b === "json" || b === "jsonb") column.default = quoteLiteral(text);
      else return skip(`a number is not a value of ${column.field.type.display}`);
      return;
    }
    // A string literal: checked where the format is simple, else left to PostgreSQL.
    if (t.enum) {
      if (t.enum.members.some((m) => m.symbol.name === text)) column.default = quoteLiteral(text);
      else skip(`\`${text}\` is not a value of ${t.enum.symbol.name}`);
      return;
    }
    if (t.embedded || b === "json" || b === "jsonb") {
      try {
        JSON.parse(text);
      } catch {
        return skip(`\`${text}\` is not valid JSON`);
      }
      column.default = quoteLiteral(text);
      return;
    }
    if (b === "uuid" && !UUID_TEXT.test(text)) return skip(`\`${text}\` is not a uuid`);
    if (b === "bool" && !BOOL_TEXT.test(text)) return skip(`\`${text}\` is not a boolean`);
    if (b && INTEGER_TYPES.has(b) && !INTEGER_TEXT.test(text.trim())) return skip(`\`${text}\` is not a whole number`);
    if ((b === "decimal" || b === "float" || b === "double") && !NUMBER_TEXT.test(text.trim()) && !/^\s*([+-]?infinity|nan)\s*$/i.test(text)) return skip(`\`${text}\` is not a number`);
    if (b && TEXT_TYPES.has(b)) {
      column.default = this.fitText(column, text, skip);
      return;
    }
    column.default = quoteLiteral(text);
  }

  private fitText(column: ColumnPlan, text: string, skip: (why: string) => void): string | undefined {
    const b = column.type.builtin;
    const n = column.field.type.args[0];
    if ((b === "varchar" || b === "char") && n !== undefined && [...text].length > n) {
      skip(`\`${text}\` is longer than ${n} characters`);
      return undefined;
    }
    return quoteLiteral(text);
  }

  // ---- keys, checks, indexes, partitions -------------------------------------------

  private primaryKeyFields(table: TablePlan): { fields: FieldInfo[]; source?: Attribute } {
    const entity = table.entity;
    const byName = new Map(entity.fields.map((f) => [f.symbol.name, f]));
    const composite = entity.decl.tableAttributes.filter((a) => a.name.text === "id");
    if (composite.length > 0) {
      const first = composite[0]!;
      const fields = first.args.map((a) => (a.argKind === "ident" ? byName.get(a.text) : undefined)).filter((f): f is FieldInfo => !!f);
      return { fields: unique(fields), source: first };
    }
    return { fields: entity.fields.filter((f) => attr(f, "id")) };
  }

  private planTableConstraints(table: TablePlan): void {
    const plan = table.schema;
    const entity = table.entity;
    const uri = entity.uri;
    const relations = this.relationsOf(plan);
    const constraints = this.constraintNames(table);
    const col = (f: FieldInfo) => this.columnOf.get(f);
    const byName = new Map(entity.fields.map((f) => [f.symbol.name, f]));
    const columnsOf = (a: Attribute, from = 0): ColumnPlan[] =>
      unique(
        a.args
          .slice(from)
          .map((x) => (x.argKind === "ident" ? byName.get(x.text) : undefined))
          .map((f) => (f ? col(f) : undefined))
          .filter((c): c is ColumnPlan => !!c),
      );

    // Partitioning comes first: keys must include its columns.
    const partitionAttrs = entity.decl.tableAttributes.filter((a) => a.name.text === "partition");
    for (const extra of partitionAttrs.slice(1)) this.report(plan, uri, extra, "warning", "sql/partition-skipped", "A table is partitioned once; only the first `@@partition` is generated.");
    const partitionAttr = partitionAttrs[0];
    if (partitionAttr) {
      const strategy = partitionAttr.args[0]?.text;
      const columns = columnsOf(partitionAttr, 1);
      const refuse = (why: string) => {
        this.report(plan, uri, partitionAttr, "warning", "sql/partition-skipped", `The table is not partitioned: ${why}.`);
        table.notes.push(`not partitioned: ${why}`);
      };
      if (strategy !== "range" && strategy !== "list" && strategy !== "hash") refuse("the strategy must be range, list or hash");
      else if (columns.length === 0) refuse("no partition key column");
      else if (strategy === "list" && columns.length > 1) refuse("list partitioning takes exactly one column");
      else {
        const bad = columns.find((c) => (strategy === "hash" ? !c.type.hash : !c.type.btree));
        if (bad) refuse(`a ${bad.type.sql} column (\`${bad.name}\`) cannot be a ${strategy} partition key`);
        else {
          const partitions: PartitionPlan["partitions"] =
            strategy === "hash"
              ? Array.from({ length: HASH_PARTITIONS }, (_, i) => ({ name: relations.allocate(`${table.name}_p${i}`), bound: `FOR VALUES WITH (MODULUS ${HASH_PARTITIONS}, REMAINDER ${i})` }))
              : [{ name: relations.allocate(`${table.name}_default`), bound: "DEFAULT" }];
          table.partition = { strategy, columns: columns.map((c) => c.name), partitions };
        }
      }
    }
    const partitionColumns = table.partition?.columns ?? [];
    const withPartitionKey = (what: string, columns: string[], at: Span): string[] => {
      const missing = partitionColumns.filter((c) => !columns.includes(c));
      if (missing.length === 0) return columns;
      this.report(plan, uri, at, "warning", "sql/partition-key-in-unique", `PostgreSQL requires every unique key of a partitioned table to include the partition key: the ${what} is generated as (${[...columns, ...missing].join(", ")}), so (${columns.join(", ")}) alone is no longer guaranteed unique.`);
      table.notes.push(`${what} (${columns.join(", ")}) extended with the partition key: (${[...columns, ...missing].join(", ")})`);
      return [...columns, ...missing];
    };
    const keyable = (columns: ColumnPlan[], what: string, at: Span): boolean => {
      const bad = columns.find((c) => !c.type.btree);
      if (!bad) return true;
      this.report(plan, uri, at, "warning", "sql/key-skipped", `The ${what} is not generated: a ${bad.type.sql} column (\`${bad.name}\`) cannot be compared; use jsonb.`);
      table.notes.push(`no ${what} on (${columns.map((c) => c.name).join(", ")}): ${bad.type.sql} cannot be compared`);
      return false;
    };

    // Primary key.
    const pk = this.primaryKeyFields(table);
    const extraIds = entity.decl.tableAttributes.filter((a) => a.name.text === "id").slice(1);
    for (const extra of extraIds) this.report(plan, uri, extra, "warning", "sql/duplicate-primary-key", "A table has one primary key; only the first `@@id` is generated.");
    if (pk.source) {
      for (const f of entity.fields.filter((f) => attr(f, "id"))) {
        this.report(plan, uri, attr(f, "id")!, "warning", "sql/duplicate-primary-key", `\`@id\` on \`${f.symbol.name}\` is ignored: the entity's \`@@id\` is its primary key.`);
      }
    }
    const pkColumns = pk.fields.map(col).filter((c): c is ColumnPlan => !!c);
    const pkAt = pk.source ?? (pk.fields[0] ? attr(pk.fields[0], "id")! : entity.decl.name);
    if (pkColumns.length > 0 && keyable(pkColumns, "primary key", pkAt)) {
      const columns = withPartitionKey("primary key", pkColumns.map((c) => c.name), pkAt);
      for (const c of table.columns) if (columns.includes(c.name)) c.notNull = true;
      table.primaryKey = { name: allocateIn(`${table.name}_pkey`, [relations, constraints]), columns };
    }

    // Unique constraints: `@unique` columns, then `@@unique` lists.
    const seen = new Set<string>(table.primaryKey ? [table.primaryKey.columns.join(",")] : []);
    const addUnique = (columns: ColumnPlan[], at: Span) => {
      if (columns.length === 0 || !keyable(columns, "unique constraint", at)) return;
      const names = withPartitionKey("unique constraint", columns.map((c) => c.name), at);
      const key = names.join(",");
      if (seen.has(key)) return;
      seen.add(key);
      table.uniques.push({ name: allocateIn(derivedName(table.name, columns.map((c) => c.name), "key"), [relations, constraints]), columns: names });
    };
    for (const f of entity.fields) {
      const u = attr(f, "unique");
      const c = col(f);
      if (u && c) addUnique([c], u);
    }
    for (const a of entity.decl.tableAttributes) if (a.name.text === "unique") addUnique(columnsOf(a), a);

    // Checks: `@check("sql")` verbatim, `@min`/`@max` as bounds.
    for (const f of entity.fields) {
      const c = col(f);
      if (!c) continue;
      for (const a of f.decl.attributes) {
        const arg = a.args[0];
        if (a.name.text === "check" && arg?.argKind === "string") {
          const sql = String(arg.value ?? arg.text);
          const problem = checkExpressionProblem(sql);
          if (problem) {
            this.report(plan, uri, a, "warning", "sql/check-refused", `This @check is not generated: ${problem}. Its text is placed verbatim inside CHECK ( … ), so it must be one SQL condition.`);
            table.notes.push(`${c.name}: @check not generated (${problem})`);
            continue;
          }
          table.checks.push({ name: constraints.allocate(derivedName(table.name, [c.name], "check")), expression: sql.trim() });
        } else if ((a.name.text === "min" || a.name.text === "max") && arg?.argKind === "number") {
          const bound = this.boundCheck(c, a.name.text, arg.text);
          if (bound) table.checks.push({ name: constraints.allocate(derivedName(table.name, [c.name], a.name.text)), expression: bound });
          else this.report(plan, uri, a, "info", "sql/bound-skipped", `\`@${a.name.text}\` on a ${c.type.sql} column has no SQL check; it stays an API validation.`);
        }
      }
    }

    // Indexes: `@index` columns, then `@@index` lists; an identical list is created once.
    const indexed = new Set<string>();
    const addIndex = (columns: ColumnPlan[], at: Span) => {
      if (columns.length === 0 || !keyable(columns, "index", at)) return;
      const key = columns.map((c) => c.name).join(",");
      if (indexed.has(key)) return;
      indexed.add(key);
      table.indexes.push({ name: relations.allocate(derivedName(table.name, columns.map((c) => c.name), "idx")), columns: columns.map((c) => c.name) });
    };
    for (const f of entity.fields) {
      const i = attr(f, "index");
      const c = col(f);
      if (i && c) addIndex([c], i);
    }
    for (const a of entity.decl.tableAttributes) if (a.name.text === "index") addIndex(columnsOf(a), a);
  }

  private boundCheck(c: ColumnPlan, which: "min" | "max", value: string): string | undefined {
    const op = which === "min" ? ">=" : "<=";
    const b = c.type.builtin;
    const name = qualified(undefined, c.name);
    if (c.type.array) return INTEGER_TEXT.test(value) ? `cardinality(${name}) ${op} ${value}` : undefined;
    if (b && NUMERIC_TYPES.has(b) && b !== "money") return `${name} ${op} ${value}`;
    if (b && TEXT_TYPES.has(b) && INTEGER_TEXT.test(value)) return `char_length(${name}) ${op} ${value}`;
    return undefined;
  }

  private readonly constraintSpaces = new Map<TablePlan, Namespace>();
  private constraintNames(table: TablePlan): Namespace {
    let ns = this.constraintSpaces.get(table);
    if (!ns) this.constraintSpaces.set(table, (ns = new Namespace()));
    return ns;
  }

  // ---- foreign keys ------------------------------------------------------------------

  private planForeignKeys(table: TablePlan): void {
    const plan = table.schema;
    const uri = table.entity.uri;
    for (const field of table.entity.fields) {
      const ref = field.ref;
      const column = this.columnOf.get(field);
      if (!ref || !ref.entity || !ref.field || !column || ref.entity.kind !== "entity") continue;
      const target = this.tableOf.get(ref.entity);
      const targetColumn = this.columnOf.get(ref.field);
      if (!target || !targetColumn) continue;
      const refText = `${qualified(target.schema.name, target.name)} (${qualified(undefined, targetColumn.name)})`;
      if (target.schema !== plan) {
        plan.dependsOn.add(target.schema);
        const owner = target.schema.title;
        this.report(plan, uri, ref.span, "info", "sql/cross-service-reference", `\`${field.symbol.name}\` refers to ${ref.entity.symbol.name}.${ref.field.symbol.name} in ${owner}: no foreign key is generated across service boundaries (each service owns its database); the reference is documented in a comment.`);
        table.notes.push(`${column.name} refers to ${refText} in ${owner}: not enforced across services`);
        continue;
      }
      const refuse = (why: string) => {
        this.report(plan, uri, ref.span, "warning", "sql/foreign-key-skipped", `No foreign key is generated for \`${field.symbol.name}\`: ${why}.`);
        table.notes.push(`${column.name} refers to ${refText}: no foreign key (${why})`);
      };
      if (!comparable(column.type, targetColumn.type)) {
        refuse(`its type ${column.type.sql} does not match ${ref.entity.symbol.name}.${ref.field.symbol.name} (${targetColumn.type.sql})`);
        continue;
      }
      const keys = [target.primaryKey?.columns, ...target.uniques.map((u) => u.columns)].filter((k): k is string[] => !!k);
      if (!keys.some((k) => k.length === 1 && k[0] === targetColumn.name)) {
        const partitioned = target.partition && keys.some((k) => k.includes(targetColumn.name));
        refuse(
          partitioned
            ? `${target.name} is partitioned, so ${targetColumn.name} alone is not a unique key there`
            : `${ref.entity.symbol.name}.${ref.field.symbol.name} is neither the primary key nor unique`,
        );
        continue;
      }
      const onDeleteAttr = attr(field, "on_delete");
      const onDelete = onDeleteAttr?.args[0] ? ON_DELETE[onDeleteAttr.args[0].text] : undefined;
      if (onDelete === "SET NULL" && column.notNull) {
        this.report(plan, uri, onDeleteAttr!, "warning", "sql/set-null-on-required", `\`@on_delete(set_null)\` on the NOT NULL column \`${field.symbol.name}\`: deleting the referenced row will fail. Make the field optional (\`${field.type.display}?\`) or choose another action.`);
      }
      if (onDelete === "SET DEFAULT" && column.default === undefined && !column.identity) {
        this.report(plan, uri, onDeleteAttr!, "warning", "sql/set-default-without-default", `\`@on_delete(set_default)\` but \`${field.symbol.name}\` has no default: deleting the referenced row sets it to NULL${column.notNull ? ", which its NOT NULL refuses" : ""}.`);
      }
      const fk: ForeignKeyPlan = {
        name: this.constraintNames(table).allocate(derivedName(table.name, [column.name], "fkey")),
        field,
        table,
        columns: [column.name],
        target,
        targetColumns: [targetColumn.name],
        deferred: false,
      };
      if (onDelete) fk.onDelete = onDelete;
      table.foreignKeys.push(fk);
    }
  }

  /**
   * Puts tables after the tables they reference. Among the tables that are
   * ready, the first declared goes first; when only cycles remain, the first
   * declared of them goes next and its references to tables not yet created
   * become `ALTER TABLE … ADD CONSTRAINT` after all tables.
   */
  private orderTables(plan: SchemaPlan): void {
    const remaining = [...this.tablesOf(plan)];
    const created = new Set<TablePlan>();
    const ready = (t: TablePlan) => t.foreignKeys.every((fk) => fk.target === t || created.has(fk.target));
    while (remaining.length > 0) {
      let index = remaining.findIndex(ready);
      if (index < 0) index = 0;
      const table = remaining.splice(index, 1)[0]!;
      for (const fk of table.foreignKeys) {
        if (fk.target !== table && !created.has(fk.target)) {
          fk.deferred = true;
          plan.deferred.push(fk);
        }
      }
      created.add(table);
      plan.tables.push(table);
    }
  }
}

// ---- helpers ------------------------------------------------------------------------

function diag(uri: string, span: Span, severity: Severity, code: string, message: string): Diagnostic {
  return { uri, start: span.start, end: span.end, severity, code, message };
}

function attr(field: FieldInfo, name: string): Attribute | undefined {
  return field.decl.attributes.find((a) => a.name.text === name);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Items after those they depend on; ties (and cycles) keep the given order. */
export function orderByDependency<T>(items: T[], deps: (item: T) => Set<T>): T[] {
  const remaining = [...items];
  const placed = new Set<T>();
  const out: T[] = [];
  while (remaining.length > 0) {
    let index = remaining.findIndex((item) => [...deps(item)].every((d) => d === item || placed.has(d) || !items.includes(d)));
    if (index < 0) index = 0;
    const item = remaining.splice(index, 1)[0]!;
    placed.add(item);
    out.push(item);
  }
  return out;
}
