// Reading an OpenAPI document as plain JSON values: type guards, JSON
// pointers and local `$ref`s (`#/components/schemas/Pet`). External
// references must have been bundled before (the CLI bundles them with
// Redocly); one that is left is reported and read as an unknown value.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

export function decodePointer(pointer: string): string[] {
  return pointer
    .replace(/^#/, "")
    .split("/")
    .slice(1)
    .map((p) => {
      let s = p;
      try {
        s = decodeURIComponent(p);
      } catch {
        // keep as written
      }
      return s.replace(/~1/g, "/").replace(/~0/g, "~");
    });
}

/** The value at a local JSON pointer (`#/a/b`), or undefined. */
export function atPointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  let cur: unknown = root;
  for (const part of decodePointer(ref)) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isObj(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** `#/components/schemas/Pet` → `Pet`; anything else → undefined. */
export function componentName(ref: string, section: string): string | undefined {
  const prefix = `#/components/${section}/`;
  if (!ref.startsWith(prefix)) return undefined;
  const parts = decodePointer(ref);
  return parts.length === 3 ? parts[2] : undefined;
}

/** A stable text for comparing two JSON values (keys sorted). */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** A short, one-line rendering of a JSON value for a comment. */
export function brief(v: unknown, max = 100): string {
  let s: string;
  try {
    s = typeof v === "string" ? v : JSON.stringify(v);
  } catch {
    s = String(v);
  }
  s = (s ?? "").replace(/\s+/g, " ").trim();
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}
