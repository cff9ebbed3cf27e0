// Names the OpenAPI generator derives from the model: operationIds and
// summaries from method + path, HTTP reason phrases, unique component names.

import { splitWords } from "../../util/names";

const IRREGULAR_SINGULAR: Record<string, string> = {
  people: "person",
  children: "child",
  men: "man",
  women: "woman",
  mice: "mouse",
  geese: "goose",
  teeth: "tooth",
  feet: "foot",
  criteria: "criterion",
  indexes: "index",
  indices: "index",
};
const UNCOUNTABLE = new Set(["data", "metadata", "information", "equipment", "news", "series", "species", "feedback", "inventory", "staff", "software", "status", "address", "access", "analysis", "basis", "bus", "campus", "canvas", "alias"]);

/** English singular of a lower-case word (the inverse of `pluralize`, good enough for path segments). */
export function singularize(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  const irregular = IRREGULAR_SINGULAR[lower];
  if (irregular) return irregular;
  if (/[^aeiou]ies$/.test(lower)) return word.slice(0, -3) + "y";
  if (/(ss|x|z|ch|sh)es$/.test(lower)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(lower)) return word;
  if (/s$/.test(lower) && lower.length > 1) return word.slice(0, -1);
  return word;
}

export function isPlural(word: string): boolean {
  return singularize(word) !== word;
}

/** Verbs that, as the last segment of a POST path, name an action (`POST /orders/{id}/cancel` → `cancelOrder`). */
const ACTION_VERBS = new Set(
  (
    "accept activate approve archive assign authorize block cancel capture charge checkout clone close complete confirm copy create deactivate decline " +
    "disable download enable execute export finish generate import invite join leave lock login logout merge move open pause pay preview " +
    "publish purge reactivate recalculate refresh refund reject release reload remove renew reopen replay reset resend resolve restore resume " +
    "retry revoke rotate run schedule search send ship sign signin signout signup start stop submit subscribe suspend sync test transfer " +
    "trigger unarchive unassign unblock unlock unpublish unsubscribe upload validate verify void"
  ).split(" "),
);

/** A path split into literal segments and parameters: `/orders/{id}/lines` → orders, {id}, lines. */
export interface PathSegment {
  literal?: string;
  param?: string;
}

export function segmentsOf(path: string): PathSegment[] {
  return path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      const m = /^\{([^{}]*)\}$/.exec(s);
      return m ? { param: m[1]! } : { literal: s };
    });
}

const upper = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * The verb and the resource words of an operation, from its method and path
 * (the path under the api base):
 *
 *   GET /products                    → list   [products]
 *   POST /products                   → create [product]
 *   GET|PATCH|PUT|DELETE /products/{id} → get|update|replace|delete [product]
 *   GET /categories/{id}/products    → list   [category, products]
 *   POST /orders/{id}/cancel         → cancel [order]      (a last segment starting with a known verb is an action)
 *   POST /users/{id}/avatar          → create [user, avatar]
 *
 * A literal followed by a parameter names one item, so its last word is singular.
 */
export function operationWords(method: string, path: string, collection: boolean): { verb: string; words: string[] } {
  const segs = segmentsOf(path);
  const endsWithParam = segs.length > 0 && segs[segs.length - 1]!.param !== undefined;
  const literals: { words: string[]; beforeParam: boolean }[] = [];
  segs.forEach((s, i) => {
    if (s.literal === undefined) return;
    const words = splitWords(s.literal);
    if (words.length === 0) return;
    literals.push({ words, beforeParam: segs[i + 1]?.param !== undefined });
  });
  const m = method.toUpperCase();
  const last = literals[literals.length - 1];
  const lastWord = last?.words[last.words.length - 1];
  // POST /orders/{id}/cancel, POST /search: a last segment that starts with a verb names an action.
  if (m === "POST" && !endsWithParam && last && ACTION_VERBS.has(last.words[0]!)) {
    literals.pop();
    return { verb: last.words.join("_"), words: resourceWords(literals, false) };
  }
  let verb: string;
  let singularLast = false;
  switch (m) {
    case "GET":
      verb = endsWithParam ? "get" : collection || (lastWord !== undefined && isPlural(lastWord)) ? "list" : "get";
      break;
    case "POST":
      verb = endsWithParam ? "post" : "create";
      singularLast = !endsWithParam;
      break;
    case "PUT":
      verb = "replace";
      break;
    case "PATCH":
      verb = "update";
      break;
    case "DELETE":
      verb = "delete";
      break;
    default:
      verb = m.toLowerCase();
  }
  const words = resourceWords(literals, singularLast);
  return { verb, words: words.length ? words : ["root"] };
}

function resourceWords(literals: { words: string[]; beforeParam: boolean }[], singularLast: boolean): string[] {
  const out: string[] = [];
  literals.forEach((l, i) => {
    const ws = [...l.words];
    if (l.beforeParam || (singularLast && i === literals.length - 1)) ws[ws.length - 1] = singularize(ws[ws.length - 1]!);
    out.push(...ws);
  });
  return out;
}

/** `list` + [category, products] → `listCategoryProducts`. */
export function operationIdOf(verb: string, words: string[]): string {
  const verbWords = splitWords(verb);
  const all = [...verbWords, ...words].map((w) => w.replace(/[^A-Za-z0-9]/g, "")).filter(Boolean);
  if (all.length === 0) return "operation";
  const id = all.map((w, i) => (i === 0 ? w.toLowerCase() : upper(w.toLowerCase()))).join("");
  return /^[0-9]/.test(id) ? "op" + upper(id) : id;
}

/** `list` + [category, products] → `List category products`. */
export function summaryOf(verb: string, words: string[]): string {
  const all = [...splitWords(verb), ...words];
  const text = all.join(" ");
  return upper(text || "Operation");
}

const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  203: "Non-Authoritative Information",
  204: "No Content",
  205: "Reset Content",
  206: "Partial Content",
  207: "Multi-Status",
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  417: "Expectation Failed",
  421: "Misdirected Request",
  422: "Unprocessable Content",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version Not Supported",
  507: "Insufficient Storage",
  511: "Network Authentication Required",
};

/** `404` → `Not Found`; an unknown code → `Status 499`. */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? `Status ${status}`;
}

/** `404` → `NotFound`: a component name for a response. */
export function reasonName(status: number): string {
  const phrase = REASONS[status];
  return phrase ? phrase.replace(/[^A-Za-z0-9]+/g, "") : `Status${status}`;
}

/** A name not yet in `used` (and records it): `Problem`, `Problem2`, … */
export function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
}
