// PostgreSQL identifiers and literals: quoting, the 63-byte limit, and the
// deterministic names of generated objects (constraints, indexes, partitions).

/** PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1). */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * The keywords PostgreSQL's `quote_ident()` quotes: every keyword that is not
 * "unreserved" (reserved, type/function-name and column-name keywords), as
 * reported by `pg_get_keywords()` on PostgreSQL 18. A test compares this list
 * with the live server's, so a new release that adds a keyword is noticed.
 */
export const QUOTED_KEYWORDS: ReadonlySet<string> = new Set([
  "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
  "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
  "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
  "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
  "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
  "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for",
  "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike",
  "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
  "isnull", "join", "json", "json_array", "json_arrayagg", "json_exists", "json_object",
  "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table", "json_value",
  "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
  "merge_action", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
  "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
  "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row",
  "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
  "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
  "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
  "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
  "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
]);

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Quotes an identifier exactly when PostgreSQL's `quote_ident()` would. */
export function quoteIdent(name: string): string {
  const clean = name.replace(/\u0000/g, "");
  if (PLAIN_IDENTIFIER.test(clean) && !QUOTED_KEYWORDS.has(clean)) return clean;
  return `"${clean.replace(/"/g, '""')}"`;
}

/** `schema.name`, each part quoted as needed. */
export function qualified(schema: string | undefined, name: string): string {
  return schema === undefined ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * A string literal. Single quotes are doubled; a value with a backslash is
 * written as an escape string (`E'…'`, backslashes doubled) so that it means
 * the same whatever `standard_conforming_strings` is set to.
 */
export function quoteLiteral(value: string): string {
  const clean = value.replace(/\u0000/g, "");
  const body = clean.replace(/'/g, "''");
  return clean.includes("\\") ? `E'${body.replace(/\\/g, "\\\\")}'` : `'${body}'`;
}

/** Text safe inside a `-- ` line comment: no line breaks can end it early. */
export function commentText(value: string): string {
  return value.replace(/[\r\n\u2028\u2029\u0085]+/g, " ").replace(/\u0000/g, "");
}

export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, never splitting a character. */
export function truncateBytes(text: string, maxBytes: number): string {
  let n = 0;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n + size > maxBytes) break;
    n += size;
    out += ch;
  }
  return out;
}

/** FNV-1a (32 bit) over the UTF-16 code units, as 8 hex digits: a short, stable fingerprint. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * A generated name within 63 bytes: kept as is when it fits, otherwise cut
 * and given `_` plus a hash of the full name, so that two long names that
 * share a prefix still differ.
 */
export function fitName(name: string): string {
  if (utf8Length(name) <= MAX_IDENTIFIER_BYTES) return name;
  const hash = shortHash(name);
  return `${truncateBytes(name, MAX_IDENTIFIER_BYTES - hash.length - 1).replace(/_+$/, "")}_${hash}`;
}

/**
 * Allocates names in one PostgreSQL namespace (the relations and types of a
 * schema, or the constraints of a table). Deterministic: the same requests in
 * the same order give the same names.
 */
export class Namespace {
  private readonly taken = new Set<string>();

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** Reserves `name` as given; false if it was taken. */
  reserve(name: string): boolean {
    if (this.taken.has(name)) return false;
    this.taken.add(name);
    return true;
  }

  /** A generated name: `base` fitted to 63 bytes, with a counter (`base1`, `base2`, …) if taken. */
  allocate(base: string): string {
    return allocateIn(base, [this]);
  }
}

/** A generated name free in every one of `spaces` (and then reserved in all of them). */
export function allocateIn(base: string, spaces: readonly Namespace[]): string {
  for (let i = 0; ; i++) {
    const candidate = fitName(i === 0 ? base : `${base}${i}`);
    if (spaces.every((s) => !s.has(candidate))) {
      for (const s of spaces) s.reserve(candidate);
      return candidate;
    }
  }
}

/** `products` + [`category_id`, `status`] + `idx` → `products_category_id_status_idx`, within 63 bytes. */
export function derivedName(table: string, columns: readonly string[], suffix: string): string {
  return [table, ...columns, suffix].filter((p) => p !== "").join("_");
}
