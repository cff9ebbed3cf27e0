// JSON Schema (OpenAPI 3.1 dialect) for the model's types, fields, entities,
// types, events and enums.
//
// Mapping decisions:
// - `decimal(p, s)` and `money` are strings with `format: decimal` (OpenAPI
//   format registry) and a pattern that allows at most p - s integer digits
//   and s fraction digits: `^-?\d{1,10}(\.\d{1,2})?$` for decimal(12, 2).
//   A string keeps every digit (a JSON number is a binary double in most
//   clients and loses cents); the pattern documents precision and scale.
//   Numeric bounds on decimals cannot be stated on a string: a lower bound of
//   0 (`@min(0)`, `@check("price >= 0")`) drops the minus sign from the
//   pattern; any other bound is reported as a warning.
// - Integers: `int16`/`int32`/`int64` formats; `float`/`double` are numbers.
// - `timestamp`/`timestamptz` → `date-time`, `date`, `time`, `interval` →
//   `duration`, `bytes` → base64 (`contentEncoding`), `json`/`jsonb` → any value.
// - `varchar(n)`/`char(n)` → `maxLength: n`; `@min`/`@max` are `minimum`/
//   `maximum` on numbers and `minLength`/`maxLength` on strings; on an array
//   they constrain each element.
// - Simple `@check("col >= n")` comparisons become bounds; other checks are
//   enforced by the database only and reported as a warning.
// - Nullable (`?`): `type: [x, "null"]`; a nullable `$ref` is
//   `oneOf: [$ref, {type: "null"}]`. A `?` field is also not `required`.
// - A `$ref` that needs siblings (description, default, readOnly) is wrapped
//   in a one-member `allOf` (Redocly's spec-ref-siblings).
// - Server-managed fields are `readOnly`: in entities `@id`,
//   `@default(now|uuid|identity)`, `@readonly`, serial types and fields named
//   created_at/updated_at; in types and events only the attributes.
// - `@secret`: an entity's schema is its public shape, without secret fields;
//   in types (request shapes) and events a secret field is `writeOnly`.

import type { Attribute } from "../../syntax/ast";
import type { EnumInfo, FieldInfo, ResolvedType, SchemaInfo } from "../../semantic/model";
import type { Json, JsonObject } from "./json";

export interface SchemaContext {
  /** `#/components/schemas/Name` for a schema or enum in the document. */
  refOf(info: SchemaInfo | EnumInfo): string;
  warn(uri: string, span: { start: number; end: number }, code: string, message: string): void;
  /** `x-archwright-source` value for a declaration. */
  sourceOf(uri: string, offset: number): string;
}

const SERVER_DEFAULTS = new Set(["now", "uuid", "identity"]);
const SERVER_MANAGED_NAMES = new Set(["created_at", "updated_at"]);
const STRING_TYPES = new Set(["text", "varchar", "char"]);
const DECIMAL_TYPES = new Set(["decimal", "money"]);

export function attributeOf(field: FieldInfo, name: string): Attribute | undefined {
  return field.decl.attributes.find((a) => !a.table && a.name.text === name);
}

function decimalPattern(type: string, args: number[], nonNegative: boolean): string {
  const sign = nonNegative ? "" : "-?";
  if (type === "money") return `^${sign}\\d+(\\.\\d{1,2})?$`;
  const [precision, scale = 0] = args;
  if (precision === undefined || !Number.isInteger(precision) || precision <= 0) return `^${sign}\\d+(\\.\\d+)?$`;
  const intDigits = precision - scale;
  const intPart = intDigits > 0 ? `\\d{1,${intDigits}}` : "0";
  return scale > 0 ? `^${sign}${intPart}(\\.\\d{1,${scale}})?$` : `^${sign}${intPart}$`;
}

/** The schema of one builtin value (not an array, not null). */
export function builtinSchema(builtin: string, args: number[]): JsonObject {
  switch (builtin) {
    case "uuid":
      return { type: "string", format: "uuid" };
    case "smallint":
      return { type: "integer", format: "int16" };
    case "int":
    case "serial":
      return { type: "integer", format: "int32" };
    case "bigint":
    case "bigserial":
      return { type: "integer", format: "int64" };
    case "decimal":
    case "money":
      return { type: "string", format: "decimal", pattern: decimalPattern(builtin, args, false) };
    case "float":
      return { type: "number", format: "float" };
    case "double":
      return { type: "number", format: "double" };
    case "bool":
      return { type: "boolean" };
    case "text":
      return { type: "string" };
    case "varchar":
    case "char": {
      const n = args[0];
      return n !== undefined && Number.isInteger(n) && n > 0 ? { type: "string", maxLength: n } : { type: "string" };
    }
    case "date":
      return { type: "string", format: "date" };
    case "time":
      return { type: "string", format: "time" };
    case "timestamp":
    case "timestamptz":
      return { type: "string", format: "date-time" };
    case "interval":
      return { type: "string", format: "duration" };
    case "bytes":
      return { type: "string", contentEncoding: "base64" };
    case "json":
    case "jsonb":
    default:
      return {};
  }
}

/** The schema of one value of a resolved type (ignoring `[]` and `?`). */
export function elementSchema(t: ResolvedType | undefined, ctx: SchemaContext): JsonObject {
  if (!t) return {};
  if (t.builtin) return builtinSchema(t.builtin, t.args);
  if (t.schema) return { $ref: ctx.refOf(t.schema) };
  if (t.enum) return { $ref: ctx.refOf(t.enum) };
  return {};
}

/** `type: [x, "null"]`, or `oneOf` with null for a reference; an unconstrained schema already admits null. */
export function nullable(schema: JsonObject): JsonObject {
  const type = schema["type"];
  if (typeof type === "string") {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(schema)) out[k] = k === "type" ? [type, "null"] : v;
    return out;
  }
  if (Array.isArray(type)) return type.includes("null") ? schema : { ...schema, type: [...type, "null"] };
  if (schema["$ref"] !== undefined) return { oneOf: [schema, { type: "null" }] };
  return schema;
}

/** The schema of a type as written: element, `[]`, and `?` when `allowNull`. */
export function typeSchema(t: ResolvedType | undefined, ctx: SchemaContext, allowNull: boolean): JsonObject {
  if (!t) return {};
  let s = elementSchema(t, ctx);
  if (t.array) s = { type: "array", items: s };
  return allowNull && t.optional ? nullable(s) : s;
}

/** Adds annotation keywords to a schema, wrapping a bare `$ref` in `allOf` so that it has no siblings. */
export function annotate(schema: JsonObject, extra: JsonObject): JsonObject {
  const keys = Object.keys(extra).filter((k) => extra[k] !== undefined);
  if (keys.length === 0) return schema;
  const base: JsonObject = schema["$ref"] !== undefined ? { allOf: [schema] } : { ...schema };
  for (const k of keys) base[k] = extra[k];
  return base;
}

interface Bound {
  value: number;
  exclusive: boolean;
}

/** `@check("price >= 0")` on field `price` → a lower bound; undefined when the check is not that simple. */
function parseCheck(expr: string, fieldName: string): { min?: Bound; max?: Bound } | undefined {
  const m = /^\s*\(?\s*"?([A-Za-z_][A-Za-z0-9_]*)"?\s*(>=|>|<=|<)\s*(-?\d+(?:\.\d+)?)\s*\)?\s*$/.exec(expr);
  if (!m || m[1] !== fieldName) return undefined;
  const value = Number(m[3]);
  switch (m[2]) {
    case ">=":
      return { min: { value, exclusive: false } };
    case ">":
      return { min: { value, exclusive: true } };
    case "<=":
      return { max: { value, exclusive: false } };
    default:
      return { max: { value, exclusive: true } };
  }
}

function numberArg(a: Attribute): number | undefined {
  const arg = a.args[0];
  if (!arg) return undefined;
  if (typeof arg.value === "number") return arg.value;
  const n = Number(arg.text);
  return arg.text.trim() !== "" && Number.isFinite(n) ? n : undefined;
}

/** Applies lower/upper bounds to an element schema; returns false when they cannot be expressed. */
function applyBound(s: JsonObject, builtin: string | undefined, args: number[], which: "min" | "max", bound: Bound): boolean {
  if (builtin && DECIMAL_TYPES.has(builtin)) {
    // Only "not negative" can be said with a pattern.
    if (which === "min" && bound.value === 0 && !bound.exclusive) {
      s["pattern"] = decimalPattern(builtin, args, true);
      return true;
    }
    return false;
  }
  const type = s["type"];
  if (type === "integer" || type === "number") {
    const key = which === "min" ? "minimum" : "maximum";
    if (bound.exclusive) {
      if (type === "integer" && Number.isInteger(bound.value)) s[key] = which === "min" ? bound.value + 1 : bound.value - 1;
      else s[which === "min" ? "exclusiveMinimum" : "exclusiveMaximum"] = bound.value;
    } else s[key] = bound.value;
    return true;
  }
  if (type === "string" && builtin && STRING_TYPES.has(builtin) && !bound.exclusive && Number.isInteger(bound.value) && bound.value >= 0) {
    if (which === "min") s["minLength"] = bound.value;
    else {
      const current = s["maxLength"];
      s["maxLength"] = typeof current === "number" ? Math.min(current, bound.value) : bound.value;
    }
    return true;
  }
  return false;
}

function defaultValue(field: FieldInfo, a: Attribute, ctx: SchemaContext): { value?: Json; serverManaged: boolean } {
  const arg = a.args[0];
  if (!arg) return { serverManaged: false };
  const t = field.type;
  if (arg.argKind === "ident" && SERVER_DEFAULTS.has(arg.text)) return { serverManaged: true };
  if (t.array) {
    ctx.warn(field.schema.uri, a, "openapi/unexpressed", `The default of array field \`${field.decl.name.text}\` is not expressed in OpenAPI.`);
    return { serverManaged: false };
  }
  if (t.enum) {
    if (t.enum.members.some((m) => m.symbol.name === arg.text)) return { value: arg.text, serverManaged: false };
    return { serverManaged: false }; // an unknown member is the analyzer's or a rule's business
  }
  const b = t.builtin;
  if (arg.argKind === "number" || (arg.argKind === "string" && b && ["smallint", "int", "bigint", "float", "double"].includes(b))) {
    const n = typeof arg.value === "number" ? arg.value : Number(arg.value);
    if (b && DECIMAL_TYPES.has(b)) return { value: String(arg.value ?? arg.text), serverManaged: false };
    if (b && STRING_TYPES.has(b)) return { value: String(arg.value ?? arg.text), serverManaged: false };
    if (Number.isFinite(n)) return { value: n, serverManaged: false };
  }
  if (arg.argKind === "string") return { value: String(arg.value ?? arg.text), serverManaged: false };
  if (arg.argKind === "ident") {
    if (b === "bool" && (arg.text === "true" || arg.text === "false")) return { value: arg.text === "true", serverManaged: false };
    if (arg.text === "null" && t.optional) return { value: null, serverManaged: false };
  }
  ctx.warn(field.schema.uri, a, "openapi/unexpressed", `\`@default(${arg.text})\` on \`${field.decl.name.text}\` has no JSON value; the schema carries no default.`);
  return { serverManaged: false };
}

export interface PropertySchema {
  schema: JsonObject;
  required: boolean;
}

/** A field as a property of its schema's object schema, or undefined when it is left out (an entity's secret). */
export function fieldSchema(field: FieldInfo, ctx: SchemaContext): PropertySchema | undefined {
  const kind = field.schema.kind;
  const secret = attributeOf(field, "secret");
  if (secret && kind === "entity") return undefined;
  const t = field.type;
  const name = field.decl.name.text;
  const uri = field.schema.uri;
  let element = elementSchema(t, ctx);
  const isRef = element["$ref"] !== undefined;
  if (!isRef) element = { ...element };

  const format = attributeOf(field, "format");
  if (format) {
    const value = format.args[0]?.value ?? format.args[0]?.text;
    if (typeof value === "string" && value && !isRef && element["type"] === "string" && !(t.builtin && DECIMAL_TYPES.has(t.builtin))) element["format"] = value;
    else if (value !== undefined) ctx.warn(uri, format, "openapi/unexpressed", `\`@format(${String(value)})\` applies to text fields; \`${name}\` is \`${t.display}\`, so the schema does not carry it.`);
  }
  for (const which of ["min", "max"] as const) {
    const a = attributeOf(field, which);
    if (!a) continue;
    const n = numberArg(a);
    if (n === undefined || isRef || !applyBound(element, t.builtin, t.args, which, { value: n, exclusive: false })) {
      ctx.warn(uri, a, "openapi/unexpressed", `\`@${which}(${a.args[0]?.text ?? ""})\` on \`${name}\` (\`${t.display}\`) cannot be expressed in the OpenAPI schema.`);
    }
  }
  for (const a of field.decl.attributes) {
    if (a.table || a.name.text !== "check") continue;
    const expr = a.args[0]?.value;
    const parsed = typeof expr === "string" ? parseCheck(expr, name) : undefined;
    let ok = parsed !== undefined && !isRef;
    if (parsed && ok) {
      if (parsed.min) ok = applyBound(element, t.builtin, t.args, "min", parsed.min);
      if (parsed.max) ok = applyBound(element, t.builtin, t.args, "max", parsed.max) && ok;
    }
    if (!ok) ctx.warn(uri, a, "openapi/unexpressed", `\`@check(${typeof expr === "string" ? JSON.stringify(expr) : a.args[0]?.text ?? ""})\` is enforced by the database only; the OpenAPI schema of \`${name}\` does not express it.`);
  }

  let s: JsonObject = t.array ? { type: "array", items: element } : element;
  if (t.optional) s = nullable(s);

  const extra: JsonObject = {};
  if (field.symbol.doc) extra["description"] = field.symbol.doc;
  const def = attributeOf(field, "default");
  let serverManaged = false;
  if (def) {
    const d = defaultValue(field, def, ctx);
    serverManaged = d.serverManaged;
    if (d.value !== undefined) extra["default"] = d.value;
  }
  const readOnly =
    !!attributeOf(field, "readonly") ||
    (kind !== "event" && (serverManaged || !!attributeOf(field, "id"))) ||
    (kind === "entity" && (SERVER_MANAGED_NAMES.has(name) || t.builtin === "serial" || t.builtin === "bigserial"));
  if (readOnly) extra["readOnly"] = true;
  if (secret) extra["writeOnly"] = true;
  return { schema: annotate(s, extra), required: !t.optional };
}

/** The object schema of an entity, type or event. */
export function objectSchema(info: SchemaInfo, ctx: SchemaContext, extensions: JsonObject = {}): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const f of info.fields) {
    const name = f.decl.name.text;
    if (!name || f.decl.name.missing) continue;
    const p = fieldSchema(f, ctx);
    if (!p) continue;
    properties[name] = p.schema;
    if (p.required) required.push(name);
  }
  const out: JsonObject = { type: "object" };
  if (info.symbol.doc) out["description"] = info.symbol.doc;
  if (required.length) out["required"] = required;
  out["properties"] = properties;
  Object.assign(out, extensions);
  out["x-archwright-source"] = ctx.sourceOf(info.uri, info.decl.keyword.start);
  return out;
}

export function enumSchema(info: EnumInfo, ctx: SchemaContext): JsonObject {
  const out: JsonObject = { type: "string" };
  if (info.symbol.doc) out["description"] = info.symbol.doc;
  const members = info.members.map((m) => m.symbol.name);
  if (members.length) out["enum"] = members;
  else ctx.warn(info.uri, info.decl.name, "openapi/unexpressed", `Enum \`${info.symbol.name}\` has no values; its schema allows any string.`);
  const docs: JsonObject = {};
  for (const m of info.members) if (m.symbol.doc) docs[m.symbol.name] = m.symbol.doc;
  if (Object.keys(docs).length) out["x-enumDescriptions"] = docs;
  out["x-archwright-source"] = ctx.sourceOf(info.uri, info.decl.keyword.start);
  return out;
}

/** Secret fields an entity leaves out of its schema (to warn when it is used as a request body). */
export function secretFields(info: SchemaInfo): FieldInfo[] {
  return info.kind === "entity" ? info.fields.filter((f) => attributeOf(f, "secret")) : [];
}
