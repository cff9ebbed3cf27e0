// Shared helpers of the schema rules (not a rule): the tables of a model, their
// keys and indexes as ordered column lists, the engine a table lives in, and
// the text edits the schema fixes make (replace a column type, add or remove
// an attribute, add an entity-level `@@` line).

import type { TextEdit } from "../../../../diagnostics/diagnostic";
import type { FieldInfo, Model, SchemaInfo } from "../../../../semantic/model";
import type { Attribute, Span, TypeRef } from "../../../../syntax/ast";

/** Known engines without relational tables, keys and foreign keys: the schema rules do not judge their entities. */
const NON_RELATIONAL_ENGINES = new Set(["mongodb", "dynamodb", "cassandra", "elasticsearch", "opensearch", "redis", "clickhouse"]);

/** The declared engine of the database of an entity's service, if any. */
export function engineOf(entity: SchemaInfo): string | undefined {
  return entity.service?.database?.engine;
}

/** Entities (tables), except those of a database whose engine is known not to be relational. */
export function tables(model: Model): SchemaInfo[] {
  return model.schemas.filter((s) => {
    if (s.kind !== "entity") return false;
    const engine = engineOf(s);
    return engine === undefined || !NON_RELATIONAL_ENGINES.has(engine);
  });
}

/** Tables the PostgreSQL-specific rules judge: no engine declared (the DDL target is PostgreSQL), or `postgres`. */
export function postgresTables(model: Model): SchemaInfo[] {
  return tables(model).filter((s) => {
    const engine = engineOf(s);
    return engine === undefined || engine === "postgres";
  });
}

export function attr(field: FieldInfo, name: string): Attribute | undefined {
  return field.decl.attributes.find((a) => a.name.text === name);
}

export function tableAttrs(entity: SchemaInfo, name: string): Attribute[] {
  return entity.decl.tableAttributes.filter((a) => a.name.text === name);
}

/** The column names an `@@index(a, b)`-style attribute lists (for `@@partition`, after the strategy). */
export function attrColumns(a: Attribute): string[] {
  const args = a.name.text === "partition" ? a.args.slice(1) : a.args;
  return args.filter((x) => x.argKind === "ident" && x.name && !x.name.missing).map((x) => x.name!.text);
}

export type KeyKind = "pk" | "unique" | "index";

/** A primary key, unique constraint or index: its ordered columns and where it is written. */
export interface TableKey {
  kind: KeyKind;
  columns: string[];
  /** The attribute that declares it (`@unique` on a column, or `@@index(...)`); for a pk made of `@id` columns, the first `@id`. */
  attr: Attribute;
  /** The field for a column-level attribute. */
  field?: FieldInfo;
  /** Every `@id` attribute of a key made of `@id` columns. */
  idAttrs?: { attr: Attribute; field: FieldInfo }[];
}

export interface TableKeys {
  pk?: TableKey;
  uniques: TableKey[];
  indexes: TableKey[];
  /** Every key in source order. */
  all: TableKey[];
}

/**
 * The keys of an entity. The primary key is `@@id(...)` when present, else the
 * `@id` columns in declaration order.
 */
const keysCache = new WeakMap<SchemaInfo, TableKeys>();

/** Cached per entity: several rules ask for the same entity's keys in one lint run. */
export function keysOf(entity: SchemaInfo): TableKeys {
  let keys = keysCache.get(entity);
  if (!keys) {
    keys = computeKeys(entity);
    keysCache.set(entity, keys);
  }
  return keys;
}

function computeKeys(entity: SchemaInfo): TableKeys {
  const all: TableKey[] = [];
  const ids: { attr: Attribute; field: FieldInfo }[] = [];
  for (const field of entity.fields) {
    for (const a of field.decl.attributes) {
      const name = a.name.text;
      if (name === "id") ids.push({ attr: a, field });
      else if (name === "unique") all.push({ kind: "unique", columns: [field.symbol.name], attr: a, field });
      else if (name === "index") all.push({ kind: "index", columns: [field.symbol.name], attr: a, field });
    }
  }
  let pk: TableKey | undefined;
  for (const a of entity.decl.tableAttributes) {
    const name = a.name.text;
    const columns = attrColumns(a);
    if (columns.length === 0) continue;
    if (name === "id") {
      const key: TableKey = { kind: "pk", columns, attr: a };
      pk ??= key;
      all.push(key);
    } else if (name === "unique") all.push({ kind: "unique", columns, attr: a });
    else if (name === "index") all.push({ kind: "index", columns, attr: a });
  }
  if (!pk && ids.length > 0) {
    pk = { kind: "pk", columns: ids.map((i) => i.field.symbol.name), attr: ids[0]!.attr, field: ids[0]!.field, idAttrs: ids };
    all.push(pk);
  }
  all.sort((a, b) => a.attr.start - b.attr.start);
  return { ...(pk ? { pk } : {}), uniques: all.filter((k) => k.kind === "unique"), indexes: all.filter((k) => k.kind === "index"), all };
}

/** True when `prefix` is a leading part of (or equal to) `columns`. */
export function isPrefix(prefix: readonly string[], columns: readonly string[]): boolean {
  return prefix.length <= columns.length && prefix.every((c, i) => columns[i] === c);
}

/** A description of a key for messages: `@unique on sku`, `@@index(a, b)`, `the primary key (id)`. */
export function describeKey(key: TableKey): string {
  if (key.kind === "pk") return `the primary key (${key.columns.join(", ")})`;
  if (key.field) return `\`${key.field.symbol.name} @${key.attr.name.text}\``;
  return `\`@@${key.attr.name.text}(${key.columns.join(", ")})\``;
}

// ---- types ------------------------------------------------------------------

/** The type name and its arguments, without `[]` and `?`: `decimal(12, 2)` in `decimal(12, 2)[]?`. */
export function typeBaseSpan(ref: TypeRef, text: string): Span {
  const last = ref.args[ref.args.length - 1];
  if (!last) return { start: ref.name.start, end: ref.name.end };
  const close = text.indexOf(")", last.end);
  return { start: ref.name.start, end: close >= 0 && close < ref.end ? close + 1 : last.end };
}

/** An edit replacing a column's type name and arguments, keeping `[]` and `?`. */
export function replaceTypeEdit(field: FieldInfo, text: string, newType: string): TextEdit {
  const span = typeBaseSpan(field.decl.type, text);
  return { uri: field.schema.uri, start: span.start, end: span.end, newText: newType };
}

/** The type written without `[]`/`?`: `varchar(64)`. */
export function baseDisplay(field: FieldInfo): string {
  const ref = field.decl.type;
  return ref.name.text + (ref.args.length ? `(${ref.args.map((a) => a.text).join(", ")})` : "");
}

// ---- edits ------------------------------------------------------------------

/** Appends ` @attr` after a field's last attribute (or its type). */
export function addAttributeEdit(field: FieldInfo, attribute: string): TextEdit {
  return { uri: field.schema.uri, start: field.decl.end, end: field.decl.end, newText: ` ${attribute}` };
}

/** Removes a column attribute together with the blanks before it. */
export function removeAttributeEdit(uri: string, text: string, a: Span): TextEdit {
  let start = a.start;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  return { uri, start, end: a.end, newText: "" };
}

/** Removes an entity-level `@@` attribute: its whole line when nothing but blanks and a comment share it. */
export function removeLineEdit(uri: string, text: string, a: Span): TextEdit {
  const lineStart = text.lastIndexOf("\n", a.start - 1) + 1;
  const nl = text.indexOf("\n", a.end);
  const lineEnd = nl < 0 ? text.length : nl;
  const before = text.slice(lineStart, a.start);
  const after = text.slice(a.end, lineEnd).trim();
  if (before.trim() === "" && (after === "" || after.startsWith("//"))) {
    return { uri, start: lineStart, end: nl < 0 ? lineEnd : nl + 1, newText: "" };
  }
  return removeAttributeEdit(uri, text, a);
}

/** The blanks that start the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * Inserts a line (`@@index(a)`) before the line holding `offset`, with that
 * line's indentation; undefined when something other than blanks precedes
 * `offset` on its line.
 */
export function insertLineBeforeEdit(uri: string, text: string, offset: number, line: string): TextEdit | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  if (text.slice(lineStart, offset).trim() !== "") return undefined;
  return { uri, start: lineStart, end: lineStart, newText: `${indentAt(text, offset)}${line}\n` };
}

/**
 * Inserts an entity-level line (`@@index(a)`) after the entity's last member,
 * indented like its members, or undefined when the entity has no member to align with.
 */
export function appendTableLineEdit(entity: SchemaInfo, text: string, line: string): TextEdit | undefined {
  const members: Span[] = [...entity.decl.fields, ...entity.decl.tableAttributes];
  if (members.length === 0) return undefined;
  const last = members.reduce((a, b) => (b.end > a.end ? b : a));
  const nl = text.indexOf("\n", last.end);
  const closing = entity.decl.block ? entity.decl.block.end - 1 : -1;
  if (nl < 0 || (closing >= 0 && nl > closing)) return undefined; // the entity is written on one line
  return { uri: entity.uri, start: nl, end: nl, newText: `\n${indentAt(text, last.start)}${line}` };
}

// ---- names ------------------------------------------------------------------

/** The number of bytes of a string in UTF-8. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The words of a snake_case column name: `unit_cost` → [unit, cost]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/_+/)
    .filter(Boolean);
}
