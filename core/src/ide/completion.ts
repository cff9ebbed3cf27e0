// Completion that knows where it is: the enclosing block decides which
// statements may start, and the tokens already typed on the line decide what
// comes next (a type after a field name, attributes after `@`, `Entity.field`
// inside `@ref(`, queues after `publishes E to`, endpoints after `calls Svc`).
// It works on broken text: only the line prefix and the block nesting matter.

import type { ArchFile, Declaration, Endpoint, Span } from "../syntax/ast";
import { COMPONENT_KINDS, ENDPOINT_FLAGS, HTTP_METHODS } from "../syntax/ast";
import { scan, T, type Token } from "../syntax/scanner";
import type { EnumInfo, Model, SchemaInfo, ServiceInfo } from "../semantic/model";
import { BUILTIN_TYPES } from "../semantic/model";
import { KNOWN_PROPERTIES } from "../semantic/vocabulary";
import { lineIndexOf } from "../lint/runner";

export type CompletionKind = "keyword" | "snippet" | "type" | "entity" | "enum" | "enumMember" | "field" | "service" | "component" | "event" | "endpoint" | "property" | "value" | "status" | "attribute";

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text to insert; a snippet (with $1 placeholders) when `snippet` is true. */
  insertText?: string;
  snippet?: boolean;
  sortText?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** The range the chosen item replaces (the word being typed). */
  start: number;
  end: number;
}

type Container = "file" | "system" | "service" | "schema" | "enum" | "api" | "endpoint" | "component";

interface Context {
  container: Container;
  service?: ServiceInfo;
  schema?: SchemaInfo;
  componentKind?: string;
}

const COLUMN_ATTRIBUTES: [string, string, string?][] = [
  ["id", "primary key"],
  ["unique", "unique constraint"],
  ["index", "index this column"],
  ["default", "default value", "default(${1:now})"],
  ["ref", "foreign key to Entity.field", "ref(${1:Entity}.${2:id})"],
  ["on_delete", "what deleting the referenced row does", "on_delete(${1|cascade,restrict,set_null|})"],
  ["check", "SQL check constraint", 'check("${1:value >= 0}")'],
  ["secret", "never returned in API responses"],
  ["readonly", "set by the server, not by clients"],
  ["format", "string format", "format(${1|email,uri,hostname,ipv4,ipv6|})"],
  ["min", "minimum value", "min(${1:0})"],
  ["max", "maximum value", "max(${1:100})"],
  ["key", "the event's partition / ordering key"],
];
const TABLE_ATTRIBUTES: [string, string, string][] = [
  ["index", "index on columns", "index(${1:column})"],
  ["unique", "unique constraint on columns", "unique(${1:column})"],
  ["id", "composite primary key", "id(${1:a}, ${2:b})"],
  ["partition", "partitioned table", "partition(${1|range,list,hash|}, ${2:column})"],
  ["table", "explicit table name", 'table("${1:name}")'],
];
const STATUSES: [number, string][] = [
  [200, "OK"],
  [201, "Created"],
  [202, "Accepted"],
  [204, "No Content"],
  [400, "Bad Request"],
  [401, "Unauthorized"],
  [403, "Forbidden"],
  [404, "Not Found"],
  [409, "Conflict"],
  [412, "Precondition Failed"],
  [422, "Unprocessable Content"],
  [429, "Too Many Requests"],
  [500, "Internal Server Error"],
  [503, "Service Unavailable"],
];

const BLOCK_SNIPPETS: Record<string, { body: string; detail: string }> = {
  service: { body: 'service ${1:Name} {\n\thealth "/healthz"\n\tready "/readyz"\n\t$0\n}', detail: "a service with health probes" },
  system: { body: 'system ${1:Name} {\n\tcorrelation "traceparent"\n\t$0\n}', detail: "a system" },
  entity: { body: "entity ${1:Name} {\n\tid         uuid        @id @default(uuid)\n\t$0\n\tcreated_at timestamptz @default(now)\n\tupdated_at timestamptz @default(now)\n}", detail: "a table" },
  type: { body: "type ${1:Name} {\n\t${2:name} ${3:text}\n}", detail: "a request/response shape" },
  event: { body: "event ${1:Name} {\n\t${2:id} uuid @key\n\t$0\n}", detail: "an async message" },
  enum: { body: "enum ${1:Name} { ${2:active}, ${3:archived} }", detail: "an enumeration" },
  api: { body: 'api "/api/v1" {\n\tauth jwt\n\tratelimit 100/min per client\n\n\t$0\n}', detail: "an HTTP api" },
  queue: { body: "queue ${1:name}: ${2|kafka,rabbitmq,sqs,nats|} { dead_letter ${1:name}_dlq; max_deliveries 5 }", detail: "a queue with a dead letter" },
  database: { body: "database ${1:name}: ${2|postgres,mysql,sqlite,mongodb,dynamodb|}", detail: "a database" },
  cache: { body: "cache ${1:name}: ${2|redis,memcached|}", detail: "a cache" },
  gateway: { body: "gateway ${1:edge} {\n\troutes ${2:Service}\n\tauth jwt\n\tratelimit 1000/min per client\n\ttimeout 5s\n}", detail: "an API gateway" },
  client: { body: 'client ${1:web} "${2:Browser}"', detail: "a client application" },
  external: { body: 'external ${1:name} "${2:Third-party API}"', detail: "an external system" },
  import: { body: 'import "./${1:other}.arch"', detail: "import another model file" },
};

export function complete(model: Model, file: ArchFile, offset: number): CompletionResult {
  const lines = lineIndexOf(file);
  const line = lines.lineOf(offset);
  const lineStart = lines.lineStarts[line]!;
  const prefix = file.text.slice(lineStart, offset);
  const toks = scan(prefix, file.uri).tokens.filter((t) => t.kind !== T.Newline && t.kind !== T.EOF);
  // The word being typed (glued to the cursor) is replaced, not counted as context.
  const last = toks[toks.length - 1];
  let start = offset;
  let before = toks;
  if (last && last.end === prefix.length && (last.kind === T.Ident || last.kind === T.Number || last.kind === T.Path)) {
    start = lineStart + last.start;
    before = toks.slice(0, -1);
  }
  // Only the current statement counts: after `;` or `{` a new one starts.
  let cut = 0;
  before.forEach((t, i) => {
    if (t.kind === T.Semicolon || t.kind === T.LBrace || t.kind === T.RBrace) cut = i + 1;
  });
  const stmt = before.slice(cut);
  const context = contextAt(model, file, offset);
  const items = itemsFor(model, context, stmt, prefix);
  return { items, start, end: offset };
}

function contextAt(model: Model, file: ArchFile, offset: number): Context {
  let ctx: Context = { container: "file" };
  const inside = (b: Span | undefined) => !!b && b.start < offset && (offset < b.end || file.text[b.end - 1] !== "}");
  const visit = (decls: Declaration[]) => {
    for (const d of decls) {
      if (!inside(d.block)) continue;
      switch (d.kind) {
        case "System":
          ctx = { container: "system" };
          visit(d.declarations);
          return;
        case "Component":
          ctx = { container: "component", componentKind: d.componentKind };
          return;
        case "Schema": {
          const info = model.infoOf(d) as SchemaInfo | undefined;
          ctx = { container: "schema" };
          if (info) {
            ctx.schema = info;
            if (info.service) ctx.service = info.service;
          }
          return;
        }
        case "Enum":
          ctx = { container: "enum" };
          return;
        case "Service": {
          const service = model.infoOf(d) as ServiceInfo | undefined;
          ctx = service ? { container: "service", service } : { container: "service" };
          for (const s of [...d.schemas, ...d.enums]) {
            if (inside(s.block)) {
              visit([s]);
              if (service) ctx.service = service;
              return;
            }
          }
          for (const api of d.apis) {
            if (!inside(api.block)) continue;
            ctx = service ? { container: "api", service } : { container: "api" };
            const ep = api.endpoints.find((e: Endpoint) => inside(e.block));
            if (ep) ctx.container = "endpoint";
            return;
          }
          return;
        }
      }
    }
  };
  visit(file.declarations);
  return ctx;
}

function kw(label: string, detail?: string): CompletionItem {
  return detail ? { label, kind: "keyword", detail } : { label, kind: "keyword" };
}

function snippet(name: string): CompletionItem | undefined {
  const s = BLOCK_SNIPPETS[name];
  return s ? { label: name, kind: "snippet", detail: s.detail, insertText: s.body, snippet: true, sortText: "0" + name } : undefined;
}

function typeItems(model: Model, ctx: Context, kinds: ("builtin" | "entity" | "type" | "event" | "enum")[]): CompletionItem[] {
  const out: CompletionItem[] = [];
  if (kinds.includes("builtin")) for (const t of BUILTIN_TYPES) out.push({ label: t, kind: "type", detail: "built-in", sortText: "2" + t, ...(t === "decimal" ? { insertText: "decimal(${1:12}, ${2:2})", snippet: true } : t === "varchar" || t === "char" ? { insertText: `${t}(\${1:64})`, snippet: true } : {}) });
  const seen = new Set<string>();
  const add = (info: SchemaInfo | EnumInfo, kind: CompletionKind) => {
    const own = !info.service || info.service === ctx.service;
    const label = own ? info.symbol.name : `${info.service!.symbol.name}.${info.symbol.name}`;
    if (seen.has(label)) return;
    seen.add(label);
    out.push({ label, kind, detail: "fields" in info ? info.kind : "enum", sortText: (own ? "1" : "3") + label });
  };
  for (const s of model.schemas) if ((kinds as string[]).includes(s.kind)) add(s, s.kind === "entity" ? "entity" : s.kind === "event" ? "event" : "type");
  if (kinds.includes("enum")) for (const e of model.enums) add(e, "enum");
  return out;
}

function components(model: Model, kind: string): CompletionItem[] {
  return model.components.filter((c) => c.kind === kind).map((c) => ({ label: c.symbol.name, kind: "component" as const, detail: `${kind}${c.engine ? `: ${c.engine}` : ""}` }));
}

function services(model: Model, also: string[] = []): CompletionItem[] {
  return [
    ...model.services.map((s) => ({ label: s.symbol.name, kind: "service" as const, detail: "service" })),
    ...model.components.filter((c) => also.includes(c.kind)).map((c) => ({ label: c.symbol.name, kind: "component" as const, detail: c.kind })),
  ];
}

function statementStarts(ctx: Context): CompletionItem[] {
  const snippets = (names: string[]) => names.map(snippet).filter((x) => x !== undefined);
  const props = (key: keyof typeof KNOWN_PROPERTIES) => KNOWN_PROPERTIES[key].map((p) => ({ label: p, kind: "property" as const, sortText: "4" + p }));
  switch (ctx.container) {
    case "file":
      return [...snippets(["system", "service", "entity", "type", "event", "enum", "import", ...COMPONENT_KINDS]), ...["system", "service", "entity", "type", "event", "enum", "import", ...COMPONENT_KINDS].map((k) => kw(k))];
    case "system":
      return [...snippets(["service", "entity", "type", "event", "enum", ...COMPONENT_KINDS]), ...["service", ...COMPONENT_KINDS].map((k) => kw(k)), ...props("system")];
    case "service":
      return [
        ...snippets(["entity", "type", "event", "enum", "api"]),
        ...["calls", "publishes", "consumes", "database", "reads", "writes", "uses"].map((k) => kw(k, "relation")),
        ...props("service"),
      ];
    case "schema":
      return [{ label: "@@index", kind: "attribute", insertText: "@@index(${1:column})", snippet: true }, { label: "@@unique", kind: "attribute", insertText: "@@unique(${1:column})", snippet: true }];
    case "enum":
      return [];
    case "api":
      return [...HTTP_METHODS.map((m) => kw(m, "endpoint")), ...props("api")];
    case "endpoint":
      return [...["param", "query", "header"].map((k) => kw(k, "parameter")), ...props("endpoint")];
    case "component": {
      const kind = (ctx.componentKind ?? "database") as keyof typeof KNOWN_PROPERTIES;
      const extra = ctx.componentKind === "gateway" ? [kw("routes", "relation")] : ctx.componentKind === "client" ? [kw("calls", "relation")] : [];
      return [...extra, ...props(kind)];
    }
  }
}

function itemsFor(model: Model, ctx: Context, stmt: Token[], prefix: string): CompletionItem[] {
  const words = stmt.map((t) => (t.kind === T.Ident ? t.text : t.kind === T.Path ? "<path>" : t.kind === T.Number ? "<number>" : t.kind === T.Arrow ? "->" : t.kind === T.Comma ? "," : t.kind === T.At ? "@" : t.kind === T.AtAt ? "@@" : t.kind === T.LParen ? "(" : t.kind === T.Dot ? "." : "<" + t.kind + ">"));
  const first = words[0];
  const n = words.length;

  // Inside attribute parentheses: @ref(, @default(, @on_delete(, @@index( …
  const paren = prefix.lastIndexOf("(");
  if (paren >= 0 && prefix.indexOf(")", paren) < 0) {
    const m = /(@@?)([A-Za-z_]+)\s*\($/.exec(prefix.slice(0, paren + 1)) ?? /(@@?)([A-Za-z_]+)\s*\([^)]*$/.exec(prefix);
    if (m) return attributeArgs(model, ctx, m[1] === "@@", m[2]!, prefix.slice(paren + 1), stmt[1]?.kind === T.Ident ? stmt[1].text : undefined);
  }
  const lastTok = stmt[stmt.length - 1];
  if (lastTok?.kind === T.At) return COLUMN_ATTRIBUTES.map(([name, detail, body]) => ({ label: name, kind: "attribute" as const, detail, ...(body ? { insertText: body, snippet: true } : {}) }));
  if (lastTok?.kind === T.AtAt) return TABLE_ATTRIBUTES.map(([name, detail, body]) => ({ label: name, kind: "attribute" as const, detail, insertText: body, snippet: true }));

  if (n === 0) return statementStarts(ctx);

  if (ctx.container === "schema") {
    if (n === 1) return typeItems(model, ctx, ["builtin", "entity", "type", "enum"]);
    return COLUMN_ATTRIBUTES.map(([name, detail, body]) => ({ label: "@" + name, kind: "attribute" as const, detail, insertText: "@" + (body ?? name), ...(body ? { snippet: true } : {}) }));
  }
  if (ctx.container === "enum") return [];

  switch (first) {
    case "calls": {
      if (n === 1) return services(model, ["external", "gateway"]);
      const target = model.services.find((s) => s.symbol.name === stmt[1]!.text);
      const options = ["timeout", "retries", "breaker"].filter((o) => !words.includes(o)).map((o) => kw(o));
      if (n === 2 && target) {
        const eps = target.apis.flatMap((a) => a.endpoints).map((e) => ({ label: `${e.method} ${e.fullPath}`, kind: "endpoint" as const, detail: e.responses.map((r) => r.status).join(", "), sortText: "0" + e.fullPath }));
        return [...eps, ...options];
      }
      if (words[n - 1] === "timeout") return ["500ms", "1s", "2s", "5s"].map((v) => ({ label: v, kind: "value" as const }));
      return options;
    }
    case "publishes":
    case "consumes": {
      const joiner = first === "publishes" ? "to" : "from";
      if (n === 1) {
        const own = ctx.service?.events ?? [];
        const events = model.schemas.filter((s) => s.kind === "event");
        return [...own, ...events.filter((e) => !own.includes(e))].map((e, i) => ({ label: e.symbol.name, kind: "event" as const, detail: e.service ? `event of ${e.service.symbol.name}` : "event", sortText: String(i).padStart(4, "0") }));
      }
      if (n === 2) return [kw(joiner)];
      if (n === 3) return components(model, "queue");
      if (first === "consumes" && n === 4) return [kw("idempotent", "the consumer deduplicates redeliveries")];
      return [];
    }
    case "database":
    case "reads":
    case "writes":
      return n === 1 && ctx.container === "service" ? components(model, "database") : [];
    case "uses":
      if (n === 1) return components(model, "cache");
      if (n === 2) return [kw("ttl")];
      if (n === 3 && words[2] === "ttl") return ["1m", "5m", "1h", "none"].map((v) => ({ label: v, kind: "value" as const }));
      return [];
    case "routes":
      return services(model);
    case "auth":
      return n === 1 ? ["jwt", "oauth2", "apikey", "mtls", "basic", "none"].map((v) => ({ label: v, kind: "value" as const })) : [];
    case "ratelimit":
      if (n === 1) return [{ label: "100/min per client", kind: "value" }, { label: "1000/min per ip", kind: "value" }, { label: "none", kind: "value" }];
      return [];
    case "errors":
      return n === 1 ? typeItems(model, ctx, ["type", "entity"]) : [];
    case "param":
    case "query":
    case "header":
      return n === 2 ? typeItems(model, ctx, ["builtin", "enum", "type"]) : [];
  }
  if (ctx.container === "api" && first && (HTTP_METHODS as readonly string[]).includes(first)) {
    const arrow = words.indexOf("->");
    const lastWord = words[n - 1];
    if (n === 1) return [];
    if (arrow < 0) {
      if (lastWord === "body") return typeItems(model, ctx, ["type", "entity"]);
      return [kw("body", "request body type"), { label: "->", kind: "keyword", detail: "responses" }];
    }
    if (lastWord === "->" || lastWord === ",") return STATUSES.map(([code, text]) => ({ label: String(code), kind: "status" as const, detail: text, sortText: String(code) }));
    const flags = ENDPOINT_FLAGS.filter((f) => !words.includes(f)).map((f) => kw(f, "flag"));
    if (lastWord === "<number>") return [...typeItems(model, ctx, ["type", "entity"]), ...flags];
    return flags;
  }
  return [];
}

function attributeArgs(model: Model, ctx: Context, table: boolean, name: string, typed: string, fieldType: string | undefined): CompletionItem[] {
  const columns = (ctx.schema?.fields ?? []).map((f) => ({ label: f.symbol.name, kind: "field" as const, detail: f.type.display }));
  if (table) {
    if (name === "partition" && !typed.includes(",")) return ["range", "list", "hash"].map((v) => ({ label: v, kind: "value" as const }));
    return name === "table" ? [] : columns;
  }
  switch (name) {
    case "ref": {
      const out: CompletionItem[] = [];
      for (const s of model.schemas) {
        if (s.kind !== "entity") continue;
        const key = s.fields.find((f) => f.decl.attributes.some((a) => a.name.text === "id")) ?? s.fields[0];
        for (const f of s.fields) out.push({ label: `${s.symbol.name}.${f.symbol.name}`, kind: "field", detail: f.type.display, sortText: (s.service === ctx.service ? "0" : "1") + (f === key ? "0" : "1") + s.symbol.name });
      }
      return out;
    }
    case "on_delete":
      return ["cascade", "restrict", "set_null"].map((v) => ({ label: v, kind: "value" as const }));
    case "format":
      return ["email", "uri", "hostname", "ipv4", "ipv6", "uuid"].map((v) => ({ label: v, kind: "value" as const }));
    case "default": {
      // An enum column defaults to one of its values; other columns to a function or literal.
      const e = fieldType ? (model.enums.find((x) => x.symbol.name === fieldType && x.service === ctx.service) ?? model.enums.find((x) => x.symbol.name === fieldType)) : undefined;
      if (e) return e.members.map((m) => ({ label: m.symbol.name, kind: "enumMember" as const, detail: `${e.symbol.name} value` }));
      return ["now", "uuid", "identity", "true", "false"].map((v) => ({ label: v, kind: "value" as const }));
    }
  }
  return [];
}
