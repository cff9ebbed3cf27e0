// JSON Schema (OpenAPI 3.0 and 3.1 dialects) → .arch types, fields and enums.
//
// Mapping (the inverse of the generator's, see generators/openapi/schemas.ts):
// - string: `uuid`, `date-time` → timestamptz, `date`, `time`, `duration` →
//   interval, `byte`/`binary`/`contentEncoding: base64` → bytes, `format:
//   decimal` → decimal(p, s) read back from the pattern the generator writes
//   (no minus sign → `@min(0)`), `maxLength: n` → varchar(n), `minLength` →
//   `@min(n)`, any other format → `text @format(x)`.
// - integer: int16 → smallint, int32 (or none) → int, int64 → bigint;
//   number: float → float, double (or none) → double; `minimum`/`maximum` →
//   `@min`/`@max`; boolean → bool; no type at all → json.
// - `nullable: true` (3.0), `type: [x, "null"]` and `oneOf: [x, {type: null}]`
//   (3.1) → `?`; a property missing from `required` → `?` as well (the
//   language has one modifier for both).
// - Objects → `type` declarations (inline ones named after where they are:
//   `Order.shipping_address` → `OrderShippingAddress`, the items of
//   `Order.lines` → `OrderLine`); string enums → `enum`s (values that are not
//   identifiers are renamed, with a note); `allOf` → the fields of every part;
//   `oneOf`/`anyOf` of objects → one type with the fields of every variant,
//   optional unless every variant requires them, with a note; maps
//   (`additionalProperties` only) and nested arrays → json, with a note.
// - `readOnly` → `@readonly`, `writeOnly` → `@secret`, `default` → `@default`,
//   `description` → `///`. What has no place (patterns, examples, `const`,
//   `multipleOf`, discriminators, …) becomes a note.

import { isIdentifier, quote, toIdentifier, toTypeName, type DeclOut, type FieldOut } from "../arch-writer";
import { singularize } from "../../generators/openapi/naming";
import { arr, brief, canonical, componentName, isObj, num, obj, str, type Obj } from "./json";

export interface Annotations {
  description?: string;
  hasDefault: boolean;
  default?: unknown;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
}

export interface TypeResult {
  /** Type name without modifiers: `uuid`, `varchar(64)`, `Pet`. */
  type: string;
  array: boolean;
  nullable: boolean;
  /** Field attributes from constraints: `@min(1)`, `@format(email)`. */
  attributes: string[];
  notes: string[];
  ann: Annotations;
  /** For enums: the value as written → the member's name. */
  enumMembers?: Map<string, string>;
  /** The component this type names (for usage tracking). */
  component?: string;
}

/** What the schema converter needs from the document importer. */
export interface SchemaHost {
  resolveRef(ref: string): unknown;
  /** A component schema's type (or undefined when it is an alias to inline). */
  componentType(name: string): { type: string; enumMembers?: Map<string, string> } | "alias" | undefined;
  /** A new declaration (already named and registered for output). */
  declare(kind: "type" | "enum", wanted: string): DeclOut;
  problem(message: string): void;
}

const NULL_SCHEMA = (s: unknown) => isObj(s) && (s["type"] === "null" || (Array.isArray(s["type"]) && s["type"].length === 1 && s["type"][0] === "null"));

/** Peels nullable wrappers and one-member `allOf`s; collects annotations from every layer (outer ones win). */
export function normalize(schema: unknown): { s: Obj; nullable: boolean; ann: Annotations } {
  const ann: Annotations = { hasDefault: false, readOnly: false, writeOnly: false, deprecated: false };
  let s: Obj = obj(schema);
  let nullable = false;
  for (let guard = 0; guard < 12; guard++) {
    if (ann.description === undefined && typeof s["description"] === "string") ann.description = s["description"];
    if (!ann.hasDefault && "default" in s) {
      ann.hasDefault = true;
      ann.default = s["default"];
    }
    if (s["readOnly"] === true) ann.readOnly = true;
    if (s["writeOnly"] === true) ann.writeOnly = true;
    if (s["deprecated"] === true) ann.deprecated = true;
    if (s["nullable"] === true) nullable = true;
    const type = s["type"];
    if (Array.isArray(type) && type.includes("null")) {
      nullable = true;
      const rest = type.filter((t) => t !== "null");
      s = { ...s, type: rest.length === 1 ? rest[0] : rest.length === 0 ? undefined : rest };
      if (rest.length === 0) delete s["type"];
    }
    const structural = ["properties", "type", "items", "enum", "additionalProperties", "oneOf", "anyOf"].some((k) => k in s);
    const allOf = arr(s["allOf"]);
    if (allOf.length === 1 && !structural) {
      const { allOf: _a, ...rest } = s;
      void _a;
      s = { ...strip(rest), ...obj(allOf[0]) };
      continue;
    }
    for (const key of ["oneOf", "anyOf"] as const) {
      const list = arr(s[key]);
      if (list.length >= 2 && list.some(NULL_SCHEMA)) {
        const others = list.filter((x) => !NULL_SCHEMA(x));
        nullable = true;
        const { [key]: _x, ...rest } = s;
        void _x;
        s = others.length === 1 && !("properties" in rest) && !("type" in rest) ? { ...strip(rest), ...obj(others[0]) } : { ...rest, [key]: others };
      }
    }
    if (arr(s["oneOf"]).length === 1 && !structural) {
      const { oneOf, ...rest } = s;
      s = { ...strip(rest), ...obj(arr(oneOf)[0]) };
      continue;
    }
    if (arr(s["anyOf"]).length === 1 && !("properties" in s) && !("type" in s)) {
      const { anyOf, ...rest } = s;
      s = { ...strip(rest), ...obj(arr(anyOf)[0]) };
      continue;
    }
    break;
  }
  return { s, nullable, ann };
}

/** Annotations of a wrapper that were already collected; structure stays. */
function strip(s: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(s)) if (!["description", "default", "readOnly", "writeOnly", "deprecated", "nullable", "title", "example", "examples"].includes(k)) out[k] = v;
  return out;
}

const DECIMAL_PATTERNS: { re: RegExp; type: (m: RegExpExecArray) => string }[] = [
  { re: /^\^(-\?)?\\d\{1,(\d+)\}\(\\\.\\d\{1,(\d+)\}\)\?\$$/, type: (m) => `decimal(${Number(m[2]) + Number(m[3])}, ${m[3]})` },
  { re: /^\^(-\?)?0\(\\\.\\d\{1,(\d+)\}\)\?\$$/, type: (m) => `decimal(${m[2]}, ${m[2]})` },
  { re: /^\^(-\?)?\\d\{1,(\d+)\}\$$/, type: (m) => `decimal(${m[2]})` },
  { re: /^\^(-\?)?\\d\+\(\\\.\\d\{1,2\}\)\?\$$/, type: () => "money" },
  { re: /^\^(-\?)?\\d\+\(\\\.\\d\+\)\?\$$/, type: () => "decimal" },
];

/** Stands for the field's name in a `@check` until the field is known. */
export const FIELD = "__FIELD__";

const FORMAT_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatAttr(format: string): string {
  return `@format(${FORMAT_WORD.test(format) ? format : quote(format)})`;
}

function numText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n);
}

/** Converts schemas of one document; inline objects and enums become declarations through the host. */
export class SchemaConverter {
  private readonly inlineByShape = new Map<string, string>();
  private readonly enumByValues = new Map<string, { name: string; members: Map<string, string> }>();
  private readonly converting = new Set<string>();
  /** Fields whose `?` means something the source said differently (aggregated into one note). */
  optionalNotNullable = 0;
  requiredNullable = 0;
  examples = 0;

  constructor(private readonly host: SchemaHost) {}

  convert(schema: unknown, hint: string): TypeResult {
    const n = normalize(schema);
    if ("example" in n.s || "examples" in n.s) this.examples++;
    let r: TypeResult;
    const ref = str(n.s["$ref"]);
    if (ref !== undefined) r = this.refType(ref, hint);
    else r = this.inlineType(n.s, hint);
    r.nullable = r.nullable || n.nullable;
    // Outer annotations win over the referenced schema's.
    r.ann = {
      hasDefault: n.ann.hasDefault || r.ann.hasDefault,
      default: n.ann.hasDefault ? n.ann.default : r.ann.default,
      readOnly: n.ann.readOnly || r.ann.readOnly,
      writeOnly: n.ann.writeOnly || r.ann.writeOnly,
      deprecated: n.ann.deprecated || r.ann.deprecated,
      ...(n.ann.description !== undefined ? { description: n.ann.description } : r.ann.description !== undefined && !r.component ? { description: r.ann.description } : {}),
    };
    return r;
  }

  private result(type: string, extra: Partial<TypeResult> = {}): TypeResult {
    return { type, array: false, nullable: false, attributes: [], notes: [], ann: { hasDefault: false, readOnly: false, writeOnly: false, deprecated: false }, ...extra };
  }

  private refType(ref: string, hint: string): TypeResult {
    const name = componentName(ref, "schemas");
    if (name !== undefined) {
      const t = this.host.componentType(name);
      if (t && t !== "alias") return this.result(t.type, { component: name, ...(t.enumMembers ? { enumMembers: t.enumMembers } : {}) });
      if (t === "alias") {
        if (this.converting.has(ref)) return this.result("json", { notes: [`\`${name}\` refers to itself; read as json`] });
        this.converting.add(ref);
        try {
          const r = this.convert(this.host.resolveRef(ref), toTypeName(name));
          return r;
        } finally {
          this.converting.delete(ref);
        }
      }
    }
    const target = this.host.resolveRef(ref);
    if (target === undefined) {
      this.host.problem(`unresolved $ref ${ref}`);
      return this.result("json", { notes: [`unresolved $ref ${ref}; read as json`] });
    }
    if (this.converting.has(ref)) return this.result("json", { notes: [`${ref} refers to itself; read as json`] });
    this.converting.add(ref);
    try {
      return this.convert(target, hint);
    } finally {
      this.converting.delete(ref);
    }
  }

  private inlineType(s: Obj, hint: string): TypeResult {
    const notes: string[] = [];
    const en = s["enum"];
    if (Array.isArray(en)) {
      const values = en.filter((v) => v !== null);
      if (values.length && values.every((v) => typeof v === "string")) return this.enumType(values as string[], hint, s);
      const { enum: _values, ...rest } = s;
      void _values;
      const base = this.inlineType(rest, hint);
      base.notes.push(`allowed values: ${values.map((v) => brief(v, 40)).join(", ")}`);
      return base;
    }
    if ("const" in s) {
      const { const: value, ...rest } = s;
      void value;
      const base = this.inlineType(rest, hint);
      base.notes.push(`always ${brief(s["const"], 60)} (const)`);
      return base;
    }
    let type = s["type"];
    if (Array.isArray(type)) {
      if (type.length === 1) type = type[0];
      else return this.result("json", { notes: [`one of the types ${type.join(", ")}; read as json`] });
    }
    if (type === undefined) {
      if ("properties" in s || "allOf" in s || "oneOf" in s || "anyOf" in s || "additionalProperties" in s) type = "object";
      else if ("items" in s) type = "array";
    }
    switch (type) {
      case "array": {
        const item = this.convert(s["items"], singularHint(hint));
        if (item.array) return this.result("json", { notes: ["an array of arrays; read as json", ...item.notes] });
        if (item.nullable) notes.push("its items may be null");
        const minItems = num(s["minItems"]);
        const maxItems = num(s["maxItems"]);
        if (minItems !== undefined || maxItems !== undefined) notes.push(`${[minItems !== undefined ? `at least ${minItems}` : "", maxItems !== undefined ? `at most ${maxItems}` : ""].filter(Boolean).join(" and ")} items`);
        if (s["uniqueItems"] === true) notes.push("unique items");
        const r: TypeResult = { ...item, array: true, nullable: false, notes: [...item.notes, ...notes] };
        return r;
      }
      case "object": {
        const hasShape = isObj(s["properties"]) || arr(s["allOf"]).length > 0 || arr(s["oneOf"]).length > 0 || arr(s["anyOf"]).length > 0;
        if (!hasShape) {
          const ap = s["additionalProperties"];
          if (isObj(ap) || ap === true) {
            const of = isObj(ap) && Object.keys(ap).length ? this.convert(ap, singularHint(hint) + "Value") : undefined;
            return this.result("json", { notes: [`a map of names to ${of ? `${of.type}${of.array ? "[]" : ""}` : "any value"} (additionalProperties)`] });
          }
          return this.result("json");
        }
        return this.result(this.objectType(s, hint));
      }
      case "string":
        return this.stringType(s);
      case "integer":
      case "number":
        return this.numberType(s, type);
      case "boolean":
        return this.result("bool");
      case "null":
        return this.result("json", { nullable: true, notes: ["always null"] });
      case undefined:
        return this.result("json");
      default:
        return this.result("json", { notes: [`unknown type ${brief(type, 30)}; read as json`] });
    }
  }

  private enumType(values: string[], hint: string, s: Obj): TypeResult {
    const key = JSON.stringify(values);
    let known = this.enumByValues.get(key);
    if (!known) {
      const decl = this.host.declare("enum", toTypeName(hint));
      const members = this.fillEnum(decl, values, s);
      known = { name: decl.name, members };
      this.enumByValues.set(key, known);
    }
    return this.result(known.name, { enumMembers: known.members });
  }

  /** Registers a component enum so that inline enums with the same values reuse it. */
  registerEnum(values: string[], name: string, members: Map<string, string>): void {
    const key = JSON.stringify(values);
    if (!this.enumByValues.has(key)) this.enumByValues.set(key, { name, members });
  }

  /** Fills a component enum's declaration. */
  fillEnum(decl: DeclOut, values: string[], s: Obj): Map<string, string> {
    const members = new Map<string, string>();
    const used = new Set<string>();
    const renamed: string[] = [];
    const descriptions = obj(s["x-enumDescriptions"]);
    for (const v of values) {
      let m = isIdentifier(v) ? v : toIdentifier(v);
      for (let i = 2; used.has(m); i++) m = `${isIdentifier(v) ? v : toIdentifier(v)}_${i}`;
      used.add(m);
      members.set(v, m);
      if (m !== v) renamed.push(`${JSON.stringify(v)} → ${m}`);
      const doc = str(descriptions[v]);
      decl.members.push({ name: m, ...(doc ? { doc } : {}) });
    }
    if (renamed.length) decl.notes.push(`values renamed to identifiers: ${renamed.join(", ")}`);
    if (values.length === 0) decl.notes.push("no values");
    this.registerEnum(values, decl.name, members);
    return members;
  }

  private objectType(s: Obj, hint: string): string {
    const key = canonical(s);
    const known = this.inlineByShape.get(key);
    if (known) return known;
    const decl = this.host.declare("type", toTypeName(hint));
    this.inlineByShape.set(key, decl.name);
    this.fillObject(decl, s);
    return decl.name;
  }

  /** The fields of an object schema (with its allOf parts and oneOf variants) into `decl`. */
  fillObject(decl: DeclOut, s: Obj): void {
    const merged = this.merge(s, new Set());
    const description = str(s["description"]);
    if (description && decl.doc === undefined) decl.doc = description;
    const names = new Set<string>();
    for (const [prop, schema] of merged.props) {
      const f = this.field(prop, schema, merged.required.has(prop), decl.name);
      let name = f.name;
      for (let i = 2; names.has(name); i++) name = `${f.name}_${i}`;
      names.add(name);
      f.name = name;
      decl.fields.push(f);
    }
    decl.trailingNotes.push(...merged.notes);
    if (merged.props.length === 0 && !merged.notes.length) decl.trailingNotes.push("no properties");
  }

  /** Properties and required names of an object schema, following allOf (and oneOf/anyOf variants). */
  merge(schema: unknown, seen: Set<string>): { props: [string, unknown][]; required: Set<string>; notes: string[] } {
    const props = new Map<string, unknown>();
    const required = new Set<string>();
    const notes: string[] = [];
    let s = normalize(schema).s;
    const ref = str(s["$ref"]);
    if (ref !== undefined) {
      if (seen.has(ref)) return { props: [], required, notes };
      seen.add(ref);
      s = normalize(this.host.resolveRef(ref)).s;
    }
    for (const part of arr(s["allOf"])) {
      const partRef = str(obj(part)["$ref"]);
      const name = partRef ? componentName(partRef, "schemas") : undefined;
      if (name) notes.push(`includes the fields of ${toTypeName(name)} (allOf)`);
      const m = this.merge(part, seen);
      for (const [k, v] of m.props) props.set(k, v);
      for (const r of m.required) required.add(r);
      for (const n of m.notes) if (!notes.includes(n)) notes.push(n);
    }
    for (const key of ["oneOf", "anyOf"] as const) {
      const variants = arr(s[key]);
      if (!variants.length) continue;
      const names = variants.map((v, i) => {
        const r = str(obj(v)["$ref"]);
        const n = r ? componentName(r, "schemas") : undefined;
        return n ? toTypeName(n) : `variant ${i + 1}`;
      });
      const merged = variants.map((v) => this.merge(v, new Set(seen)));
      const requiredInAll = merged.length ? [...merged[0]!.required].filter((r) => merged.every((m) => m.required.has(r))) : [];
      for (const m of merged) for (const [k, v] of m.props) if (!props.has(k)) props.set(k, v);
      for (const r of requiredInAll) required.add(r);
      const disc = obj(s["discriminator"]);
      const by = str(disc["propertyName"]);
      notes.push(`${key}: ${names.join(" | ")}${by ? ` (discriminator \`${by}\`)` : ""}; the language has no unions, so this type has the fields of every variant, optional unless all of them require it`);
    }
    for (const [k, v] of Object.entries(obj(s["properties"]))) props.set(k, v);
    for (const r of arr(s["required"])) if (typeof r === "string") required.add(r);
    const ap = s["additionalProperties"];
    if ((ap === true || (isObj(ap) && Object.keys(ap).length > 0)) && props.size > 0) notes.push("further properties are allowed (additionalProperties)");
    if (s["discriminator"] && !arr(s["oneOf"]).length && !arr(s["anyOf"]).length) notes.push(`discriminator \`${str(obj(s["discriminator"])["propertyName"]) ?? "?"}\``);
    return { props: [...props], required, notes };
  }

  field(prop: string, schema: unknown, required: boolean, parent: string): FieldOut {
    const r = this.convert(schema, `${parent}${toTypeName(prop)}`);
    const notes = [...r.notes];
    let name = prop;
    if (!isIdentifier(prop)) {
      name = toIdentifier(prop);
      notes.unshift(`property ${JSON.stringify(prop)} is named \`${name}\` here`);
    }
    const attributes = r.attributes.map((a) => a.split(FIELD).join(name));
    if (r.ann.readOnly) attributes.push("@readonly");
    if (r.ann.writeOnly) attributes.push("@secret");
    if (r.ann.hasDefault) {
      const d = this.defaultAttribute(r, r.ann.default);
      if (d) attributes.push(d);
      else notes.push(`default ${brief(r.ann.default, 60)}`);
    }
    if (r.ann.deprecated) notes.push("deprecated");
    if (required && r.nullable) this.requiredNullable++;
    if (!required && !r.nullable) this.optionalNotNullable++;
    const f: FieldOut = { name, type: r.type, array: r.array, optional: !required || r.nullable, attributes, notes };
    if (r.ann.description !== undefined) f.doc = r.ann.description;
    return f;
  }

  defaultAttribute(r: TypeResult, value: unknown): string | undefined {
    if (r.array) return undefined;
    if (value === null) return r.nullable ? "@default(null)" : undefined;
    if (r.enumMembers && typeof value === "string") {
      const m = r.enumMembers.get(value);
      return m ? `@default(${m})` : undefined;
    }
    if (typeof value === "boolean") return `@default(${value})`;
    if (typeof value === "number" && Number.isFinite(value)) return `@default(${numText(value)})`;
    if (typeof value === "string") return `@default(${quote(value)})`;
    return undefined;
  }

  private stringType(s: Obj): TypeResult {
    const format = str(s["format"]);
    const attributes: string[] = [];
    const notes: string[] = [];
    let type = "text";
    let patternUsed = false;
    switch (format) {
      case "uuid":
        type = "uuid";
        break;
      case "date-time":
        type = "timestamptz";
        break;
      case "date":
        type = "date";
        break;
      case "time":
        type = "time";
        break;
      case "duration":
        type = "interval";
        break;
      case "byte":
      case "binary":
        type = "bytes";
        break;
      case "decimal": {
        type = "decimal";
        const pattern = str(s["pattern"]);
        if (pattern !== undefined) {
          for (const p of DECIMAL_PATTERNS) {
            const m = p.re.exec(pattern);
            if (m) {
              type = p.type(m);
              patternUsed = true;
              if (!m[1]) attributes.push("@min(0)");
              break;
            }
          }
        }
        break;
      }
      case undefined:
        break;
      default:
        attributes.push(formatAttr(format));
    }
    const encoding = str(s["contentEncoding"]);
    if (encoding === "base64" && type === "text") type = "bytes";
    else if (encoding !== undefined && encoding !== "base64") notes.push(`content encoding ${encoding}`);
    const maxLength = num(s["maxLength"]);
    const minLength = num(s["minLength"]);
    if (maxLength !== undefined) {
      if (type === "text" && Number.isInteger(maxLength) && maxLength >= 1) type = `varchar(${maxLength})`;
      else notes.push(`at most ${maxLength} characters`);
    }
    if (minLength !== undefined) {
      if ((type === "text" || type.startsWith("varchar")) && Number.isInteger(minLength)) attributes.push(`@min(${minLength})`);
      else notes.push(`at least ${minLength} characters`);
    }
    const pattern = str(s["pattern"]);
    if (pattern !== undefined && !patternUsed) notes.push(`pattern ${pattern}`);
    return this.result(type, { attributes, notes });
  }

  private numberType(s: Obj, type: "integer" | "number"): TypeResult {
    const format = str(s["format"]);
    const notes: string[] = [];
    const attributes: string[] = [];
    let t: string;
    if (type === "integer") {
      switch (format) {
        case "int16":
          t = "smallint";
          break;
        case "int64":
        case "uint32":
          t = "bigint";
          break;
        case "int8":
        case "uint8":
          t = "smallint";
          notes.push(`format ${format}`);
          break;
        case "uint64":
          t = "bigint";
          notes.push("format uint64 (unsigned)");
          break;
        case undefined:
        case "int32":
        case "integer":
          t = "int";
          break;
        default:
          t = "int";
          notes.push(`format ${format}`);
      }
    } else {
      switch (format) {
        case "float":
          t = "float";
          break;
        case "decimal":
          t = "decimal";
          break;
        case "double":
        case undefined:
          t = "double";
          break;
        case "int32":
          t = "int";
          break;
        case "int64":
          t = "bigint";
          break;
        default:
          t = "double";
          notes.push(`format ${format}`);
      }
    }
    const integer = t === "smallint" || t === "int" || t === "bigint";
    const bound = (which: "min" | "max", value: number | undefined, exclusive: unknown) => {
      const exNum = num(exclusive);
      const strict = (n: number) => {
        if (integer && Number.isInteger(n)) attributes.push(`@${which}(${which === "min" ? n + 1 : n - 1})`);
        else attributes.push(`@check(${quote(`${FIELD} ${which === "min" ? ">" : "<"} ${numText(n)}`)})`);
      };
      if (exNum !== undefined) {
        strict(exNum);
        if (value === undefined) return;
      }
      if (value === undefined) return;
      if (exclusive === true) strict(value);
      else attributes.push(`@${which}(${numText(value)})`);
    };
    bound("min", num(s["minimum"]), s["exclusiveMinimum"]);
    bound("max", num(s["maximum"]), s["exclusiveMaximum"]);
    if (num(s["multipleOf"]) !== undefined) notes.push(`a multiple of ${num(s["multipleOf"])}`);
    return this.result(t, { attributes, notes });
  }
}

/** The hint for the items of a list: `OrderLines` → `OrderLine`. */
export function singularHint(hint: string): string {
  const m = /^(.*?)([A-Z][a-z0-9]*|[a-z0-9]+)$/.exec(hint);
  if (!m) return hint + "Item";
  const last = m[2]!;
  const single = singularize(last.toLowerCase());
  if (single === last.toLowerCase()) return hint + "Item";
  return m[1]! + last.charAt(0) + single.slice(1);
}
