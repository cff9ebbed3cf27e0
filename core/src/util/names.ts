// Naming helpers shared by the model, rules and generators.

/** `OrderLine` → `order_line`, `HTTPServer` → `http_server`, `already_snake` unchanged. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/[-\s]+/g, "_")
    .toLowerCase();
}

/** `api-version` / `orderItems` / `order_items` → words. A run of capitals ends before the capital that starts a lower-case word. */
export function splitWords(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function kebabCase(segment: string): string {
  return splitWords(segment).join("-");
}

export function pascalCase(name: string): string {
  return splitWords(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

export function camelCase(name: string): string {
  const p = pascalCase(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

const IRREGULAR: Record<string, string> = { person: "people", child: "children", man: "men", woman: "women", mouse: "mice", goose: "geese", tooth: "teeth", foot: "feet", datum: "data", criterion: "criteria", index: "indexes" };
const UNCOUNTABLE = new Set(["data", "metadata", "information", "equipment", "news", "series", "species", "feedback", "inventory", "staff", "software"]);

/** English plural of a lower-case word (good enough for table names). */
export function pluralize(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/.test(lower)) return word + "es";
  if (/[^aeiou]y$/.test(lower)) return word.slice(0, -1) + "ies";
  return word + "s";
}

const tableNames = new Map<string, string>();

/** `OrderLine` → `order_lines`: snake case with the last word pluralised. */
export function tableNameOf(entityName: string): string {
  let name = tableNames.get(entityName);
  if (name === undefined) {
    name = computeTableName(entityName);
    if (tableNames.size > 10_000) tableNames.clear();
    tableNames.set(entityName, name);
  }
  return name;
}

function computeTableName(entityName: string): string {
  const snake = snakeCase(entityName);
  const i = snake.lastIndexOf("_");
  return i < 0 ? pluralize(snake) : snake.slice(0, i + 1) + pluralize(snake.slice(i + 1));
}

export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The candidate closest to `name` (case-insensitive edits), if it is close enough to be a likely typo. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name) continue;
    const d = levenshtein(lower, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Path parameter names in `/a/{id}/b/{}` → ["id", ""]. */
export function pathParams(path: string): string[] {
  const out: string[] = [];
  const re = /\{([^{}]*)\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) out.push(m[1]!);
  return out;
}

/** Joins an api base and an endpoint path with exactly one slash between. */
export function joinPath(base: string, path: string): string {
  if (!base || base === "/") return path || "/";
  const b = base.endsWith("/") ? base.slice(0, -1) : base;
  if (!path || path === "/") return b;
  return b + (path.startsWith("/") ? path : "/" + path);
}

/** A path with parameter names erased, for comparing routes: `/a/{id}` → `/a/{}`. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^{}]*\}/g, "{}");
}
