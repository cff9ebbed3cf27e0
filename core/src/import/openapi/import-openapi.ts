// OpenAPI 3.0 / 3.1 → .arch: a pure function from already-parsed (and, for
// multi-file documents, already bundled) documents to model text and a
// summary. The inverse of generators/openapi where the language can say
// what the document says; everything else is a `//` note at the place it
// belongs and a note in the summary.
//
// - One service per document (or, with `byTag`, one per operation tag); its
//   name from `info.title` (`Catalog API: Product catalog` → `service Catalog
//   "Product catalog"`), its doc comment from `info.description`, `owner` from
//   `info.contact.name`, `license` from `info.license`.
// - `api` blocks: the path of the first server URL plus a leading
//   `/api`, `/internal`, … and version segment (`/v1`, `/2024-01-01`) of the
//   paths; paths with different prefixes get different blocks.
// - Endpoints: method, path, `param`/`query`/`header` settings, `body`,
//   statuses with types; `paginated` from a page envelope (`items`/`data`/…
//   with a cursor or page field) or from a bare list with cursor or page
//   parameters; `idempotent` from an `Idempotency-Key` header; `async` from a
//   202 with a status resource; `auth` from the security requirements;
//   `ratelimit` from `x-archwright-rate-limit`; `cache` from a
//   `Cache-Control: max-age` response header; `summary`, `tags`,
//   `deprecated`. Statuses the generator implies (401/403 with auth, 429
//   with a rate limit, 400 with pagination, `default`) are left out when they
//   carry the api's error shape.
// - Errors: the error schema most error responses share becomes the api's
//   `errors` type, unless it is RFC 9457 problem details (the language's
//   default). Other error schemas stay typed on their status.
// - Schemas: see schemas.ts.

import { newDecl, newService, quote, renderFile, toTypeName, Names, type ApiOut, type DeclOut, type EndpointOut, type FileOut, type ServiceOut } from "../arch-writer";
import { SummaryBuilder, type ImportResult, type SummaryItem } from "../summary";
import { operationIdOf, operationWords, reasonName, reasonPhrase, segmentsOf, summaryOf } from "../../generators/openapi/naming";
import { arr, atPointer, brief, canonical, componentName, isObj, num, obj, str, type Obj } from "./json";
import { FIELD, normalize, SchemaConverter, singularHint, type SchemaHost, type TypeResult } from "./schemas";

export interface OpenApiInput {
  /** The parsed document (JSON value); local `$ref`s only. */
  document: unknown;
  /** Where it came from (a file name), for names and messages. */
  source?: string;
}

export interface OpenApiImportOptions {
  /** The service's name (with one document; with several, the first one's). */
  service?: string;
  /** One service per operation tag instead of one per document. */
  byTag?: boolean;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const API_WORDS = new Set(["api", "apis", "rest", "internal", "public", "private"]);
const VERSION = /^(v\d+([._-]?\d+)*([a-z]+\d*)?|\d{4}-\d{2}-\d{2})$/i;
const ITEM_KEYS = ["items", "data", "results", "entries", "records", "edges", "nodes", "content", "elements", "list", "values", "objects", "hits", "rows"];
const CURSOR_MARKERS = new Set(["next_cursor", "nextcursor", "cursor", "next", "next_page", "nextpage", "next_page_token", "nextpagetoken", "next_token", "nexttoken", "has_more", "hasmore", "hasnextpage", "has_next_page", "end_cursor", "endcursor", "after", "starting_after", "next_link", "nextlink", "@odata.nextlink", "continuation_token", "continuationtoken"]);
const PAGE_MARKERS = new Set(["page", "page_number", "pagenumber", "current_page", "currentpage", "total_pages", "totalpages", "page_size", "pagesize", "per_page", "perpage", "total", "total_count", "totalcount", "count", "offset", "limit", "last_page", "lastpage", "total_items", "totalitems", "total_elements", "totalelements"]);
const NESTED_PAGE_KEYS = new Set(["meta", "pagination", "page_info", "pageinfo", "paging", "links", "_links", "page"]);
const ENVELOPE_EXTRA = new Set(["object", "url", "self", "href", "kind", "first", "last", "prev", "previous", "@odata.context", "@odata.count", "request_id", "requestid"]);
const CURSOR_PARAMS = new Set(["cursor", "page_token", "pagetoken", "after", "before", "starting_after", "ending_before", "continuation_token", "next_token", "page_cursor"]);
const PAGE_PARAMS = new Set(["page", "page_number", "pagenumber", "offset", "skip"]);
const PROBLEM_FIELDS = new Set(["type", "title", "status", "detail", "instance"]);
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);
const TRIVIAL_DESCRIPTIONS = new Set(["ok", "success", "successful", "successful operation", "successful response", "success response", "created", "no content", "accepted", "not found", "error", "unexpected error", "bad request", "unauthorized", "forbidden"]);
const GENERATED_ERROR_DESCRIPTIONS = new Set([
  "Bad Request: the request is malformed or fails validation.",
  "Unauthorized: credentials are missing or invalid.",
  "Forbidden: the credentials do not allow this operation.",
  "Not Found: the resource does not exist.",
  "Conflict: the request conflicts with the current state of the resource.",
  "Gone: the resource no longer exists.",
  "Precondition Failed: the resource has changed.",
  "Unprocessable Content: the request is well-formed but cannot be processed.",
  "Too Many Requests: the rate limit is exhausted; retry after the time given in Retry-After.",
  "Service Unavailable: retry later.",
  "Unexpected error.",
  "Accepted: the operation runs asynchronously. Poll the status resource at Location until it has finished.",
]);
const RATE = /^\d+(\.\d+)?\/(s|min|h|d)( per (client|ip|user|key|tenant))?$/;
const SCOPE_WORD = /^[A-Za-z_][A-Za-z0-9_]*([:.-]([A-Za-z_][A-Za-z0-9_]*|[0-9]+))*$/;
const HEADER_NAME = /^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z_][A-Za-z0-9_]*)*$/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function importOpenApi(input: OpenApiInput | OpenApiInput[], options: OpenApiImportOptions = {}): ImportResult {
  const inputs = Array.isArray(input) ? input : [input];
  const file = new FileContext();
  inputs.forEach((doc, i) => new DocumentImporter(file, doc, i === 0 ? options : { ...options, service: undefined }).run());
  return file.finish();
}

/** What the documents of one import share: names are global in a workspace. */
class FileContext {
  readonly names = new Names();
  readonly summary = new SummaryBuilder();
  readonly out: FileOut = { header: [], components: [], services: [] };
  readonly queues = new Set<string>();
  /** Component schemas already declared by an earlier document, by canonical JSON: reused instead of declared twice. */
  readonly sharedShapes = new Map<string, string>();

  finish(): ImportResult {
    for (const q of this.queues) this.out.components.push(`queue ${q}`);
    const text = this.out.services.length ? renderFile(this.out) : "";
    return { text, summary: this.summary.build() };
  }
}

interface Component {
  key: string;
  index: number;
  schema: unknown;
  kind: "type" | "enum" | "alias" | "event";
  decl?: DeclOut;
  enumMembers?: Map<string, string>;
  special?: "page" | "problem" | "status";
  used: boolean;
  consumed: boolean;
  converted: boolean;
  firstUse?: ServiceOut;
  item: SummaryItem;
  /** Declared by an earlier document: only the name is used. */
  sharedName?: string;
}

interface Holder {
  decl: DeclOut;
  order: [number, number];
  component?: Component;
  parent?: Component;
  service?: ServiceOut;
}

interface OpInfo {
  path: string;
  method: string;
  op: Obj;
  pathItem: Obj;
  base: string;
  relative: string;
  service: ServiceOut;
  api: ApiCtx;
}

interface ApiCtx {
  out: ApiOut;
  ops: OpInfo[];
  endpoints: { ep: EndpointOut; auth?: string; rate?: string }[];
  errorKey?: string;
  errorType?: string;
  problemComponent?: Component;
}

interface Content {
  mediaType: string;
  schema: unknown;
  others: string[];
}

class DocumentImporter implements SchemaHost {
  private readonly doc: Obj;
  private readonly source: string;
  private readonly components = new Map<string, Component>();
  private readonly holders: Holder[] = [];
  private readonly converter: SchemaConverter;
  private readonly services = new Map<string, ServiceOut>();
  private mainService!: ServiceOut;
  private currentService: ServiceOut | undefined;
  private currentComponent: Component | undefined;
  private seq = 0;
  private docItem!: SummaryItem;
  private readonly serviceNotes: string[] = [];
  private anySecurity = false;

  constructor(
    private readonly file: FileContext,
    input: OpenApiInput,
    private readonly options: OpenApiImportOptions,
  ) {
    this.doc = obj(input.document);
    this.source = input.source ?? "document";
    this.converter = new SchemaConverter(this);
  }

  // ---- SchemaHost ------------------------------------------------------------------

  resolveRef(ref: string): unknown {
    return atPointer(this.doc, ref);
  }

  componentType(name: string): { type: string; enumMembers?: Map<string, string> } | "alias" | undefined {
    const c = this.components.get(name);
    if (!c) return undefined;
    if (c.kind === "alias") return "alias";
    c.used = true;
    if (this.currentService && !c.firstUse) c.firstUse = this.currentService;
    const name2 = c.sharedName ?? c.decl?.name ?? toTypeName(name);
    return c.enumMembers ? { type: name2, enumMembers: c.enumMembers } : { type: name2 };
  }

  declare(kind: "type" | "enum", wanted: string): DeclOut {
    const decl = newDecl(kind, this.file.names.take(wanted));
    const holder: Holder = { decl, order: this.currentComponent ? [this.currentComponent.index, ++this.seq] : [Number.MAX_SAFE_INTEGER, ++this.seq] };
    if (this.currentComponent) holder.parent = this.currentComponent;
    if (this.currentService) holder.service = this.currentService;
    this.holders.push(holder);
    return decl;
  }

  problem(message: string): void {
    if (!this.file.summary.problems.includes(`${this.source}: ${message}`)) this.file.summary.problems.push(`${this.source}: ${message}`);
  }

  // ---- the document ----------------------------------------------------------------

  run(): void {
    const version = str(this.doc["openapi"]);
    if (!version || !/^3\.[01]\b/.test(version)) {
      const swagger = str(this.doc["swagger"]);
      this.problem(swagger ? `Swagger ${swagger} is not supported: convert it to OpenAPI 3 first` : `not an OpenAPI 3.0 or 3.1 document${version ? ` (openapi: ${version})` : ""}`);
      this.file.summary.add("document", this.source, undefined, [], true);
      return;
    }
    const info = obj(this.doc["info"]);
    const naming = serviceNaming(str(info["title"]), this.source, this.options.service);

    this.registerComponents();
    this.mainService = this.service(this.file.names.take(this.file.names.has(naming.name) ? `${naming.name}Service` : naming.name));
    if (naming.title) this.mainService.title = naming.title;
    const description = str(info["description"]);
    if (description) this.mainService.doc = description;
    const contact = obj(info["contact"]);
    const owner = str(contact["name"]);
    if (owner) this.mainService.properties.push(`owner ${quote(owner)}`);
    const contactRest = [str(contact["email"]), str(contact["url"])].filter(Boolean);
    if (contactRest.length) this.serviceNotes.push(`contact: ${contactRest.join(", ")}`);
    const license = obj(info["license"]);
    const licenseId = str(license["identifier"]) ?? str(license["name"]);
    if (licenseId && licenseId !== "LicenseRef-Proprietary") this.mainService.properties.push(`license ${quote(licenseId)}`);
    if (str(license["url"])) this.serviceNotes.push(`license: ${str(license["url"])}`);
    if (str(info["termsOfService"])) this.serviceNotes.push(`terms of service: ${str(info["termsOfService"])}`);
    this.docItem = this.file.summary.add("document", this.source, `service ${this.mainService.name}`);

    const server = serverPrefix(arr(this.doc["servers"]));
    this.serviceNotes.push(...server.notes);
    const version_ = str(info["version"]);
    const ops = this.collectOperations(server.path);
    if (version_ && version_ !== derivedVersion(ops.map((o) => o.base))) this.serviceNotes.push(`version ${version_} (info.version)`);

    // Component types first (their inline enums get their natural names), then operations, then what only the operations can decide.
    for (const c of this.components.values()) if (!c.special && (c.kind === "type" || c.kind === "event")) this.convertComponent(c);
    this.securityNotes();
    for (const api of this.apis) this.chooseErrors(api);
    for (const api of this.apis) {
      for (const o of api.ops) this.operation(o, api);
      this.factorApiSettings(api);
    }
    this.currentService = undefined;
    this.finishSpecials();
    this.webhooks();
    this.placeDeclarations();
    this.documentNotes();
    this.dropEmptyMainService();
    // Later documents reuse what this one declared (names are global).
    for (const c of this.components.values()) {
      if (c.decl && !c.sharedName && this.holders.some((h) => h.decl === c.decl)) this.file.sharedShapes.set(`${c.key}\u0000${canonical(c.schema)}`, c.decl.name);
    }
  }

  /** With byTag, the document's own service keeps only what no tag claimed; when that is nothing, its notes go to the first tag's. */
  private dropEmptyMainService(): void {
    const main = this.mainService;
    const others = [...this.services.values()].filter((s) => s !== main);
    if (!this.options.byTag || !others.length || main.apis.length || main.decls.length || main.relations.length) return;
    const to = others[0]!;
    to.notes.unshift(...main.notes);
    to.trailingNotes.push(...main.trailingNotes);
    to.properties.unshift(...main.properties);
    if (main.doc && !to.doc) to.doc = main.doc;
    this.file.out.services.splice(this.file.out.services.indexOf(main), 1);
    this.docItem.target = `services ${others.map((s) => s.name).join(", ")}`;
  }

  private service(name: string): ServiceOut {
    let s = this.services.get(name);
    if (!s) {
      s = newService(name);
      this.services.set(name, s);
      this.file.out.services.push(s);
    }
    return s;
  }

  // ---- components --------------------------------------------------------------------

  private registerComponents(): void {
    const schemas = obj(obj(this.doc["components"])["schemas"]);
    let index = 0;
    for (const [key, schema] of Object.entries(schemas)) {
      const n = normalize(schema);
      const s = n.s;
      let kind: Component["kind"] = "alias";
      const en = s["enum"];
      if (Array.isArray(en) && en.filter((v) => v !== null).every((v) => typeof v === "string") && en.length > 0 && !n.nullable) kind = "enum";
      else if (!str(s["$ref"]) && this.isObjectShape(s, new Set())) kind = "type";
      const item = this.file.summary.add("schema", `#/components/schemas/${key}`, undefined);
      const c: Component = { key, index: index++, schema, kind, used: false, consumed: false, converted: false, item };
      this.components.set(key, c);
      if (kind === "alias") continue;
      // The same schema in an earlier document of this import: reuse its declaration.
      const shape = canonical(schema);
      const shared = this.file.sharedShapes.get(`${key}\u0000${shape}`);
      if (shared) {
        c.sharedName = shared;
        c.converted = true;
        item.target = `${kind} ${shared} (declared with an earlier document)`;
        continue;
      }
      c.special = this.specialOf(key, s);
      const wanted = toTypeName(key);
      this.currentComponent = c;
      const decl = this.declare(kind === "enum" ? "enum" : "type", wanted);
      this.currentComponent = undefined;
      const holder = this.holders[this.holders.length - 1]!;
      holder.order = [c.index, 0];
      holder.component = c;
      delete holder.parent;
      c.decl = decl;
      if (decl.name !== key) this.file.summary.note(item, `named \`${decl.name}\` (a .arch name)`);
      item.target = `${kind} ${decl.name}`;
      if (kind === "enum") {
        c.enumMembers = this.converter.fillEnum(decl, (en as string[]).filter((v) => v !== null), s);
        if (n.ann.description) decl.doc = n.ann.description;
        c.converted = true;
      }
    }
    // Events the generator describes under x-archwright-events.
    const events = obj(this.doc["x-archwright-events"]);
    for (const [key, schema] of Object.entries(events)) {
      const item = this.file.summary.add("schema", `#/x-archwright-events/${key}`, undefined);
      const c: Component = { key: `\u0000event:${key}`, index: index++, schema, kind: "event", used: true, consumed: false, converted: false, item };
      this.currentComponent = c;
      const decl = this.declare("type", toTypeName(key));
      this.currentComponent = undefined;
      decl.kind = "event";
      const holder = this.holders[this.holders.length - 1]!;
      holder.order = [c.index, 0];
      holder.component = c;
      delete holder.parent;
      c.decl = decl;
      item.target = `event ${decl.name}`;
      this.components.set(c.key, c);
    }
  }

  private isObjectShape(s: Obj, seen: Set<string>): boolean {
    if (isObj(s["properties"])) return true;
    const ref = str(s["$ref"]);
    if (ref !== undefined) {
      if (seen.has(ref)) return false;
      seen.add(ref);
      return this.isObjectShape(normalize(this.resolveRef(ref)).s, seen);
    }
    const allOf = arr(s["allOf"]);
    if (allOf.length) return allOf.some((p) => this.isObjectShape(normalize(p).s, seen));
    for (const key of ["oneOf", "anyOf"] as const) {
      const list = arr(s[key]);
      if (list.length) return list.every((p) => this.isObjectShape(normalize(p).s, new Set(seen)));
    }
    return false;
  }

  private specialOf(key: string, s: Obj): Component["special"] {
    const props = Object.keys(obj(s["properties"]));
    if (/^OperationStatus\d*$/.test(key) && props.includes("id") && props.includes("status")) return "status";
    if (props.length >= 2 && props.every((p) => PROBLEM_FIELDS.has(p)) && (props.includes("title") || props.includes("detail"))) return "problem";
    if (this.pageOf(s)) return "page";
    return undefined;
  }

  private convertComponent(c: Component): void {
    if (c.converted || !c.decl) return;
    c.converted = true;
    const prev = this.currentComponent;
    this.currentComponent = c;
    const n = normalize(c.schema);
    this.converter.fillObject(c.decl, n.s);
    if (n.ann.description && !c.decl.doc) c.decl.doc = n.ann.description;
    if (n.nullable) c.decl.notes.push("may be null wherever it is used");
    this.currentComponent = prev;
    if (c.kind === "event") {
      for (const q of arr(obj(c.schema)["x-archwright-published-to"])) {
        if (typeof q !== "string" || !IDENT.test(q)) continue;
        this.file.queues.add(q);
        const owner = this.mainService;
        const line = `publishes ${c.decl.name} to ${q}`;
        if (!owner.relations.includes(line)) owner.relations.push(line);
      }
    }
  }

  /** Special-shaped schemas are declared only when something uses them as a plain type, or nothing consumed them. */
  private finishSpecials(): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const c of this.components.values()) {
        if (!c.special || c.converted) continue;
        if (c.used || !c.consumed) {
          this.convertComponent(c);
          changed = true;
        }
      }
    }
    for (const c of this.components.values()) {
      if (c.special && !c.converted && c.decl) {
        const holder = this.holders.find((h) => h.decl === c.decl);
        if (holder) this.holders.splice(this.holders.indexOf(holder), 1);
        const why = c.special === "page" ? "a page envelope: its endpoints are `paginated`" : c.special === "problem" ? "RFC 9457 problem details: the language's default error shape" : "the status resource of `async` endpoints";
        c.item.status = "imported";
        c.item.target = `(implied) ${why}`;
      }
    }
    for (const c of this.components.values()) {
      if (c.kind === "alias" && !c.sharedName) {
        const r = this.converter.convert(c.schema, toTypeName(c.key));
        c.item.target = `(inlined where used) ${r.type}${r.array ? "[]" : ""}${r.nullable ? "?" : ""}`;
        this.file.summary.note(c.item, "the language has no type aliases: its uses name the type directly");
      }
    }
  }

  private placeDeclarations(): void {
    // A schema that only other schemas use lives with the first of them.
    if (this.options.byTag) {
      const queue = [...this.components.values()].filter((c) => c.firstUse);
      while (queue.length) {
        const c = queue.shift()!;
        for (const ref of refsIn(c.schema)) {
          const name = componentName(ref, "schemas");
          const d = name !== undefined ? this.components.get(name) : undefined;
          if (d && !d.firstUse) {
            d.firstUse = c.firstUse!;
            queue.push(d);
          }
        }
      }
      const first = [...this.services.values()].find((s) => s !== this.mainService);
      if (first) for (const c of this.components.values()) if (!c.firstUse) c.firstUse = first;
      for (const h of this.holders) if (!h.component && !h.parent && !h.service && first) h.service = first;
    }
    const byService = new Map<ServiceOut, Holder[]>();
    const homeOf = (h: Holder): ServiceOut => {
      if (h.component) return h.component.firstUse ?? this.mainService;
      if (h.parent) return h.parent.firstUse ?? this.mainService;
      return h.service ?? this.mainService;
    };
    const sorted = [...this.holders].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
    for (const h of sorted) {
      const s = this.options.byTag ? homeOf(h) : this.mainService;
      let list = byService.get(s);
      if (!list) byService.set(s, (list = []));
      list.push(h);
    }
    for (const [s, list] of byService) s.decls.push(...list.map((h) => h.decl));
  }

  // ---- operations ------------------------------------------------------------------------

  private readonly apis: ApiCtx[] = [];

  private collectOperations(serverPath: string): OpInfo[] {
    const out: OpInfo[] = [];
    const paths = obj(this.doc["paths"]);
    const apiByKey = new Map<string, ApiCtx>();
    for (const [path, rawItem] of Object.entries(paths)) {
      let pathItem = obj(rawItem);
      const itemRef = str(pathItem["$ref"]);
      if (itemRef) pathItem = { ...obj(this.resolveRef(itemRef)), ...pathItem };
      for (const method of Object.keys(pathItem).filter((k): k is (typeof METHODS)[number] => (METHODS as readonly string[]).includes(k))) {
        const op = pathItem[method];
        if (!isObj(op)) continue;
        const full = joinPaths(serverPath, path);
        const { base, rest } = splitBase(path);
        const apiBase = joinPaths(serverPath, base);
        let service = this.mainService;
        if (this.options.byTag) {
          const tag = str(arr(op["tags"])[0]);
          service = tag ? this.service(this.serviceNameForTag(tag)) : this.mainService;
        }
        const key = `${service.name}\u0000${apiBase}`;
        let api = apiByKey.get(key);
        if (!api) {
          const apiOut: ApiOut = { notes: [], properties: [], endpoints: [] };
          if (apiBase) apiOut.base = apiBase;
          api = { out: apiOut, ops: [], endpoints: [] };
          apiByKey.set(key, api);
          this.apis.push(api);
          service.apis.push(apiOut);
        }
        const info: OpInfo = { path, method, op, pathItem, base: apiBase, relative: rest, service, api };
        void full;
        api.ops.push(info);
        out.push(info);
      }
    }
    return out;
  }

  private readonly tagServices = new Map<string, string>();
  private serviceNameForTag(tag: string): string {
    let name = this.tagServices.get(tag);
    if (!name) {
      const wanted = toTypeName(tag);
      name = this.file.names.take(this.file.names.has(wanted) ? `${wanted}Service` : wanted);
      this.tagServices.set(tag, name);
    }
    return name;
  }

  /** The error shape most error responses of an api share. */
  private chooseErrors(api: ApiCtx): void {
    const counts = new Map<string, { n: number; schema: unknown; component?: Component }>();
    for (const o of api.ops) {
      for (const [status, resp] of Object.entries(obj(o.op["responses"]))) {
        if (!(status === "default" || /^[45]\d\d$/.test(status) || /^[45]XX$/i.test(status))) continue;
        const content = this.contentOf(this.response(resp)["content"]);
        if (!content) continue;
        const key = this.schemaKey(content.schema);
        const entry = counts.get(key) ?? { n: 0, schema: content.schema };
        entry.n++;
        const name = componentName(str(obj(content.schema)["$ref"]) ?? "", "schemas");
        if (name && this.components.get(name)) entry.component = this.components.get(name)!;
        counts.set(key, entry);
      }
    }
    let best: [string, { n: number; schema: unknown; component?: Component }] | undefined;
    for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
    if (!best) return;
    api.errorKey = best[0];
    const c = best[1].component;
    if (c?.special === "problem") {
      api.problemComponent = c;
      return;
    }
    if (c && c.kind === "alias") {
      delete api.errorKey;
      return;
    }
    const r = this.converter.convert(best[1].schema, "Error");
    if (r.array || !/^[A-Z]/.test(r.type)) {
      delete api.errorKey;
      return;
    }
    api.errorType = r.type;
    api.out.properties.push(`errors ${r.type}`);
  }

  private schemaKey(schema: unknown): string {
    const ref = str(obj(schema)["$ref"]);
    return ref ?? `inline:${canonical(schema)}`;
  }

  private response(resp: unknown): Obj {
    let r = obj(resp);
    for (let i = 0; i < 8 && str(r["$ref"]); i++) r = obj(this.resolveRef(str(r["$ref"])!));
    return r;
  }

  private contentOf(content: unknown): Content | undefined {
    const c = obj(content);
    const types = Object.keys(c);
    if (!types.length) return undefined;
    const pick =
      types.find((t) => /^application\/json\b/i.test(t)) ??
      types.find((t) => /[/+]json\b/i.test(t)) ??
      types.find((t) => /^application\/(x-www-form-urlencoded|xml)|^multipart\//i.test(t)) ??
      types[0]!;
    return { mediaType: pick, schema: obj(c[pick])["schema"], others: types.filter((t) => t !== pick) };
  }

  private operation(o: OpInfo, api: ApiCtx): void {
    this.currentService = o.service;
    const { op, method } = o;
    const METHOD = method.toUpperCase();
    const label = `${METHOD} ${o.path}`;
    if (method === "trace") {
      this.file.summary.add("operation", label, undefined, ["TRACE is not an endpoint method of the language"], true);
      api.out.notes.push(`TRACE ${o.relative}: not imported (the language has no TRACE endpoints)`);
      return;
    }
    const notes: string[] = [];
    const settings: string[] = [];
    const flags: string[] = [];
    const responses: string[] = [];
    const ep: EndpointOut = { method: METHOD, path: o.relative, responses, flags, settings, notes };
    const opName = str(op["operationId"]);
    const hintBase = toTypeName(opName ?? `${method} ${o.relative}`);

    // Auth and rate limit (needed to know which error statuses are implied).
    const security = Array.isArray(op["security"]) ? op["security"] : Array.isArray(this.doc["security"]) ? this.doc["security"] : undefined;
    const auth = security ? this.authOf(security, notes) : undefined;
    const rateRaw = str(op["x-archwright-rate-limit"]);
    const rate = rateRaw && RATE.test(rateRaw) ? rateRaw : undefined;

    // Parameters: path-level ones, overridden by the operation's.
    const params = new Map<string, Obj>();
    for (const p of [...arr(o.pathItem["parameters"]), ...arr(op["parameters"])]) {
      const r = this.response(p);
      const name = str(r["name"]);
      const where = str(r["in"]);
      if (!name || !where) continue;
      params.set(`${where}:${where === "header" ? name.toLowerCase() : name}`, r);
    }

    // Responses.
    const entries = Object.entries(obj(op["responses"])).sort((a, b) => statusOrder(a[0]) - statusOrder(b[0]));
    const successStatus = entries.map((e) => e[0]).find((s) => /^2\d\d$/.test(s));
    let paginated: { style: string; generator: boolean; envelope?: string; extra: string[] } | undefined;
    let async: { result?: TypeResult; own?: TypeResult } | undefined;
    const queryNames = [...params.values()].filter((p) => p["in"] === "query").map((p) => String(p["name"]).toLowerCase());
    for (const [status, raw] of entries) {
      const resp = this.response(raw);
      const content = this.contentOf(resp["content"]);
      const sharedName = componentName(str(obj(raw)["$ref"]) ?? "", "responses");
      // A shared response's description is noted once, at the api.
      const description = sharedName ? undefined : str(resp["description"]);
      if (sharedName && str(resp["description"]) && !isTrivialDescription(str(resp["description"])!, Number(status) || 0)) {
        const n = `response ${sharedName}: ${oneLine(str(resp["description"])!)}`;
        if (!api.out.notes.includes(n)) api.out.notes.push(n);
      }
      if (/^[1-5]XX$/i.test(status)) {
        notes.push(`${status} response${content ? ` (${this.typeText(this.converter.convert(content.schema, `${hintBase}Response`))})` : ""}: status ranges cannot be written`);
        continue;
      }
      if (status === "default") {
        const key = content ? this.schemaKey(content.schema) : undefined;
        if (key !== undefined && key !== api.errorKey) {
          const r = this.converter.convert(content!.schema, `${hintBase}Error`);
          notes.push(`default response: ${this.typeText(r)} (a default response cannot be written)`);
        }
        if (key === api.errorKey && api.problemComponent) api.problemComponent.consumed = true;
        continue;
      }
      const code = Number(status);
      if (!Number.isInteger(code) || code < 100 || code > 599) {
        notes.push(`response ${status}: not an HTTP status`);
        continue;
      }
      if (description && !isTrivialDescription(description, code)) notes.push(`${code}: ${oneLine(description)}`);
      this.headerNotes(resp, code, METHOD, notes, settings);
      if (content?.others.length) notes.push(`${code} is also available as ${content.others.join(", ")}`);
      if (code >= 400) {
        const key = content ? this.schemaKey(content.schema) : undefined;
        if (key === undefined || key === api.errorKey) {
          if (key !== undefined && api.problemComponent) api.problemComponent.consumed = true;
          const implied = ((code === 401 || code === 403) && auth !== undefined && auth !== "none") || (code === 429 && rate !== undefined);
          if (!implied) responses.push(String(code));
          continue;
        }
        const r = this.converter.convert(content!.schema, `${hintBase}${reasonName(code)}`);
        responses.push(`${code} ${this.typeText(r)}`);
        this.typeNotes(r, `${code}`, notes);
        continue;
      }
      if (!content) {
        if (code === 202 && Object.keys(obj(resp["headers"])).some((h) => h.toLowerCase() === "location")) async = {};
        else responses.push(String(code));
        continue;
      }
      if (content.mediaType !== "application/json" && !/json/i.test(content.mediaType)) {
        if (/octet-stream|^image\/|^audio\/|^video\/|pdf|zip/i.test(content.mediaType)) {
          responses.push(`${code} bytes`);
          if (!/octet-stream/i.test(content.mediaType)) notes.push(`${code}: ${content.mediaType}`);
          continue;
        }
        notes.push(`${code}: ${content.mediaType}`);
      }
      // async: 202 with a status resource (the generator's) or a Location to poll
      if (code === 202 && this.isStatusResource(content.schema)) {
        async = {};
        const result = this.statusResult(content.schema);
        if (result !== undefined) async.result = this.converter.convert(result, `${hintBase}Result`);
        continue;
      }
      if (code === 202 && Object.keys(obj(resp["headers"])).some((h) => h.toLowerCase() === "location")) {
        const r = this.converter.convert(content.schema, `${hintBase}Response`);
        async = { own: r };
        this.typeNotes(r, "202", notes);
        continue;
      }
      // pagination: an envelope around a list
      if (status === successStatus) {
        const page = this.pageOf(content.schema);
        if (page) {
          paginated = { style: page.style, generator: page.generator, extra: page.extra };
          if (page.component) {
            page.component.consumed = true;
            paginated.envelope = page.component.decl?.name ?? page.component.key;
          }
          const item = this.converter.convert(page.items, singularHint(`${hintBase}Response`));
          responses.push(`${code} ${item.type}[]`);
          this.typeNotes(item, `${code}`, notes);
          continue;
        }
      }
      const r = this.converter.convert(content.schema, code === 200 || code === 201 ? `${hintBase}Response` : `${hintBase}${code}Response`);
      responses.push(`${code}${r.type === "json" && !r.array && !content.schema ? "" : ` ${this.typeText(r)}`}`);
      this.typeNotes(r, `${code}`, notes);
      // a bare list with cursor or page parameters
      if (status === successStatus && r.array && !paginated) {
        const cursor = queryNames.find((n) => CURSOR_PARAMS.has(n));
        const page = queryNames.find((n) => PAGE_PARAMS.has(n));
        if (cursor || page || (queryNames.includes("limit") && this.hasNextHeader(resp))) paginated = { style: cursor ? "cursor" : page ? "page" : "cursor", generator: false, extra: [] };
      }
    }
    if (async) {
      flags.push("async");
      responses.unshift(async.own ? `202 ${this.typeText(async.own)}` : async.result ? `200 ${this.typeText(async.result)}` : "202");
      if (async.result) this.typeNotes(async.result, "result", notes);
    }
    if (responses.length === 0 && successStatus === undefined && !async) notes.push("no success response in the source");
    if (paginated) {
      flags.push("paginated");
      if (!paginated.generator && (paginated.envelope || paginated.extra.length)) notes.push(`page envelope ${paginated.envelope ?? ""}${paginated.extra.length ? ` with ${paginated.extra.join(", ")}` : ""}: \`paginated\` means {items, next_cursor} and the cursor and limit parameters`.replace("envelope  with", "envelope with"));
      else if (!paginated.generator && !paginated.envelope) notes.push(`a list paged by ${paginated.style} parameters: \`paginated\` means {items, next_cursor} and the cursor and limit parameters`);
      // 400 is implied by `paginated` when it carries the api's error shape.
      const i = responses.indexOf("400");
      if (i >= 0) responses.splice(i, 1);
    }

    // Parameters, in source order.
    const pathParams = new Set(segmentsOf(o.relative).filter((s) => s.param !== undefined).map((s) => s.param!));
    for (const p of params.values()) this.parameter(p, o, hintBase, ep, paginated !== undefined, notes);
    void pathParams;

    // Request body.
    const rbRaw = op["requestBody"];
    if (rbRaw !== undefined) {
      const rb = this.response(rbRaw);
      const content = this.contentOf(rb["content"]);
      if (content) {
        let type: string;
        if (/json/i.test(content.mediaType)) {
          type = this.bodyType(content.schema, o, hintBase, notes);
          if (!/^application\/json\b/i.test(content.mediaType)) notes.push(`request body: ${content.mediaType}`);
        }
        else if (/octet-stream|^image\/|^audio\/|^video\/|pdf|zip/i.test(content.mediaType)) {
          type = "bytes";
          if (!/octet-stream/i.test(content.mediaType)) notes.push(`request body: ${content.mediaType}`);
        } else if (/^text\//i.test(content.mediaType)) {
          type = "text";
          notes.push(`request body: ${content.mediaType}`);
        } else {
          type = this.bodyType(content.schema, o, hintBase, notes);
          notes.push(`request body: ${content.mediaType}`);
        }
        if (content.others.length) notes.push(`request body also as ${content.others.join(", ")}`);
        ep.body = rb["required"] === false ? `${type.replace(/\?$/, "")}?` : type;
        const desc = str(rb["description"]);
        if (desc && !isTrivialDescription(desc, 0)) notes.push(`request body: ${oneLine(desc)}`);
      }
    }

    // Flags and settings.
    if (op["deprecated"] === true) flags.push("deprecated");
    const summary = str(op["summary"]);
    const collection = !!paginated || responses.some((r) => /^2\d\d \S+\[\]\??$/.test(r));
    const { verb, words } = operationWords(METHOD, o.relative, collection);
    if (summary && oneLine(summary) !== summaryOf(verb, words)) settings.unshift(`summary ${quote(oneLine(summary))}`);
    if (opName) {
      const derived = operationIdOf(verb, words);
      const v = /(?:^|\/)(v\d+)(?=\/|$)/i.exec(o.base);
      const variants = [derived, v ? derived + v[1]!.charAt(0).toUpperCase() + v[1]!.slice(1) : ""];
      if (!variants.includes(opName) && !new RegExp(`^${derived}\\d+$`).test(opName)) notes.push(`operationId ${opName}`);
    }
    const tags = arr(op["tags"]).filter((t): t is string => typeof t === "string");
    const defaultTag = segmentsOf(o.relative).find((s) => s.literal !== undefined)?.literal ?? o.service.name;
    if (tags.length && !(tags.length === 1 && tags[0] === defaultTag)) settings.push(`tags ${tags.map((t) => (IDENT.test(t) ? t : quote(t))).join(", ")}`);
    const cache = this.cacheOf(op, METHOD);
    if (cache) settings.push(`cache ${cache}`);
    for (const key of ["callbacks", "links", "servers", "externalDocs"]) if (op[key] !== undefined) notes.push(`${key}: ${brief(op[key], 80)}`);
    for (const key of Object.keys(op)) if (key.startsWith("x-") && key !== "x-archwright-source" && key !== "x-archwright-rate-limit") notes.push(`${key}: ${brief(op[key], 80)}`);
    if (rateRaw && !rate) notes.push(`rate limit ${rateRaw}`);
    const description = str(op["description"]);
    if (description) ep.doc = description;

    api.out.endpoints.push(ep);
    const entry: ApiCtx["endpoints"][number] = { ep };
    if (auth !== undefined) entry.auth = auth;
    if (rate !== undefined) entry.rate = rate;
    api.endpoints.push(entry);
    const target = `${o.service.name}: ${METHOD} ${joinPaths(o.base, o.relative)}`;
    this.file.summary.add("operation", label, target, notes);
  }

  private typeText(r: TypeResult): string {
    return `${r.type}${r.array ? "[]" : ""}${r.nullable ? "?" : ""}`;
  }

  /** Constraints of a type used where only a type name can stand (bodies, responses, parameters). */
  private typeNotes(r: TypeResult, where: string, notes: string[]): void {
    const all = [...r.attributes.filter((a) => a !== "@readonly").map((a) => a.split(FIELD).join("value")), ...r.notes];
    if (all.length) notes.push(`${where}: ${all.join(", ")}`);
  }

  private bodyType(schema: unknown, o: OpInfo, hintBase: string, notes: string[]): string {
    const { verb, words } = operationWords(o.method.toUpperCase(), o.relative, false);
    const resource = toTypeName(words.join(" "));
    const hint = verb === "create" ? `New${resource}` : verb === "update" ? `${resource}Patch` : `${hintBase}Request`;
    const r = this.converter.convert(schema, hint);
    this.typeNotes(r, "request body", notes);
    return this.typeText(r);
  }

  private parameter(p: Obj, o: OpInfo, hintBase: string, ep: EndpointOut, paginated: boolean, notes: string[]): void {
    const name = str(p["name"])!;
    const where = str(p["in"])!;
    let schema = p["schema"];
    if (schema === undefined && isObj(p["content"])) schema = this.contentOf(p["content"])?.schema;
    const description = str(p["description"]);
    const pNotes: string[] = [];
    if (description) pNotes.push(oneLine(description));
    if (p["deprecated"] === true) pNotes.push("deprecated");
    if (p["style"] !== undefined || p["explode"] !== undefined) pNotes.push(`style ${String(p["style"] ?? "default")}${p["explode"] !== undefined ? `, explode ${String(p["explode"])}` : ""}`);
    const optional = p["required"] !== true;
    const note = (text: string) => notes.push(`${where} ${name}: ${text}`);
    const finish = () => {
      for (const n of pNotes) note(n);
    };
    if (where === "cookie") {
      const r = this.converter.convert(schema, `${hintBase}${toTypeName(name)}`);
      note(`a cookie parameter (${this.typeText(r)}${optional ? ", optional" : ""}): cookies cannot be written`);
      return finish();
    }
    const r = this.converter.convert(schema, `${hintBase}${toTypeName(name)}`);
    const constraints = [...r.attributes.filter((a) => a !== "@readonly").map((a) => a.split(FIELD).join(name)), ...r.notes];
    if (r.ann.hasDefault) constraints.push(`default ${brief(r.ann.default, 40)}`);
    const type = this.typeText({ ...r, nullable: false });
    if (where === "path") {
      if (!IDENT.test(name)) {
        if (type !== "text") note(`type ${type}: \`param\` needs a name made of letters, digits and _`);
      } else if (type !== "text") ep.settings.push(`param ${name} ${type}`);
      if (constraints.length) note(constraints.join(", "));
      return finish();
    }
    if (where === "query") {
      const lower = name.toLowerCase();
      if (paginated && (lower === "cursor" || lower === "limit")) {
        if (this.isGeneratorPageParam(p)) return;
        if (constraints.length || type !== (lower === "limit" ? "int" : "text")) note(`implied by \`paginated\` (${[type, ...constraints].join(", ")})`);
        return finish();
      }
      if (!IDENT.test(name)) {
        note(`${type}${optional ? ", optional" : ""}: a query name must be made of letters, digits and _`);
        return finish();
      }
      ep.settings.push(`query ${name} ${type}${optional ? "?" : ""}`);
      if (constraints.length) note(constraints.join(", "));
      return finish();
    }
    if (where === "header") {
      const lower = name.toLowerCase();
      if (lower === "idempotency-key") {
        if (!ep.flags.includes("idempotent")) ep.flags.push("idempotent");
        if (ep.method !== "POST" && ep.method !== "PATCH") ep.settings.push(`header ${name} ${type}${optional ? "?" : ""}`);
        if (description?.startsWith("A unique key for this request")) return;
        return finish();
      }
      if (IGNORED_HEADERS.has(lower)) {
        note(lower === "authorization" ? "described by `auth`" : "described by the media types");
        return finish();
      }
      if (!HEADER_NAME.test(name)) {
        note(`${type}: a header name must be made of letters, digits, _ and -`);
        return finish();
      }
      ep.settings.push(`header ${name} ${type}${optional ? "?" : ""}`);
      if (constraints.length) note(constraints.join(", "));
      return finish();
    }
    note(`a parameter in ${where} cannot be written`);
    finish();
  }

  private isGeneratorPageParam(p: Obj): boolean {
    const name = str(p["name"]);
    const d = str(p["description"]) ?? "";
    return (name === "cursor" && d.startsWith("The `next_cursor` of the previous page")) || (name === "limit" && d.startsWith("The largest number of items to return"));
  }

  private headerNotes(resp: Obj, code: number, method: string, notes: string[], settings: string[]): void {
    const headers = obj(resp["headers"]);
    for (const [name, raw] of Object.entries(headers)) {
      const h = this.response(raw);
      const lower = name.toLowerCase();
      if (code === 429 && ["retry-after", "ratelimit", "ratelimit-policy"].includes(lower)) continue;
      if (code === 202 && lower === "location") continue;
      if (lower === "cache-control" && (method === "GET" || method === "HEAD") && /max-age=\d+/.test(str(h["description"]) ?? "")) continue;
      void settings;
      notes.push(`${code} header ${name}${str(h["description"]) ? `: ${oneLine(str(h["description"])!)}` : ""}`);
    }
  }

  private hasNextHeader(resp: Obj): boolean {
    return Object.keys(obj(resp["headers"])).some((h) => /next|link/i.test(h));
  }

  private cacheOf(op: Obj, method: string): string | undefined {
    if (method !== "GET" && method !== "HEAD") return undefined;
    for (const [status, raw] of Object.entries(obj(op["responses"]))) {
      if (!/^2\d\d$/.test(status)) continue;
      const h = this.response(obj(this.response(raw)["headers"])["Cache-Control"]);
      const m = /max-age=(\d+)/.exec(str(h["description"]) ?? "");
      if (m) return `${m[1]}s`;
    }
    return undefined;
  }

  private isStatusResource(schema: unknown): boolean {
    const s = obj(schema);
    const ref = str(s["$ref"]) ?? str(obj(arr(s["allOf"])[0])["$ref"]);
    const name = ref ? componentName(ref, "schemas") : undefined;
    const c = name ? this.components.get(name) : undefined;
    if (c?.special !== "status") return false;
    c.consumed = true;
    return true;
  }

  private statusResult(schema: unknown): unknown {
    const parts = arr(obj(schema)["allOf"]);
    for (const p of parts) {
      const result = obj(obj(p)["properties"])["result"];
      if (result !== undefined) return result;
    }
    return undefined;
  }

  /** A page envelope: a list under `items`/`data`/… and a cursor or page field. */
  private pageOf(schema: unknown): { items: unknown; style: string; generator: boolean; extra: string[]; component?: Component } | undefined {
    const n = normalize(schema);
    const ref = str(n.s["$ref"]);
    const name = ref ? componentName(ref, "schemas") : undefined;
    const component = name ? this.components.get(name) : undefined;
    const merged = this.converter.merge(n.s, new Set());
    if (!merged.props.length) return undefined;
    const props = new Map(merged.props);
    const isArray = (v: unknown) => {
      let s = normalize(v).s;
      const r = str(s["$ref"]);
      if (r) s = normalize(this.resolveRef(r)).s;
      return s["type"] === "array" || (s["type"] === undefined && "items" in s);
    };
    const arrays = [...props.keys()].filter((k) => isArray(props.get(k)));
    const itemsKey = ITEM_KEYS.find((k) => arrays.includes(k)) ?? (arrays.length === 1 ? arrays[0] : undefined);
    if (!itemsKey) return undefined;
    const others = [...props.keys()].filter((k) => k !== itemsKey);
    const markers: string[] = [];
    for (const k of others) {
      const lower = k.toLowerCase();
      if (CURSOR_MARKERS.has(lower) || PAGE_MARKERS.has(lower)) markers.push(lower);
      else if (NESTED_PAGE_KEYS.has(lower)) {
        for (const [inner] of this.converter.merge(props.get(k), new Set()).props) {
          const l = inner.toLowerCase();
          if (CURSOR_MARKERS.has(l) || PAGE_MARKERS.has(l)) markers.push(l);
        }
      } else if (!ENVELOPE_EXTRA.has(lower)) return undefined; // a field of its own: a resource, not an envelope
    }
    if (!markers.length) return undefined;
    if (!ITEM_KEYS.includes(itemsKey) && !markers.some((m) => CURSOR_MARKERS.has(m))) return undefined;
    const style = markers.some((m) => CURSOR_MARKERS.has(m)) ? "cursor" : "page";
    let items = normalize(props.get(itemsKey)).s;
    const r = str(items["$ref"]);
    if (r) items = normalize(this.resolveRef(r)).s;
    const generator = itemsKey === "items" && others.length === 1 && others[0] === "next_cursor";
    const extra = generator ? [] : others.filter((k) => k !== "next_cursor");
    const out: { items: unknown; style: string; generator: boolean; extra: string[]; component?: Component } = { items: items["items"], style, generator, extra: itemsKey === "items" ? extra : [`${itemsKey} (the list)`, ...extra] };
    if (component) out.component = component;
    return out;
  }

  // ---- auth -----------------------------------------------------------------------------------

  private authOf(requirements: unknown[], notes: string[]): string {
    this.anySecurity = true;
    const alternatives = requirements.filter(isObj);
    if (alternatives.length === 0) return "none";
    const texts = alternatives.map((req) => {
      const keys = Object.keys(req);
      if (keys.length === 0) return "none";
      const parts = keys.map((k) => this.schemeAuth(k, arr(req[k]).filter((s): s is string => typeof s === "string")));
      if (parts.length > 1) notes.push(`also requires ${parts.slice(1).join(" and ")}`);
      return parts[0]!;
    });
    if (texts.length > 1) notes.push(`or authenticate with ${texts.slice(1).join(", or ")}`);
    return texts[0]!;
  }

  private schemeAuth(name: string, scopes: string[]): string {
    const scheme = this.response(obj(obj(this.doc["components"])["securitySchemes"])[name]);
    const type = str(scheme["type"]);
    const scopeText = scopes.map((s) => (SCOPE_WORD.test(s) ? s : quote(s))).join(" ");
    switch (type) {
      case "http":
        return (str(scheme["scheme"]) ?? "").toLowerCase() === "basic" ? "basic" : "jwt";
      case "apiKey":
        return "apikey";
      case "oauth2":
      case "openIdConnect":
        return scopeText ? `oauth2 ${scopeText}` : "oauth2";
      case "mutualTLS":
        return "mtls";
      default:
        this.problem(`security scheme \`${name}\` is not declared`);
        return "jwt";
    }
  }

  /** Security schemes: one summary item each, with what `auth` cannot say. */
  private securityNotes(): void {
    const schemes = obj(obj(this.doc["components"])["securitySchemes"]);
    for (const [name, raw] of Object.entries(schemes)) {
      const s = this.response(raw);
      const type = str(s["type"]);
      const notes: string[] = [];
      let auth = "jwt";
      switch (type) {
        case "http": {
          const scheme = (str(s["scheme"]) ?? "").toLowerCase();
          auth = scheme === "basic" ? "basic" : "jwt";
          if (scheme !== "basic" && scheme !== "bearer") notes.push(`HTTP ${scheme} authentication is read as a bearer token (jwt)`);
          else if (scheme === "bearer" && str(s["bearerFormat"]) && str(s["bearerFormat"])!.toUpperCase() !== "JWT") notes.push(`bearer format ${str(s["bearerFormat"])}`);
          break;
        }
        case "apiKey":
          auth = "apikey";
          if (!(s["in"] === "header" && str(s["name"])?.toLowerCase() === "x-api-key")) notes.push(`the API key is the ${str(s["in"]) === "query" ? "query parameter" : str(s["in"]) === "cookie" ? "cookie" : "header"} \`${str(s["name"]) ?? "?"}\``);
          break;
        case "oauth2": {
          auth = "oauth2";
          const flows = obj(s["flows"]);
          const placeholder = Object.keys(flows).length === 1 && str(obj(flows["authorizationCode"])["authorizationUrl"]) === "/oauth2/authorize" && str(obj(flows["authorizationCode"])["tokenUrl"]) === "/oauth2/token";
          if (!placeholder) {
            for (const [flow, f] of Object.entries(flows)) {
              const urls = ["authorizationUrl", "tokenUrl", "refreshUrl"].map((k) => str(obj(f)[k])).filter(Boolean);
              notes.push(`OAuth 2 ${flow} flow${urls.length ? `: ${urls.join(", ")}` : ""}`);
            }
          }
          const scopes: string[] = [];
          for (const f of Object.values(flows)) {
            for (const [scope, d] of Object.entries(obj(obj(f)["scopes"]))) {
              const text = typeof d === "string" && d && d !== `Scope \`${scope}\`.` ? `${scope} (${oneLine(d)})` : "";
              if (text && !scopes.includes(text)) scopes.push(text);
            }
          }
          if (scopes.length) notes.push(`scopes: ${scopes.join("; ")}`);
          break;
        }
        case "openIdConnect":
          auth = "oauth2";
          notes.push(`OpenID Connect: ${str(s["openIdConnectUrl"]) ?? "?"}`);
          break;
        case "mutualTLS":
          auth = "mtls";
          break;
        default:
          notes.push(`unknown scheme type ${type ?? "?"}`);
      }
      const description = str(s["description"]);
      if (description && !/^(A JSON Web Token in the Authorization header\.|OAuth 2\.0; the operations list the scopes they need\.|An API key in the X-API-Key header\.|HTTP Basic authentication\.|A client certificate \(mutual TLS\)\.)$/.test(description)) notes.push(oneLine(description));
      this.file.summary.add("security-scheme", `#/components/securitySchemes/${name}`, `auth ${auth}`, notes);
      for (const n of notes) this.serviceNotes.push(`security ${name}: ${n}`);
    }
  }

  /** The setting most endpoints share moves to the api block; the others keep their own. */
  private factorApiSettings(api: ApiCtx): void {
    const factor = (key: "auth" | "rate", keyword: string) => {
      const counts = new Map<string, number>();
      for (const e of api.endpoints) {
        const v = e[key];
        if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      let best: string | undefined;
      for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
      if (best === undefined) return;
      api.out.properties.push(`${keyword} ${best}`);
      for (const e of api.endpoints) {
        const v = e[key];
        if (v === best) continue;
        e.ep.settings.push(`${keyword} ${v ?? (keyword === "auth" ? "none" : "none")}`);
      }
    };
    factor("auth", "auth");
    factor("rate", "ratelimit");
    // `errors` after auth and ratelimit, as written by hand.
    const errors = api.out.properties.findIndex((p) => p.startsWith("errors "));
    if (errors >= 0) api.out.properties.push(...api.out.properties.splice(errors, 1));
  }

  private webhooks(): void {
    for (const [name, raw] of Object.entries(obj(this.doc["webhooks"]))) {
      for (const method of METHODS) {
        const op = obj(raw)[method];
        if (!isObj(op)) continue;
        const body = this.contentOf(this.response(op["requestBody"])["content"]);
        const r = body ? this.converter.convert(body.schema, `${toTypeName(name)}Webhook`) : undefined;
        const note = `webhook ${name}: ${method.toUpperCase()}${r ? ` with ${this.typeText(r)}` : ""} to the subscriber (outgoing calls cannot be written; consider an event)`;
        this.serviceNotes.push(note);
        this.file.summary.add("webhook", `webhook ${name} ${method.toUpperCase()}`, undefined, [note], true);
      }
    }
  }

  private documentNotes(): void {
    const s = this.mainService;
    const tagNotes: string[] = [];
    for (const t of arr(this.doc["tags"])) {
      const name = str(obj(t)["name"]);
      const d = str(obj(t)["description"]);
      if (name && d && d !== `Operations on ${name}.` && d !== `Operations tagged \`${name}\`.` && !/^The \w+ service\.$/.test(d)) tagNotes.push(`tag ${name}: ${oneLine(d)}`);
    }
    const external = obj(this.doc["externalDocs"]);
    if (str(external["url"])) this.serviceNotes.push(`external docs: ${str(external["url"])}`);
    const aggregate: string[] = [];
    if (this.converter.optionalNotNullable) aggregate.push(`${this.converter.optionalNotNullable} optional propert${this.converter.optionalNotNullable === 1 ? "y is" : "ies are"} not nullable in the source; \`?\` means both optional and nullable`);
    if (this.converter.requiredNullable) aggregate.push(`${this.converter.requiredNullable} required but nullable propert${this.converter.requiredNullable === 1 ? "y is" : "ies are"} optional here; \`?\` means both`);
    if (this.converter.examples) aggregate.push(`${this.converter.examples} example${this.converter.examples === 1 ? "" : "s"} not imported`);
    const other = ["responses", "parameters", "requestBodies", "headers", "examples", "links", "callbacks", "pathItems"].filter((k) => Object.keys(obj(obj(this.doc["components"])[k])).length > 0);
    void other;
    s.notes.push(...this.serviceNotes, ...tagNotes);
    for (const n of [...this.serviceNotes, ...tagNotes, ...aggregate]) this.file.summary.note(this.docItem, n);
    if (!this.anySecurity && this.apis.length) this.file.summary.note(this.docItem, "no security requirements: the endpoints state no `auth`");
    if (aggregate.length) s.trailingNotes.push(...aggregate);
  }
}

// ---- helpers --------------------------------------------------------------------------------------

/** The `$ref`s anywhere inside a JSON value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

function serviceNaming(title: string | undefined, source: string, wanted: string | undefined): { name: string; title?: string } {
  if (wanted) return { name: toTypeName(wanted) };
  if (title) {
    const generated = /^([A-Z][A-Za-z0-9]*) API(?:: (.+))?$/.exec(title);
    if (generated) return generated[2] ? { name: generated[1]!, title: generated[2] } : { name: generated[1]! };
    const first = title.split(/\s+[-–—|:]\s+|:\s+|\s+\(/)[0]!;
    const base = first.replace(/\b(REST(ful)?\s+)?APIs?\b|\bService\b|\bOpenAPI\b|\bSpec(ification)?\b/gi, " ").trim();
    const name = toTypeName(base || title);
    return name.toLowerCase() === title.replace(/[^A-Za-z0-9]/g, "").toLowerCase() ? { name } : { name, title };
  }
  const stem = source.replace(/^.*[\\/]/, "").replace(/\.(openapi|swagger)?\.?(ya?ml|json)$/i, "").replace(/\.(openapi|swagger)$/i, "");
  return { name: toTypeName(stem || "Api") };
}

function serverPrefix(servers: unknown[]): { path: string; notes: string[] } {
  const notes: string[] = [];
  const paths: string[] = [];
  for (const raw of servers) {
    const s = obj(raw);
    let url = str(s["url"]) ?? "/";
    const vars = obj(s["variables"]);
    url = url.replace(/\{([^{}]+)\}/g, (m, v: string) => str(obj(vars[v])["default"]) ?? m);
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url);
    const path = (m ? url.slice(m[0].length) : url).replace(/\/+$/, "");
    paths.push(path);
    const d = str(s["description"]);
    if (m || d) notes.push(`server ${str(s["url"])}${d ? ` (${oneLine(d)})` : ""}`);
  }
  const first = paths[0] ?? "";
  if (paths.some((p) => p !== first)) notes.push(`the servers have different base paths; the first one (${first || "/"}) is used`);
  return { path: first.startsWith("/") || first === "" ? first : `/${first}`, notes };
}

/** `/api/v1/orders/{id}` → base `/api/v1`, rest `/orders/{id}`. */
function splitBase(path: string): { base: string; rest: string } {
  const segs = path.split("/").filter(Boolean);
  let cut = 0;
  // A version segment among the first four (`/tenants/{tenant}/v1/…`) ends the base.
  const version = segs.slice(0, 4).findIndex((s) => VERSION.test(s));
  if (version >= 0) cut = version + 1;
  for (let i = 0; version < 0 && i < segs.length && i < 4; i++) {
    const s = segs[i]!;
    if (/[{}]/.test(s)) break;
    if (VERSION.test(s)) {
      cut = i + 1;
      break;
    }
    if (!API_WORDS.has(s.toLowerCase())) break;
    cut = i + 1;
  }
  if (cut === 0) return { base: "", rest: path.startsWith("/") ? path : `/${path}` };
  const base = "/" + segs.slice(0, cut).join("/");
  const rest = "/" + segs.slice(cut).join("/") + (path.endsWith("/") && cut < segs.length ? "/" : "");
  return { base, rest };
}

function joinPaths(base: string, path: string): string {
  if (!base) return path || "/";
  if (!path || path === "/") return base;
  return base.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`);
}

function derivedVersion(bases: string[]): string {
  let best: [number, number] | undefined;
  for (const b of new Set(bases)) {
    const m = /(?:^|\/)v(\d+)(?:\.(\d+))?(?=\/|$)/i.exec(b);
    if (!m) continue;
    const v: [number, number] = [Number(m[1]), Number(m[2] ?? 0)];
    if (!best || v[0] > best[0] || (v[0] === best[0] && v[1] > best[1])) best = v;
  }
  return best ? `${best[0]}.${best[1]}.0` : "0.0.0";
}

function statusOrder(status: string): number {
  if (status === "default") return 10000;
  const n = Number(status);
  if (Number.isFinite(n)) return n;
  const m = /^([1-5])XX$/i.exec(status);
  return m ? Number(m[1]) * 100 + 99.5 : 9999;
}

function isTrivialDescription(d: string, code: number): boolean {
  const t = d.trim();
  if (GENERATED_ERROR_DESCRIPTIONS.has(t)) return true;
  if (code && t === reasonPhrase(code)) return true;
  return TRIVIAL_DESCRIPTIONS.has(t.toLowerCase().replace(/[.!]$/, ""));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export { num };
