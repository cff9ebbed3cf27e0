// OpenAPI 3.1 from the semantic model: one document per service with an api
// (default), one service (`service`), or one document for the whole model
// (`whole`). Pure and deterministic: the same model gives the same bytes (keys
// in a fixed order, no dates, no absolute paths).
//
// Design decisions (see also schemas.ts for the type mapping):
// - Servers: when every api of the document has the same base (`/api/v1`),
//   `servers` holds that base as a relative URL and paths are relative to it.
//   With several bases (e.g. `/api` and `/internal/v1`) or a base with
//   parameters, `servers` is `/` and every path carries its full base.
// - Paths that OpenAPI rejects are rewritten with a warning: a query string
//   (`/search?q=x` → `/search` plus a `q` query parameter), a trailing slash,
//   an empty or repeated `{}` parameter name (`{param2}`). Two endpoints whose
//   paths differ only in parameter names share one path template (the first
//   one's names); the same method twice on it is reported and left out.
// - operationId: verb + resource from method and path (`listProducts`,
//   `createProduct`, `getProduct`, `updateProduct`, `replaceProduct`,
//   `deleteProduct`, `listCategoryProducts`, `cancelOrder` for
//   POST /orders/{id}/cancel), deduplicated with the api version (`…V2`),
//   in a whole-model document the service name, and finally a number.
// - Errors: RFC 9457 `application/problem+json`. Every error response refers
//   to a shared response in components.responses (`NotFound`, …) whose body
//   is the shared `Problem` schema, or the api's `errors` type (then named
//   `<Type>NotFound`; plain `application/json` unless the type looks like a
//   problem: named Problem, or with `title` and `status` fields). An error
//   status written with its own type (`409 Conflict`) is inlined. Implied:
//   401 and 403 when the operation's auth is not `none`, 429 (Retry-After,
//   RateLimit-Policy, RateLimit headers) when it has a rate limit, 400 for
//   paginated operations (a bad cursor or limit), and `default` (unexpected
//   error, any 5xx) on every operation.
// - Pagination: `cursor` and `limit` (default 20, maximum 100) query
//   parameters and a `<Item>Page` envelope (`items`, `next_cursor`).
// - `idempotent` POST/PATCH: a required `Idempotency-Key` header.
// - `async`: the 2xx responses become one 202 with a `Location` header and
//   an `OperationStatus` body (its `result` typed by the listed 2xx type),
//   unless the model lists `202 Type` itself.
// - Security schemes from `auth` (endpoint, else api, else service):
//   jwt → `bearerAuth` (http bearer, JWT), oauth2 → `oauth2`
//   (authorizationCode with every scope used; the model has no flow URLs, so
//   `/oauth2/authorize` and `/oauth2/token` stand in, with a warning),
//   apikey → `apiKeyAuth` (header `X-API-Key`), basic → `basicAuth`,
//   mtls → `mutualTLS`. Every operation states its `security`; `auth none`
//   or no auth at all is `security: []`.
// - Tags: per-service documents tag operations by resource (the first path
//   segment under the base); the whole-model document by service. An
//   endpoint's `tags a, b` replaces the default.
// - `info.title` is `<Service> API` (whole model: `<System> API`) followed by
//   the title string, if any: `Catalog API: Product catalog`; the `///` doc
//   comments of the service (or system) and its apis are the description.
// - `info.version` is the highest major (and minor) version in the api bases
//   (`/api/v1` → `1.0.0`), `0.0.0` when no base carries a version.
// - `x-archwright-source: "<file>:<line>"` on operations and on the schemas
//   of declarations; `x-archwright-rate-limit` on rate-limited operations;
//   `x-archwright-published-to` on events.

import { compareDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic";
import type {
  ApiInfo,
  AuthScheme,
  EndpointInfo,
  EnumInfo,
  Model,
  ResolvedType,
  SchemaInfo,
  ServiceInfo,
  SystemInfo,
} from "../../semantic/model";
import type { ArchFile, Property, Span } from "../../syntax/ast";
import { LineIndex } from "../../text/line-index";
import { closest, kebabCase, pascalCase, snakeCase } from "../../util/names";
import type { GeneratedFile, GeneratorResult } from "../types";
import type { Json, JsonObject } from "./json";
import { operationIdOf, operationWords, reasonName, reasonPhrase, segmentsOf, singularize, summaryOf, uniqueName } from "./naming";
import { elementSchema, enumSchema, objectSchema, secretFields, typeSchema, type SchemaContext } from "./schemas";
import { toYaml } from "./yaml-text";

export interface OpenApiOptions {
  /** Only this service's document (by name). Wins over `whole`. */
  service?: string;
  /** One document for the whole model instead of one per service. */
  whole?: boolean;
}

export const PAGE_LIMIT_DEFAULT = 20;
export const PAGE_LIMIT_MAX = 100;
export const OAUTH2_AUTHORIZATION_URL = "/oauth2/authorize";
export const OAUTH2_TOKEN_URL = "/oauth2/token";
export const API_KEY_HEADER = "X-API-Key";

export function generateOpenApi(model: Model, options: OpenApiOptions = {}): GeneratorResult {
  const sink = new DiagnosticSink();
  const files: GeneratedFile[] = [];
  const fileNames = new Set<string>();
  const emit = (base: string, scope: ServiceInfo | undefined) => {
    const doc = new DocumentBuilder(model, scope, sink).build();
    files.push({ path: `${uniqueName(base || "api", fileNames)}.openapi.yaml`, text: toYaml(doc) });
  };

  if (options.service !== undefined) {
    const service = model.services.find((s) => s.symbol.name === options.service);
    if (!service) {
      const s = closest(options.service, model.services.map((x) => x.symbol.name));
      sink.add({ uri: "", start: 0, end: 0, severity: "error", code: "openapi/unknown-service", message: `No service is called \`${options.service}\`.${s ? ` Did you mean \`${s}\`?` : ""}` });
    } else if (service.apis.length === 0) {
      sink.add({ uri: service.uri, start: service.decl.name.start, end: service.decl.name.end, severity: "warning", code: "openapi/no-api", message: `Service ${service.symbol.name} has no api; there is no OpenAPI document to generate.` });
    } else emit(kebabCase(service.symbol.name), service);
  } else if (options.whole) {
    const system = model.systems.length === 1 ? model.systems[0] : undefined;
    emit(system ? kebabCase(system.symbol.name) : "model", undefined);
  } else {
    for (const service of model.services) if (service.apis.length > 0) emit(kebabCase(service.symbol.name), service);
  }
  return { files, diagnostics: [...sink.list].sort(compareDiagnostics) };
}

class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  add(d: Diagnostic): void {
    const key = `${d.uri}\u0000${d.start}\u0000${d.end}\u0000${d.code}\u0000${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(d);
  }
  warn(uri: string, span: Span, code: string, message: string): void {
    this.add({ uri, start: span.start, end: span.end, severity: "warning", code, message });
  }
}

const lineIndexes = new WeakMap<ArchFile, LineIndex>();
function lineOf(model: Model, uri: string, offset: number): number {
  const file = model.files.get(uri);
  if (!file) return 0;
  let index = lineIndexes.get(file);
  if (!index) {
    index = new LineIndex(file.text);
    lineIndexes.set(file, index);
  }
  return index.lineOf(offset) + 1;
}

function basename(uri: string): string {
  const name = uri.slice(uri.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch"]);
const NO_BODY_STATUSES = new Set([204, 205, 304]);
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request: the request is malformed or fails validation.",
  401: "Unauthorized: credentials are missing or invalid.",
  403: "Forbidden: the credentials do not allow this operation.",
  404: "Not Found: the resource does not exist.",
  409: "Conflict: the request conflicts with the current state of the resource.",
  410: "Gone: the resource no longer exists.",
  412: "Precondition Failed: the resource has changed.",
  422: "Unprocessable Content: the request is well-formed but cannot be processed.",
  429: "Too Many Requests: the rate limit is exhausted; retry after the time given in Retry-After.",
  503: "Service Unavailable: retry later.",
};

interface Auth {
  scheme: AuthScheme;
  scopes: string[];
  uri: string;
  span: Span;
}

interface RateLimit {
  text: string;
}

type Named = SchemaInfo | EnumInfo;

class DocumentBuilder implements SchemaContext {
  private readonly names = new Map<Named, string>();
  private readonly usedSchemaNames = new Set<string>();
  private readonly userSchemas: Named[] = [];
  /** Events no operation refers to, described under `x-archwright-events`. */
  private asyncEvents: SchemaInfo[] = [];
  private readonly generatedSchemas = new Map<string, JsonObject>();
  private readonly responses = new Map<string, { order: number; value: JsonObject }>();
  private readonly parameters = new Map<string, JsonObject>();
  private readonly securitySchemes = new Map<string, JsonObject>();
  private readonly oauthScopes = new Set<string>();
  private readonly tags = new Map<string, string>();
  private readonly operationIds = new Set<string>();
  private readonly paths = new Map<string, { template: string; names: string[]; item: JsonObject }>();
  private readonly pages = new Map<string, string>();
  private readonly apis: ApiInfo[];
  private readonly fileOrder: Map<string, number>;
  private problemName?: string;
  private operationStatusName?: string;
  private prefixed = false;

  constructor(
    private readonly model: Model,
    private readonly service: ServiceInfo | undefined,
    private readonly sink: DiagnosticSink,
  ) {
    this.apis = service ? service.apis : model.apis;
    this.fileOrder = new Map([...model.files.keys()].map((uri, i) => [uri, i]));
  }

  // ---- SchemaContext ----------------------------------------------------------

  refOf(info: Named): string {
    return `#/components/schemas/${this.nameOf(info)}`;
  }

  warn(uri: string, span: Span, code: string, message: string): void {
    this.sink.warn(uri, span, code, message);
  }

  sourceOf(uri: string, offset: number): string {
    return `${basename(uri)}:${lineOf(this.model, uri, offset)}`;
  }

  private nameOf(info: Named): string {
    let name = this.names.get(info);
    if (name === undefined) {
      // Not collected up front (should not happen): name and emit it anyway.
      name = uniqueName(info.symbol.name || "Schema", this.usedSchemaNames);
      this.names.set(info, name);
      this.userSchemas.push(info);
    }
    return name;
  }

  // ---- document -----------------------------------------------------------------

  build(): JsonObject {
    this.collectSchemas();
    const servers = this.servers();
    for (const api of this.apis) for (const ep of api.endpoints) this.addEndpoint(ep);

    const doc: JsonObject = { openapi: "3.1.0", info: this.info(), servers };
    if (this.tags.size) doc["tags"] = [...this.tags].map(([name, description]) => ({ name, description }));
    const paths: JsonObject = {};
    for (const p of this.paths.values()) paths[p.template] = p.item;
    doc["paths"] = paths;

    const components: JsonObject = {};
    const schemas: JsonObject = {};
    // Declarations first (objectSchema may register generated schemas only through refs, never new user ones).
    const declared: [string, JsonObject][] = [];
    for (let i = 0; i < this.userSchemas.length; i++) {
      const info = this.userSchemas[i]!;
      declared.push([this.nameOf(info), "fields" in info ? objectSchema(info, this, this.eventExtensions(info)) : enumSchema(info, this)]);
    }
    for (const [name, schema] of declared) schemas[name] = schema;
    // Generated schemas after the declared ones: page envelopes, then the async status resource, then Problem.
    const rank = (name: string) => (name === this.problemName ? 2 : name === this.operationStatusName ? 1 : 0);
    const generated = [...this.generatedSchemas].map((e, i) => ({ e, i })).sort((a, b) => rank(a.e[0]) - rank(b.e[0]) || a.i - b.i);
    for (const { e } of generated) schemas[e[0]] = e[1];
    if (Object.keys(schemas).length) components["schemas"] = schemas;
    if (this.responses.size) {
      const sorted = [...this.responses].sort((a, b) => a[1].order - b[1].order || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const responses: JsonObject = {};
      for (const [name, r] of sorted) responses[name] = r.value;
      components["responses"] = responses;
    }
    if (this.parameters.size) components["parameters"] = Object.fromEntries(this.parameters);
    if (this.securitySchemes.size) {
      const oauth = this.securitySchemes.get("oauth2");
      if (oauth) {
        const scopes: JsonObject = {};
        for (const s of [...this.oauthScopes].sort()) scopes[s] = `Scope \`${s}\`.`;
        const flows = oauth["flows"] as JsonObject;
        (flows["authorizationCode"] as JsonObject)["scopes"] = scopes;
      }
      components["securitySchemes"] = Object.fromEntries(this.securitySchemes);
    }
    if (Object.keys(components).length) doc["components"] = components;
    if (this.asyncEvents.length) {
      const events: JsonObject = {};
      for (const e of this.asyncEvents) events[e.symbol.name] = objectSchema(e, this, this.eventExtensions(e));
      doc["x-archwright-events"] = events;
    }
    return doc;
  }

  private eventExtensions(info: SchemaInfo): JsonObject {
    if (info.kind !== "event") return {};
    const queues: string[] = [];
    for (const m of this.model.messages) {
      if (m.event !== info || m.decl.kind !== "Publishes") continue;
      const q = m.queue?.symbol.name ?? m.decl.queue.text;
      if (q && !queues.includes(q)) queues.push(q);
    }
    return queues.length ? { "x-archwright-published-to": queues } : {};
  }

  /** Every schema and enum the document needs, in source order, with unique component names. */
  private collectSchemas(): void {
    const seen = new Set<Named>();
    const list: Named[] = [];
    const add = (info: Named) => {
      if (seen.has(info)) return;
      seen.add(info);
      list.push(info);
      if ("fields" in info) for (const f of info.fields) addType(f.type);
    };
    const addType = (t: ResolvedType | undefined) => {
      if (t?.schema) add(t.schema);
      if (t?.enum) add(t.enum);
    };
    // Events that no operation uses are described under `x-archwright-events`, not in
    // components: a component nothing refers to is an unused component to OpenAPI tools.
    const events: SchemaInfo[] = [];
    const declare = (s: SchemaInfo) => {
      if (s.kind !== "event") return add(s);
      events.push(s);
      for (const f of s.fields) addType(f.type);
    };
    if (this.service) {
      for (const e of this.service.enums) add(e);
      for (const s of [...this.service.entities, ...this.service.types, ...this.service.events]) declare(s);
    } else {
      for (const e of this.model.enums) add(e);
      for (const s of this.model.schemas) declare(s);
    }
    for (const api of this.apis) {
      addType(api.errors);
      for (const ep of api.endpoints) {
        addType(ep.body);
        for (const r of ep.responses) addType(r.type);
        for (const p of ep.parameters) addType(p.type);
      }
    }
    this.asyncEvents = events.filter((e) => !seen.has(e));
    list.sort((a, b) => (this.fileOrder.get(a.uri) ?? 0) - (this.fileOrder.get(b.uri) ?? 0) || a.decl.start - b.decl.start);
    const count = new Map<string, number>();
    for (const info of list) count.set(info.symbol.name, (count.get(info.symbol.name) ?? 0) + 1);
    for (const info of list) {
      let base = info.symbol.name || "Schema";
      if ((count.get(info.symbol.name) ?? 0) > 1) {
        const owner = info.service?.symbol.name ?? info.system?.symbol.name ?? "Shared";
        base = `${pascalCase(owner)}${base}`;
      }
      this.names.set(info, uniqueName(base, this.usedSchemaNames));
      this.userSchemas.push(info);
    }
  }

  private info(): JsonObject {
    const info: JsonObject = {};
    const system: SystemInfo | undefined = this.service ? this.service.system : this.model.systems.length === 1 ? this.model.systems[0] : undefined;
    let title: string;
    let subtitle: string | undefined;
    const description: string[] = [];
    if (this.service) {
      title = `${this.service.symbol.name} API`;
      subtitle = this.service.decl.title?.value;
      const doc = this.service.decl.doc?.text ?? stringProperty(this.service.properties, "description");
      if (doc) description.push(doc);
    } else {
      // No system: name the services with apis.
      const systems = this.model.systems.map((s) => s.symbol.name);
      const names = systems.length ? systems : this.model.services.filter((s) => s.apis.length).map((s) => s.symbol.name);
      title = names.length ? `${names.join(", ")} API` : "API";
      if (system) {
        subtitle = system.decl.title?.value;
        const doc = system.decl.doc?.text ?? stringProperty(system.properties, "description");
        if (doc) description.push(doc);
      }
    }
    // An api's own documentation belongs to the service's document (in the whole-model one it would lose its context).
    if (this.service) {
      for (const api of this.apis) {
        const doc = api.decl.doc?.text ?? stringProperty(api.decl.properties, "description");
        if (doc) description.push(this.apis.length > 1 && api.base ? `\`${api.base}\`: ${doc}` : doc);
      }
    }
    info["title"] = subtitle ? `${title}: ${subtitle}` : title;
    if (description.length) info["description"] = description.join("\n\n");
    info["version"] = this.version();
    const owner = (this.service && stringProperty(this.service.properties, "owner")) ?? (system && stringProperty(system.properties, "owner"));
    if (owner) info["contact"] = { name: owner };
    // `license "MIT"` (an SPDX id) on the service or system; without one the API is proprietary,
    // which is what an undeclared license means, said explicitly as an SPDX LicenseRef.
    const license = (this.service && stringProperty(this.service.properties, "license")) ?? (system && stringProperty(system.properties, "license"));
    info["license"] = license ? { name: license, identifier: license } : { name: "Proprietary", identifier: "LicenseRef-Proprietary" };
    return info;
  }

  private version(): string {
    let best: [number, number] | undefined;
    for (const api of this.apis) {
      const m = /(?:^|\/)v(\d+)(?:\.(\d+))?(?=\/|$)/i.exec(api.base);
      if (!m) continue;
      const v: [number, number] = [Number(m[1]), Number(m[2] ?? 0)];
      if (!best || v[0] > best[0] || (v[0] === best[0] && v[1] > best[1])) best = v;
    }
    return best ? `${best[0]}.${best[1]}.0` : "0.0.0";
  }

  private servers(): Json[] {
    const bases = [...new Set(this.apis.map((a) => normalizeBase(a.base)))];
    if (bases.length === 1 && !bases[0]!.includes("{")) {
      this.prefixed = false;
      return [{ url: bases[0] || "/" }];
    }
    this.prefixed = bases.length > 0;
    return [{ url: "/" }];
  }

  // ---- operations -----------------------------------------------------------------

  private addEndpoint(ep: EndpointInfo): void {
    const method = ep.method.toLowerCase();
    if (!HTTP_METHODS.has(method)) return;
    const span: Span = { start: ep.decl.start, end: ep.decl.lineEnd };
    const written = ep.decl.path.text;
    if (ep.decl.path.missing || !written) return;

    // The path OpenAPI will see.
    let raw = this.prefixed ? joinBase(normalizeBase(ep.api.base), written) : written;
    if (!raw.startsWith("/")) raw = "/" + raw;
    const queryFromPath: string[] = [];
    const q = raw.indexOf("?");
    if (q >= 0) {
      for (const part of raw.slice(q + 1).split("&")) {
        const name = decodeSafe(part.split("=")[0] ?? "");
        if (name && !queryFromPath.includes(name)) queryFromPath.push(name);
      }
      raw = raw.slice(0, q) || "/";
      this.warn(ep.uri, ep.decl.path, "openapi/path-rewritten", `OpenAPI paths cannot carry a query string; \`${written}\` is generated as \`${raw}\`${queryFromPath.length ? ` with the query parameter${queryFromPath.length > 1 ? "s" : ""} ${queryFromPath.map((n) => `\`${n}\``).join(", ")}` : ""}.`);
    }
    if (raw.length > 1 && raw.endsWith("/")) {
      raw = raw.replace(/\/+$/, "") || "/";
      this.warn(ep.uri, ep.decl.path, "openapi/path-rewritten", `OpenAPI paths do not end with a slash; \`${written}\` is generated as \`${raw}\`.`);
    }
    const originalNames: string[] = [];
    const finalNames: string[] = [];
    let index = 0;
    raw = raw.replace(/\{([^{}]*)\}/g, (_m, name: string) => {
      index++;
      originalNames.push(name);
      let final = /^[A-Za-z0-9_.-]+$/.test(name) ? name : "";
      if (!final) {
        final = uniqueIn(`param${index}`, finalNames);
        this.warn(ep.uri, ep.decl.path, "openapi/path-rewritten", `Path parameter ${index} of \`${written}\` has no usable name; it is generated as \`{${final}}\`.`);
      } else if (finalNames.includes(final)) {
        const renamed = uniqueIn(final, finalNames);
        this.warn(ep.uri, ep.decl.path, "openapi/path-rewritten", `Path parameter \`${final}\` appears twice in \`${written}\`; the second is generated as \`{${renamed}}\`.`);
        final = renamed;
      }
      finalNames.push(final);
      return `{${final}}`;
    });

    // Paths that differ only in parameter names are one path in OpenAPI.
    const key = raw.replace(/\{[^{}]*\}/g, "{}");
    let entry = this.paths.get(key);
    if (!entry) {
      entry = { template: raw, names: finalNames, item: {} };
      this.paths.set(key, entry);
    } else if (entry.item[method] !== undefined) {
      this.warn(ep.uri, span, "openapi/duplicate-operation", `\`${ep.method} ${written}\` is the same operation as an earlier \`${ep.method} ${entry.template}\`; OpenAPI holds one, so this endpoint is left out.`);
      return;
    }
    const names = entry.names; // positional: this endpoint's parameters take the template's names
    const nameFor = new Map<string, string>();
    originalNames.forEach((n, i) => {
      if (n && !nameFor.has(n)) nameFor.set(n, names[i] ?? finalNames[i]!);
    });

    const relative = stripQuery(written);
    const firstSuccess = ep.responses.find((r) => r.status >= 200 && r.status < 300 && r.type);
    const collection = ep.flags.has("paginated") || !!firstSuccess?.type?.array;
    const { verb, words } = operationWords(ep.method, relative, collection);
    const op: JsonObject = {};
    op["operationId"] = this.operationId(operationIdOf(verb, words), ep);
    op["summary"] = ep.summary ?? summaryOf(verb, words);
    const description = joinText(ep.decl.doc?.text, stringProperty(ep.decl.properties, "description"));
    if (description) op["description"] = description;
    op["tags"] = this.tagsOf(ep, relative);
    if (ep.flags.has("deprecated")) op["deprecated"] = true;

    const auth = this.authOf(ep);
    op["security"] = auth && auth.scheme !== "none" ? [this.securityRequirement(auth)] : [];

    const parameters = this.parametersOf(ep, raw, names, originalNames, nameFor, queryFromPath);
    if (parameters.length) op["parameters"] = parameters;
    const body = this.requestBody(ep);
    if (body) op["requestBody"] = body;
    op["responses"] = this.responsesOf(ep, auth);
    const rate = this.rateLimitOf(ep);
    if (rate) op["x-archwright-rate-limit"] = rate.text;
    op["x-archwright-source"] = this.sourceOf(ep.uri, ep.decl.start);
    entry.item[method] = op;
  }

  private operationId(base: string, ep: EndpointInfo): string {
    const candidates = [base];
    const v = /(?:^|\/)(v\d+)(?=\/|$)/i.exec(ep.api.base);
    if (v) candidates.push(base + pascalCase(v[1]!));
    if (!this.service) candidates.push(`${camel(ep.service.symbol.name)}${base.charAt(0).toUpperCase()}${base.slice(1)}`);
    for (const c of candidates) {
      if (!this.operationIds.has(c)) {
        this.operationIds.add(c);
        return c;
      }
    }
    return uniqueName(base, this.operationIds);
  }

  private tagsOf(ep: EndpointInfo, relative: string): string[] {
    const explicit = ep.decl.properties.find((p) => p.key.text === "tags");
    if (explicit && explicit.values.length) {
      const out: string[] = [];
      for (const v of explicit.values) {
        const name = v.text.replace(/,$/, "");
        if (!name || out.includes(name)) continue;
        out.push(name);
        if (!this.tags.has(name)) this.tags.set(name, `Operations tagged \`${name}\`.`);
      }
      if (out.length) return out;
    }
    const service = ep.service;
    if (!this.service) {
      const name = service.symbol.name;
      if (!this.tags.has(name)) this.tags.set(name, service.decl.doc?.text ?? service.decl.title?.value ?? `The ${name} service.`);
      return [name];
    }
    const first = segmentsOf(relative).find((s) => s.literal !== undefined)?.literal;
    const name = first ?? service.symbol.name;
    if (!this.tags.has(name)) this.tags.set(name, first ? `Operations on ${first}.` : service.decl.doc?.text ?? `The ${name} service.`);
    return [name];
  }

  // ---- auth and rate limits -------------------------------------------------------

  private authOf(ep: EndpointInfo): Auth | undefined {
    if (ep.auth) return { scheme: ep.auth.scheme, scopes: ep.auth.scopes, uri: ep.uri, span: ep.auth.property };
    const p = ep.service.properties.find((x) => x.key.text === "auth");
    const first = p?.values[0];
    if (!p || !first || first.valueKind !== "word") return undefined;
    const scheme = first.text as AuthScheme;
    if (!["none", "jwt", "oauth2", "apikey", "basic", "mtls"].includes(scheme)) return undefined;
    return { scheme, scopes: p.values.slice(1).map((v) => v.text), uri: ep.service.uri, span: p };
  }

  private rateLimitOf(ep: EndpointInfo): RateLimit | undefined {
    if (ep.rateLimit) return ep.rateLimit.none ? undefined : { text: ep.rateLimit.per ? `${ep.rateLimit.text} per ${ep.rateLimit.per}` : ep.rateLimit.text };
    const p = ep.service.properties.find((x) => x.key.text === "ratelimit");
    const first = p?.values[0];
    if (!p || !first || first.valueKind !== "rate") return undefined;
    return { text: p.values.map((v) => v.text).join(" ") };
  }

  private securityRequirement(auth: Auth): JsonObject {
    switch (auth.scheme) {
      case "jwt":
        this.securitySchemes.set("bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A JSON Web Token in the Authorization header." });
        return { bearerAuth: [] };
      case "oauth2":
        if (!this.securitySchemes.has("oauth2")) {
          this.securitySchemes.set("oauth2", {
            type: "oauth2",
            description: "OAuth 2.0; the operations list the scopes they need.",
            flows: { authorizationCode: { authorizationUrl: OAUTH2_AUTHORIZATION_URL, tokenUrl: OAUTH2_TOKEN_URL, scopes: {} } },
          });
          this.warn(auth.uri, auth.span, "openapi/unexpressed", `The model does not say where OAuth 2.0 tokens come from; the OpenAPI document uses ${OAUTH2_AUTHORIZATION_URL} and ${OAUTH2_TOKEN_URL} (authorization code flow) as placeholders.`);
        }
        for (const s of auth.scopes) this.oauthScopes.add(s);
        return { oauth2: [...auth.scopes] };
      case "apikey":
        this.securitySchemes.set("apiKeyAuth", { type: "apiKey", in: "header", name: API_KEY_HEADER, description: `An API key in the ${API_KEY_HEADER} header.` });
        return { apiKeyAuth: [] };
      case "basic":
        this.securitySchemes.set("basicAuth", { type: "http", scheme: "basic", description: "HTTP Basic authentication." });
        return { basicAuth: [] };
      case "mtls":
        this.securitySchemes.set("mutualTLS", { type: "mutualTLS", description: "A client certificate (mutual TLS)." });
        return { mutualTLS: [] };
      default:
        return {};
    }
  }

  // ---- parameters and bodies ------------------------------------------------------

  private parametersOf(ep: EndpointInfo, path: string, names: string[], originalNames: string[], nameFor: Map<string, string>, queryFromPath: string[]): Json[] {
    const out: Json[] = [];
    const seen = new Set<string>();
    const push = (location: string, name: string, p: Json) => {
      const key = `${location}:${location === "header" ? name.toLowerCase() : name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      out.push(p);
      return true;
    };
    const declared = ep.parameters;
    // Path parameters, in path order.
    names.forEach((name, i) => {
      const original = originalNames[i] ?? "";
      const decl = declared.find((p) => p.location === "path" && p.name === original && original !== "");
      const schema = decl ? typeSchema(decl.type, this, false) : this.inferPathParam(ep, path, original, i);
      push("path", name, { name, in: "path", required: true, schema });
    });
    for (const p of declared) {
      if (p.location === "path" && !nameFor.has(p.name)) {
        this.warn(ep.uri, p.decl ?? ep.decl.path, "openapi/unexpressed", `\`param ${p.name}\` is not a parameter of the path \`${ep.path}\`; OpenAPI cannot declare it.`);
      }
    }
    for (const p of declared) {
      if (p.location === "path") continue;
      if (p.location === "header" && IGNORED_HEADERS.has(p.name.toLowerCase())) {
        this.warn(ep.uri, p.decl ?? ep.decl.path, "openapi/unexpressed", `OpenAPI ignores a header parameter named \`${p.name}\`; ${p.name.toLowerCase() === "authorization" ? "use `auth`" : "it is described by the media types"} instead.`);
        continue;
      }
      const param: JsonObject = { name: p.name, in: p.location };
      if (!p.type?.optional) param["required"] = true;
      param["schema"] = typeSchema(p.type, this, false);
      if (!push(p.location, p.name, param) && p.decl) this.warn(ep.uri, p.decl, "openapi/duplicate-parameter", `\`${p.location} ${p.name}\` is declared twice; the first one is used.`);
    }
    if (ep.flags.has("paginated")) {
      if (!seen.has("query:cursor")) push("query", "cursor", { $ref: this.sharedParameter("Cursor") });
      if (!seen.has("query:limit")) push("query", "limit", { $ref: this.sharedParameter("Limit") });
    }
    for (const name of queryFromPath) push("query", name, { name, in: "query", schema: { type: "string" } });
    if (ep.flags.has("idempotent") && (ep.method === "POST" || ep.method === "PATCH") && !seen.has("header:idempotency-key")) {
      push("header", "Idempotency-Key", { $ref: this.sharedParameter("IdempotencyKey") });
    }
    return out;
  }

  private sharedParameter(name: "Cursor" | "Limit" | "IdempotencyKey"): string {
    if (!this.parameters.has(name)) {
      const value: JsonObject =
        name === "Cursor"
          ? { name: "cursor", in: "query", description: "The `next_cursor` of the previous page; leave it out for the first page.", schema: { type: "string" } }
          : name === "Limit"
            ? { name: "limit", in: "query", description: "The largest number of items to return.", schema: { type: "integer", format: "int32", minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT } }
            : {
                name: "Idempotency-Key",
                in: "header",
                required: true,
                description: "A unique key for this request (e.g. a UUID). Retrying with the same key returns the first outcome instead of repeating the effect.",
                schema: { type: "string", minLength: 1, maxLength: 255 },
              };
      this.parameters.set(name, value);
    }
    return `#/components/parameters/${name}`;
  }

  /** A path parameter without `param`: the id type of the entity it names, else a string. */
  private inferPathParam(ep: EndpointInfo, path: string, name: string, index: number): JsonObject {
    const segs = segmentsOf(path);
    const paramIndexes = segs.map((s, i) => (s.param !== undefined ? i : -1)).filter((i) => i >= 0);
    const at = paramIndexes[index];
    const before = at !== undefined && at > 0 ? segs[at - 1]?.literal : undefined;
    const isLast = at !== undefined && at === segs.length - 1;
    let entity: SchemaInfo | undefined;
    const m = /^(.+?)[_-]?(?:id|Id|ID)$/.exec(name);
    if (m && m[1]) entity = this.entityNamed(m[1]);
    if (!entity && before) entity = this.entityNamed(before);
    if (!entity && isLast) {
      const t = ep.responses.find((r) => r.status >= 200 && r.status < 300 && r.type?.schema?.kind === "entity" && !r.type.array)?.type?.schema;
      if (t) entity = t;
    }
    const idField = entity && (entity.fields.filter((f) => f.decl.attributes.some((a) => !a.table && a.name.text === "id")).length === 1 ? entity.fields.find((f) => f.decl.attributes.some((a) => !a.table && a.name.text === "id")) : entity.fields.find((f) => f.decl.name.text === "id"));
    if (idField && !idField.type.array) return elementSchema(idField.type, this);
    return { type: "string" };
  }

  /** Entities by table name and by snake-case name, built once (path parameters ask for every endpoint). */
  private entityIndex: Map<string, SchemaInfo[]> | undefined;

  private entityNamed(word: string): SchemaInfo | undefined {
    const snake = snakeCase(word);
    const parts = snake.split("_");
    parts[parts.length - 1] = singularize(parts[parts.length - 1]!);
    const singular = parts.join("_");
    if (!this.entityIndex) {
      this.entityIndex = new Map();
      for (const e of this.model.schemas) {
        if (e.kind !== "entity") continue;
        for (const key of new Set([e.tableName, snakeCase(e.symbol.name)])) {
          const list = this.entityIndex.get(key);
          if (list) list.push(e);
          else this.entityIndex.set(key, [e]);
        }
      }
    }
    const candidates = [...new Set([...(this.entityIndex.get(snake) ?? []), ...(this.entityIndex.get(singular) ?? [])])];
    // The service's own entity first, then the first declared anywhere (model order).
    const own = this.service ? candidates.find((e) => e.service === this.service) : undefined;
    if (own) return own;
    let first: SchemaInfo | undefined;
    for (const e of candidates) if (!first || this.model.schemas.indexOf(e) < this.model.schemas.indexOf(first)) first = e;
    return first;
  }

  private requestBody(ep: EndpointInfo): JsonObject | undefined {
    const t = ep.body;
    if (!t) return undefined;
    if (t.schema) {
      const secrets = secretFields(t.schema);
      if (secrets.length && ep.decl.body) {
        this.warn(ep.uri, ep.decl.body, "openapi/unexpressed", `Entity \`${t.schema.symbol.name}\` as a request body is its public shape, without its @secret field${secrets.length > 1 ? "s" : ""} ${secrets.map((f) => `\`${f.decl.name.text}\``).join(", ")}; declare a \`type\` for the request.`);
      }
    }
    const content: JsonObject = t.builtin === "bytes" && !t.array ? { "application/octet-stream": {} } : { "application/json": { schema: typeSchema(t, this, false) } };
    return { required: !t.optional, content };
  }

  // ---- responses -------------------------------------------------------------------

  private responsesOf(ep: EndpointInfo, auth: Auth | undefined): JsonObject {
    const out = new Map<string, Json>();
    const listed = new Set<number>();
    const seenStatus = new Set<number>();
    const responses = ep.responses.filter((r) => {
      if (seenStatus.has(r.status)) {
        this.warn(ep.uri, r.span, "openapi/duplicate-response", `Status ${r.status} is listed twice; the first one is used.`);
        return false;
      }
      seenStatus.add(r.status);
      return r.status >= 100 && r.status <= 599;
    });
    const isAsync = ep.flags.has("async");
    let asyncDone = false;
    const success = responses.filter((r) => r.status >= 200 && r.status < 300);
    for (const r of responses) {
      listed.add(r.status);
      if (r.status >= 200 && r.status < 300) {
        if (isAsync) {
          if (!asyncDone) {
            out.set("202", this.asyncResponse(ep, success));
            asyncDone = true;
          }
          continue;
        }
        out.set(String(r.status), this.successResponse(ep, r.status, r.type, r.span));
      } else if (r.status >= 400) {
        out.set(String(r.status), this.errorResponse(r.status, ep.api, r.type));
      } else {
        const resp: JsonObject = { description: reasonPhrase(r.status) };
        if (r.type) resp["content"] = { "application/json": { schema: typeSchema(r.type, this, true) } };
        out.set(String(r.status), resp);
      }
    }
    if (isAsync && !asyncDone) out.set("202", this.asyncResponse(ep, success));
    const implied = (status: number) => {
      if (!listed.has(status) && !out.has(String(status))) out.set(String(status), this.errorResponse(status, ep.api));
    };
    if (ep.flags.has("paginated")) implied(400);
    if (auth && auth.scheme !== "none") {
      implied(401);
      implied(403);
    }
    if (this.rateLimitOf(ep)) implied(429);
    const sorted: JsonObject = {};
    for (const k of [...out.keys()].sort((a, b) => Number(a) - Number(b))) sorted[k] = out.get(k);
    sorted["default"] = this.errorResponse("default", ep.api);
    return sorted;
  }

  private successResponse(ep: EndpointInfo, status: number, type: ResolvedType | undefined, span: Span): JsonObject {
    const resp: JsonObject = { description: reasonPhrase(status) };
    if (ep.cacheMs !== undefined && (ep.method === "GET" || ep.method === "HEAD")) {
      const seconds = Math.round(ep.cacheMs / 1000);
      const auth = this.authOf(ep);
      const value = `${auth && auth.scheme !== "none" ? "private, " : ""}max-age=${seconds}`;
      resp["headers"] = { "Cache-Control": { description: `\`${value}\`: the response may be cached for ${seconds} s.`, schema: { type: "string" } } };
    }
    if (!type) {
      if (ep.flags.has("paginated") && status === 200) this.warn(ep.uri, span, "openapi/unexpressed", "A paginated endpoint needs a response type for its page envelope; the 200 response has none.");
      return resp;
    }
    if (NO_BODY_STATUSES.has(status) || ep.method === "HEAD") {
      this.warn(ep.uri, span, "openapi/unexpressed", `A ${ep.method === "HEAD" ? "HEAD response" : `${status} response`} has no body; \`${type.display}\` is left out of the OpenAPI document.`);
      return resp;
    }
    const paged = ep.flags.has("paginated") && (status === 200 || !ep.responses.some((r) => r.status === 200));
    if (paged && !type.array) this.warn(ep.uri, span, "openapi/unexpressed", `A paginated endpoint returns a list; its page envelope holds \`${type.display}\` items.`);
    const schema = paged ? { $ref: this.pageRef(type) } : typeSchema(type, this, true);
    resp["content"] = { "application/json": { schema } };
    return resp;
  }

  private asyncResponse(ep: EndpointInfo, success: { status: number; type?: ResolvedType; span: Span }[]): JsonObject {
    const own202 = success.find((r) => r.status === 202 && r.type);
    const typed = success.filter((r) => r.status !== 202 && r.type);
    let schema: JsonObject;
    if (own202?.type) schema = typeSchema(own202.type, this, false);
    else {
      const status = { $ref: `#/components/schemas/${this.operationStatus()}` };
      const result = typed[0]?.type;
      schema = result ? { allOf: [status, { type: "object", properties: { result: typeSchema(result, this, true) } }] } : status;
      if (typed.length > 1) this.warn(ep.uri, typed[1]!.span, "openapi/unexpressed", `An async operation answers 202; its status resource carries one result type (\`${typed[0]!.type!.display}\`), not \`${typed[1]!.type!.display}\`.`);
    }
    return {
      description: "Accepted: the operation runs asynchronously. Poll the status resource at Location until it has finished.",
      headers: { Location: { description: "The URL of the operation's status resource.", required: true, schema: { type: "string", format: "uri-reference" } } },
      content: { "application/json": { schema } },
    };
  }

  private pageRef(type: ResolvedType): string {
    const item = type.schema ?? type.enum;
    const itemName = item ? this.nameOf(item) : type.builtin ? pascalCase(type.builtin) : "Item";
    let name = this.pages.get(itemName);
    if (!name) {
      name = uniqueName(`${itemName}Page`, this.usedSchemaNames);
      this.pages.set(itemName, name);
      const itemSchema = elementSchema(type, this);
      this.generatedSchemas.set(name, {
        type: "object",
        description: `A page of ${itemName} items. Pass \`next_cursor\` as \`cursor\` to get the next page.`,
        required: ["items", "next_cursor"],
        properties: {
          items: { type: "array", items: itemSchema },
          next_cursor: { type: ["string", "null"], description: "The cursor of the next page; null on the last page." },
        },
      });
    }
    return `#/components/schemas/${name}`;
  }

  private problem(): string {
    if (!this.problemName) {
      this.problemName = uniqueName("Problem", this.usedSchemaNames);
      this.generatedSchemas.set(this.problemName, {
        type: "object",
        description: "An error in the RFC 9457 problem details format. Further members may describe the problem in more detail.",
        properties: {
          type: { type: "string", format: "uri-reference", default: "about:blank", description: "A URI reference that identifies the problem type." },
          title: { type: "string", description: "A short, human-readable summary of the problem type." },
          status: { type: "integer", minimum: 100, maximum: 599, description: "The HTTP status code." },
          detail: { type: "string", description: "A human-readable explanation specific to this occurrence of the problem." },
          instance: { type: "string", format: "uri-reference", description: "A URI reference that identifies this occurrence of the problem." },
        },
      });
    }
    return this.problemName;
  }

  private operationStatus(): string {
    if (!this.operationStatusName) {
      this.operationStatusName = uniqueName("OperationStatus", this.usedSchemaNames);
      const problem = this.problem();
      this.generatedSchemas.set(this.operationStatusName, {
        type: "object",
        description: "The status resource of an asynchronous operation.",
        required: ["id", "status"],
        properties: {
          id: { type: "string", description: "The operation's identifier." },
          status: { type: "string", enum: ["pending", "running", "succeeded", "failed"], description: "Where the operation stands." },
          result: { description: "The operation's result, once it has succeeded." },
          error: { allOf: [{ $ref: `#/components/schemas/${problem}` }], description: "Why the operation failed, once it has failed." },
        },
      });
    }
    return this.operationStatusName;
  }

  private errorResponse(status: number | "default", api: ApiInfo, type?: ResolvedType): JsonObject {
    const description = status === "default" ? "Unexpected error." : ERROR_DESCRIPTIONS[status] ?? reasonPhrase(status);
    if (type) {
      // An error status with its own type: inline.
      const inline: JsonObject = { description };
      if (status === 429) inline["headers"] = rateLimitHeaders();
      inline["content"] = { [type.schema && !type.array ? errorMediaType(type.schema) : "application/json"]: { schema: typeSchema(type, this, false) } };
      return inline;
    }
    const custom = api.errors?.schema;
    const schemaRef = custom ? this.refOf(custom) : `#/components/schemas/${this.problem()}`;
    const prefix = custom ? this.nameOf(custom) : "";
    const base = status === "default" ? "UnexpectedError" : reasonName(status);
    const name = `${prefix}${base}`;
    if (!this.responses.has(name)) {
      const value: JsonObject = { description };
      if (status === 429) value["headers"] = rateLimitHeaders();
      value["content"] = { [errorMediaType(custom)]: { schema: { $ref: schemaRef } } };
      this.responses.set(name, { order: status === "default" ? 1000 : status, value });
    }
    return { $ref: `#/components/responses/${name}` };
  }
}

// ---- helpers ----------------------------------------------------------------------

/** The headers of a 429: Retry-After and the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers). */
function rateLimitHeaders(): JsonObject {
  return {
    "Retry-After": { description: "The number of seconds to wait before retrying.", schema: { type: "integer", minimum: 0 } },
    "RateLimit-Policy": { description: 'The quota policy (IETF RateLimit header fields), e.g. `"default";q=100;w=60`.', schema: { type: "string" } },
    RateLimit: { description: 'The quota left and the seconds until it resets, e.g. `"default";r=0;t=30`.', schema: { type: "string" } },
  };
}

/**
 * The built-in Problem, and an error type that looks like one (named
 * `Problem`, or with `title` and `status` fields), are
 * `application/problem+json`; any other error type is plain JSON.
 */
function errorMediaType(custom: SchemaInfo | undefined): string {
  if (!custom) return "application/problem+json";
  const fields = new Set(custom.fields.map((f) => f.decl.name.text));
  return custom.symbol.name === "Problem" || (fields.has("title") && fields.has("status")) ? "application/problem+json" : "application/json";
}

function normalizeBase(base: string): string {
  const b = base.trim().replace(/\/+$/, "");
  return b === "" ? "" : b.startsWith("/") ? b : "/" + b;
}

function joinBase(base: string, path: string): string {
  if (!base) return path || "/";
  if (!path || path === "/") return base;
  return base + (path.startsWith("/") ? path : "/" + path);
}

function stripQuery(path: string): string {
  const q = path.indexOf("?");
  return q >= 0 ? path.slice(0, q) : path;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function uniqueIn(base: string, taken: string[]): string {
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base}${i}`;
  return name;
}

function camel(name: string): string {
  const p = pascalCase(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

function stringProperty(props: Property[], key: string): string | undefined {
  const v = props.find((p) => p.key.text === key)?.values[0];
  return v && v.valueKind === "string" ? v.text : undefined;
}

function joinText(...parts: (string | undefined)[]): string | undefined {
  const texts = parts.filter((p): p is string => !!p && p.trim() !== "");
  return texts.length ? texts.join("\n\n") : undefined;
}
