// How a field's type becomes a PostgreSQL column type, and what the generator
// needs to know about that type (which family it compares with for foreign
// keys, whether it can be indexed, hashed or be an identity).

import type { BuiltinType, EnumInfo, ResolvedType, SchemaInfo } from "../../semantic/model";

/**
 * The .arch built-in types and their PostgreSQL spelling. `float` is single
 * precision (`real`) and `double` is `double precision`: the language has both
 * words, so each gets its own width (note that PostgreSQL's own `float`
 * without a precision would mean double).
 */
export const BUILTIN_SQL: Readonly<Record<BuiltinType, string>> = {
  uuid: "uuid",
  smallint: "smallint",
  int: "integer",
  bigint: "bigint",
  serial: "serial",
  bigserial: "bigserial",
  decimal: "numeric",
  float: "real",
  double: "double precision",
  money: "money",
  bool: "boolean",
  text: "text",
  varchar: "varchar",
  char: "char",
  date: "date",
  time: "time",
  timestamp: "timestamp",
  timestamptz: "timestamptz",
  interval: "interval",
  json: "json",
  jsonb: "jsonb",
  bytes: "bytea",
};

/** Types whose values compare with each other (PostgreSQL accepts a foreign key between them). */
const FAMILY: Readonly<Record<BuiltinType, string>> = {
  uuid: "uuid",
  smallint: "integer",
  int: "integer",
  bigint: "integer",
  serial: "integer",
  bigserial: "integer",
  decimal: "numeric",
  float: "float",
  double: "float",
  money: "money",
  bool: "boolean",
  text: "text",
  varchar: "text",
  char: "text",
  date: "date",
  time: "time",
  timestamp: "timestamp",
  timestamptz: "timestamptz",
  interval: "interval",
  json: "json",
  jsonb: "jsonb",
  bytes: "bytea",
};

export const INTEGER_TYPES: ReadonlySet<BuiltinType> = new Set(["smallint", "int", "bigint", "serial", "bigserial"]);
export const NUMERIC_TYPES: ReadonlySet<BuiltinType> = new Set(["smallint", "int", "bigint", "serial", "bigserial", "decimal", "float", "double", "money"]);
export const TEXT_TYPES: ReadonlySet<BuiltinType> = new Set(["text", "varchar", "char"]);
export const TEMPORAL_TYPES: ReadonlySet<BuiltinType> = new Set(["date", "time", "timestamp", "timestamptz"]);

export interface SqlType {
  /** The column type as written in the DDL, e.g. `numeric(12,2)`, `catalog.product_status[]`. */
  sql: string;
  /** Comparable types share a family; enums are `enum:<schema>.<name>`. */
  family: string;
  array: boolean;
  builtin?: BuiltinType;
  enum?: EnumInfo;
  /** A `type`, `event` or `entity` stored as a JSON document. */
  embedded?: SchemaInfo;
  /** Has a default b-tree operator class (needed for keys, indexes, range and list partitions). */
  btree: boolean;
  /** Has a default hash operator class (needed for hash partitions). */
  hash: boolean;
}

export interface TypeProblem {
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
}

const MAX_VARCHAR = 10485760;

/**
 * Maps a resolved field type. `enumType` gives the qualified SQL name of an
 * enum as the schema being generated sees it.
 */
export function mapType(type: ResolvedType, enumType: (e: EnumInfo) => string): { type: SqlType; problems: TypeProblem[] } {
  const problems: TypeProblem[] = [];
  const arraySuffix = type.array ? "[]" : "";
  if (type.builtin) {
    const builtin = type.builtin;
    let base = BUILTIN_SQL[builtin];
    const args = type.args;
    const whole = (n: number | undefined) => n !== undefined && Number.isInteger(n);
    if (builtin === "decimal" && args.length > 0) {
      const [p, s] = args;
      if (!whole(p) || p! < 1 || p! > 1000 || (s !== undefined && (!whole(s) || s > 1000))) {
        problems.push({ severity: "warning", code: "sql/invalid-type-arguments", message: `PostgreSQL's numeric takes a precision from 1 to 1000 and a whole scale; \`${type.display}\` is generated as plain \`numeric\`.` });
      } else {
        base = s === undefined ? `numeric(${p})` : `numeric(${p},${s})`;
      }
    } else if (builtin === "varchar" || builtin === "char") {
      const n = args[0];
      if (n === undefined) {
        if (builtin === "char") base = "char(1)";
      } else if (!whole(n) || n < 1 || n > MAX_VARCHAR) {
        problems.push({ severity: "warning", code: "sql/invalid-type-arguments", message: `PostgreSQL's ${builtin} takes a length from 1 to ${MAX_VARCHAR}; \`${type.display}\` is generated as \`${builtin === "varchar" ? "varchar" : "text"}\`.` });
        if (builtin === "char") base = "text";
      } else {
        base = `${builtin}(${n})`;
      }
    }
    if (type.array && (builtin === "serial" || builtin === "bigserial")) {
      base = builtin === "serial" ? "integer" : "bigint";
      problems.push({ severity: "warning", code: "sql/serial-array", message: `PostgreSQL has no array of ${builtin}; the column is \`${base}[]\` without a sequence.` });
    }
    const noBtree = builtin === "json";
    const noHash = builtin === "json" || builtin === "money";
    const t: SqlType = { sql: base + arraySuffix, family: FAMILY[builtin], array: type.array, builtin, btree: !noBtree, hash: !noHash };
    return { type: t, problems };
  }
  if (type.enum) {
    const name = enumType(type.enum);
    return { type: { sql: name + arraySuffix, family: `enum:${name}`, array: type.array, enum: type.enum, btree: true, hash: true }, problems };
  }
  if (type.schema) {
    const s = type.schema;
    const what = s.kind === "entity" ? "an entity" : s.kind === "type" ? "a type" : "an event";
    problems.push(
      s.kind === "entity"
        ? { severity: "warning", code: "sql/embedded-document", message: `\`${type.display}\` is ${what}: the column stores it as a jsonb document, not as a reference. To point at a row, use its key with \`@ref(${s.symbol.name}.id)\`.` }
        : { severity: "info", code: "sql/embedded-document", message: `\`${type.display}\` is ${what}: the column stores it as a jsonb document${type.array ? " (a JSON array)" : ""}.` },
    );
    return { type: { sql: "jsonb", family: "jsonb", array: false, embedded: s, btree: true, hash: true }, problems };
  }
  problems.push({ severity: "warning", code: "sql/unresolved-type", message: `The type \`${type.display || "?"}\` is unknown; the column is generated as \`text\`.` });
  return { type: { sql: "text" + arraySuffix, family: "text", array: type.array, btree: true, hash: true }, problems };
}

/** Whether a foreign key from a column of type `from` to one of type `to` is accepted by PostgreSQL. */
export function comparable(from: SqlType, to: SqlType): boolean {
  return from.array === to.array && from.family === to.family && from.btree && to.btree;
}
