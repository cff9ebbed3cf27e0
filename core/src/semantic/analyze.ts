// Builds the workspace model from parsed files: binds every declaration to a
// symbol, resolves every reference (reporting unresolved, ambiguous and
// duplicate names with a "did you mean"), checks the language-level rules
// (type arguments, property values, engines) and derives the facts the tools
// share. Parsing is per file and cached by the caller; this pass is linear in
// the size of the workspace.

import type {
  Api,
  ArchFile,
  Attribute,
  CallsRelation,
  Component,
  Declaration,
  Endpoint,
  EnumDecl,
  Identifier,
  Node,
  Property,
  Relation,
  SchemaDecl,
  Service,
  Span,
  SystemDecl,
  TypeRef,
} from "../syntax/ast";
import type { Diagnostic, Fix, RelatedInformation } from "../diagnostics/diagnostic";
import { compareDiagnostics } from "../diagnostics/diagnostic";
import { closest, joinPath, normalizePath, pathParams, tableNameOf } from "../util/names";
import {
  BUILTIN_TYPES,
  type ApiInfo,
  type ArchSymbol,
  type AuthScheme,
  type AuthSetting,
  type BuiltinType,
  type CallInfo,
  type ComponentInfo,
  type EndpointInfo,
  type EnumInfo,
  type FieldInfo,
  type MessageInfo,
  type Model,
  type RateLimitSetting,
  type Reference,
  type ResolvedType,
  type SchemaInfo,
  type SemanticInfo,
  type ServiceInfo,
  type StoreInfo,
  type SymbolKind,
  type SystemInfo,
  type UsesInfo,
} from "./model";
import { KNOWN_ENGINES, KNOWN_PROPERTIES, type PropertyContext } from "./vocabulary";

const BUILTIN_SET = new Set<string>(BUILTIN_TYPES);
const TYPE_ARITY: Partial<Record<BuiltinType, [number, number]>> = { decimal: [0, 2], varchar: [1, 1], char: [1, 1] };
const AUTH_SCHEMES = new Set<AuthScheme>(["none", "jwt", "oauth2", "apikey", "basic", "mtls"]);
const DEFAULT_FUNCTIONS = new Set(["now", "uuid", "identity", "true", "false", "null"]);
const COLUMN_ATTRIBUTES = new Set(["id", "unique", "index", "default", "ref", "on_delete", "check", "secret", "readonly", "format", "min", "max", "key"]);
const TABLE_ATTRIBUTES = new Set(["index", "unique", "id", "partition", "table"]);

type Scope = ServiceInfo | undefined;

/**
 * What one analysis keeps for the next: per file, its binding (symbols and
 * semantic objects) and its resolution (references, links, diagnostics). A file
 * is bound again only when its text changed, and resolved again only when it
 * changed or names it looked up are declared in a file that changed; so an edit
 * re-analyses the edited file and the files that depend on it, nothing else.
 */
export interface AnalysisCache {
  states: WeakMap<ArchFile, FileState>;
  info: WeakMap<Node, SemanticInfo>;
  previous: Map<string, ArchFile>;
}

export function createAnalysisCache(): AnalysisCache {
  return { states: new WeakMap(), info: new WeakMap(), previous: new Map() };
}

/** Analyses the files; with a cache from an earlier call, only what the changes affect is redone. */
export function analyze(files: Iterable<ArchFile>, cache: AnalysisCache = createAnalysisCache()): Model {
  return new Analyzer([...files], cache).run();
}

interface Resolution {
  diagnostics: Diagnostic[];
  references: Reference[];
  calls: CallInfo[];
  messages: MessageInfo[];
  stores: StoreInfo[];
  uses: UsesInfo[];
  /** Every name the file's references looked up: a change to a declaration of one of them invalidates the resolution. */
  lookups: Set<string>;
  /** The file has unresolved or ambiguous names, whose messages depend on every name of the workspace. */
  unsure: boolean;
}

interface FileState {
  file: ArchFile;
  diagnostics: Diagnostic[];
  symbols: ArchSymbol[];
  topDecls: { name: Identifier; sym: ArchSymbol }[];
  memberDecls: { info: SchemaInfo | EnumInfo; sym: ArchSymbol }[];
  systems: SystemInfo[];
  services: ServiceInfo[];
  components: ComponentInfo[];
  schemas: SchemaInfo[];
  enums: EnumInfo[];
  apis: ApiInfo[];
  endpoints: EndpointInfo[];
  resolution?: Resolution;
}

function newResolution(): Resolution {
  return { diagnostics: [], references: [], calls: [], messages: [], stores: [], uses: [], lookups: new Set(), unsure: false };
}

class Analyzer {
  private state!: FileState;
  private res: Resolution | undefined;
  private readonly global: Diagnostic[] = [];
  private readonly byName = new Map<string, ArchSymbol[]>();
  private readonly info: WeakMap<Node, SemanticInfo>;
  /** Top-level names: systems, services, components. */
  private readonly topLevel = new Map<string, ArchSymbol>();
  /** Schema and enum symbols by bare name, across the workspace. */
  private readonly members = new Map<string, (SchemaInfo | EnumInfo)[]>();
  private uri = "";
  /** Member names per service (or per system, or per file at the file level), for duplicate checks. */
  private readonly scopeNames = new Map<object, Map<string, SchemaInfo | EnumInfo>>();

  private get diagnostics(): Diagnostic[] {
    return this.res ? this.res.diagnostics : this.state.diagnostics;
  }
  private get symbols(): ArchSymbol[] {
    return this.state.symbols;
  }
  private get references(): Reference[] {
    return this.res!.references;
  }
  private get systems(): SystemInfo[] {
    return this.state.systems;
  }
  private get services(): ServiceInfo[] {
    return this.state.services;
  }
  private get components(): ComponentInfo[] {
    return this.state.components;
  }
  private get schemas(): SchemaInfo[] {
    return this.state.schemas;
  }
  private get enums(): EnumInfo[] {
    return this.state.enums;
  }
  private get apis(): ApiInfo[] {
    return this.state.apis;
  }
  private get endpoints(): EndpointInfo[] {
    return this.state.endpoints;
  }
  private get calls(): CallInfo[] {
    return this.res!.calls;
  }
  private get messages(): MessageInfo[] {
    return this.res!.messages;
  }
  private get stores(): StoreInfo[] {
    return this.res!.stores;
  }
  private get uses(): UsesInfo[] {
    return this.res!.uses;
  }
  /**
   * The workspace-wide name lists that did-you-mean hints search, built once per
   * list, and the hint found for each unknown name: a misspelt or renamed name
   * referenced N times costs one scan of the list, not N (each scan is an edit
   * distance against every name of the workspace). Only used while resolving,
   * when every declaration is bound and the lists no longer change.
   */
  private readonly nameLists = new Map<string, readonly string[]>();
  private readonly hints = new Map<string, string | undefined>();

  constructor(
    private readonly files: ArchFile[],
    private readonly cache: AnalysisCache,
  ) {
    this.info = cache.info;
  }

  run(): Model {
    // Bind: each file on its own (reused while its text is unchanged).
    const states = this.files.map((file) => {
      let state = this.cache.states.get(file);
      if (!state) {
        state = { file, diagnostics: [...file.diagnostics], symbols: [], topDecls: [], memberDecls: [], systems: [], services: [], components: [], schemas: [], enums: [], apis: [], endpoints: [] };
        this.state = state;
        this.uri = file.uri;
        this.scopeNames.clear();
        for (const decl of file.declarations) this.bindDeclaration(decl, undefined, undefined);
        this.cache.states.set(file, state);
      }
      return state;
    });
    // The workspace's name tables, and the duplicates across files.
    for (const state of states) {
      this.uri = state.file.uri;
      for (const { name, sym } of state.topDecls) this.declareTopLevel(sym, name);
      for (const { info, sym } of state.memberDecls) {
        const list = this.members.get(sym.name);
        if (list) list.push(info);
        else this.members.set(sym.name, [info]);
        this.indexName(sym);
      }
    }
    // Resolve: again only for changed files and the files that looked up a name a changed file declares (or declared).
    const changed = this.changedNames(states);
    for (const state of states) {
      const r = state.resolution;
      if (r && !r.unsure && (changed === undefined || ![...r.lookups].some((n) => changed.has(n)))) continue;
      this.state = state;
      this.res = newResolution();
      this.resetResolution(state);
      this.uri = state.file.uri;
      for (const schema of state.schemas) this.resolveSchema(schema);
      for (const api of state.apis) this.resolveApi(api);
      for (const service of state.services) this.resolveServiceRelations(service);
      for (const component of state.components) this.resolveComponent(component);
      state.resolution = this.res;
      this.res = undefined;
    }
    this.cache.previous = new Map(this.files.map((f) => [f.uri, f]));
    const all = <K extends keyof FileState>(key: K) => states.flatMap((s) => s[key] as unknown[]);
    const resolved = <K extends keyof Resolution>(key: K) => states.flatMap((s) => s.resolution![key] as unknown[]);
    const diagnostics = [...(all("diagnostics") as Diagnostic[]), ...(resolved("diagnostics") as Diagnostic[]), ...this.global].sort(compareDiagnostics);
    const info = this.info;
    return {
      files: new Map(this.files.map((f) => [f.uri, f])),
      systems: all("systems") as SystemInfo[],
      services: all("services") as ServiceInfo[],
      components: all("components") as ComponentInfo[],
      schemas: all("schemas") as SchemaInfo[],
      enums: all("enums") as EnumInfo[],
      apis: all("apis") as ApiInfo[],
      endpoints: all("endpoints") as EndpointInfo[],
      calls: resolved("calls") as CallInfo[],
      messages: resolved("messages") as MessageInfo[],
      stores: resolved("stores") as StoreInfo[],
      uses: resolved("uses") as UsesInfo[],
      symbols: all("symbols") as ArchSymbol[],
      references: resolved("references") as Reference[],
      diagnostics,
      byName: this.byName,
      infoOf: (node) => info.get(node),
    };
  }

  /** Names declared (before or after) in the files that changed since the last analysis; undefined on the first. */
  private changedNames(states: FileState[]): Set<string> | undefined {
    const previous = this.cache.previous;
    if (previous.size === 0) return undefined;
    const names = new Set<string>();
    const declare = (file: ArchFile | undefined) => {
      const state = file && this.cache.states.get(file);
      if (!state) return;
      for (const d of state.topDecls) names.add(d.sym.name);
      for (const d of state.memberDecls) names.add(d.sym.name);
    };
    const current = new Set(states.map((s) => s.file.uri));
    for (const state of states) {
      const before = previous.get(state.file.uri);
      if (before === state.file) continue;
      declare(before);
      declare(state.file);
    }
    for (const [uri, file] of previous) if (!current.has(uri)) declare(file); // removed files
    return names;
  }

  /** Clears what resolving a file's declarations filled in, before resolving it again. */
  private resetResolution(state: FileState): void {
    for (const schema of state.schemas) {
      for (const field of schema.fields) {
        field.type = { ref: field.decl.type, args: [], array: false, optional: false, display: "" };
        delete field.ref;
      }
    }
    for (const api of state.apis) {
      delete api.errors;
      for (const ep of api.endpoints) {
        delete ep.body;
        ep.responses = [];
        ep.parameters = [];
      }
    }
    for (const service of state.services) {
      service.calls = [];
      service.publishes = [];
      service.consumes = [];
      service.stores = [];
      service.uses = [];
      delete service.database;
    }
    for (const component of state.components) {
      component.calls = [];
      component.uses = [];
    }
  }

  // ---- diagnostics helpers ------------------------------------------------

  private report(span: Span, severity: Diagnostic["severity"], code: string, message: string, extra?: { related?: RelatedInformation[]; fixes?: Fix[] }, uri = this.uri): void {
    const d: Diagnostic = { uri, start: span.start, end: span.end, severity, code, message };
    if (extra?.related) d.related = extra.related;
    if (extra?.fixes) d.fixes = extra.fixes;
    this.diagnostics.push(d);
  }

  private reportGlobal(span: Span, severity: Diagnostic["severity"], code: string, message: string, extra: { related: RelatedInformation[] }): void {
    this.global.push({ uri: this.uri, start: span.start, end: span.end, severity, code, message, related: extra.related });
  }

  private renameFix(span: Span, to: string, uri = this.uri): Fix[] {
    return [{ title: `Change to \`${to}\``, edits: [{ uri, start: span.start, end: span.end, newText: to }], preferred: true }];
  }

  private unresolved(id: Identifier, what: string, candidates: Iterable<string> | { list: string; build: () => string[] }, uri = this.uri): void {
    if (id.missing || !id.text) return;
    if (this.res) this.res.unsure = true;
    let suggestion: string | undefined;
    if (Symbol.iterator in candidates) suggestion = closest(id.text, candidates);
    else {
      const key = `${candidates.list}\u0000${id.text}`;
      if (this.hints.has(key)) suggestion = this.hints.get(key);
      else {
        let names = this.nameLists.get(candidates.list);
        if (!names) this.nameLists.set(candidates.list, (names = candidates.build()));
        suggestion = closest(id.text, names);
        this.hints.set(key, suggestion);
      }
    }
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : "";
    this.report(id, "error", "name/unresolved", `Cannot find ${what} \`${id.text}\`.${hint}`, suggestion ? { fixes: this.renameFix(id, suggestion, uri) } : undefined, uri);
  }

  private addReference(span: Span, symbol: ArchSymbol, uri = this.uri): void {
    this.references.push({ uri, start: span.start, end: span.end, symbol });
  }

  // ---- binding --------------------------------------------------------------

  private symbol(kind: SymbolKind, name: Identifier | string, node: Node, nameSpan: Span, parent?: ArchSymbol, doc?: string): ArchSymbol {
    const text = typeof name === "string" ? name : name.text;
    const s: ArchSymbol = { kind, name: text, qualifiedName: parent && kind !== "service" && parent.kind !== "system" ? `${parent.qualifiedName}.${text}` : text, uri: this.uri, node, nameSpan };
    if (parent) s.parent = parent;
    if (doc !== undefined) s.doc = doc;
    this.symbols.push(s);
    return s;
  }

  /** Names of the workspace's schemas of one kind (for did-you-mean hints). */
  private schemasOfKind(kind: "entity" | "type" | "event"): string[] {
    const out: string[] = [];
    for (const [name, infos] of this.members) if (infos.some((i) => "fields" in i && i.kind === kind)) out.push(name);
    return out;
  }

  /** Records a top-level declaration of the file being bound; the workspace's table is built after binding. */
  private declareInFile(sym: ArchSymbol, name: Identifier): void {
    if (name.missing || !name.text) return;
    this.state.topDecls.push({ name, sym });
  }

  private declareTopLevel(sym: ArchSymbol, name: Identifier): void {
    if (name.missing || !name.text) return;
    const existing = this.topLevel.get(name.text);
    if (existing) {
      this.reportGlobal(name, "error", "name/duplicate", `\`${name.text}\` is already declared (as a ${existing.kind}); names of systems, services and components must be unique in the workspace.`, {
        related: [{ uri: existing.uri, start: existing.nameSpan.start, end: existing.nameSpan.end, message: `\`${name.text}\` is first declared here` }],
      });
      return;
    }
    this.topLevel.set(name.text, sym);
    this.indexName(sym);
  }

  private indexName(sym: ArchSymbol): void {
    const list = this.byName.get(sym.name);
    if (list) list.push(sym);
    else this.byName.set(sym.name, [sym]);
  }

  private bindDeclaration(decl: Declaration, system: SystemInfo | undefined, service: ServiceInfo | undefined): void {
    switch (decl.kind) {
      case "System":
        this.bindSystem(decl);
        return;
      case "Service":
        this.bindService(decl, system);
        return;
      case "Component":
        this.bindComponent(decl, system);
        return;
      case "Schema":
        this.bindSchema(decl, system, service);
        return;
      case "Enum":
        this.bindEnum(decl, system, service);
        return;
    }
  }

  private bindSystem(decl: SystemDecl): void {
    const sym = this.symbol("system", decl.name, decl, decl.name, undefined, decl.doc?.text);
    this.declareInFile(sym, decl.name);
    const system: SystemInfo = { symbol: sym, decl, uri: this.uri, services: [], components: [], schemas: [], enums: [], properties: decl.properties };
    this.info.set(decl, system);
    this.systems.push(system);
    this.checkProperties(decl.properties, "system");
    for (const d of decl.declarations) {
      if (d.kind === "System") continue; // reported by the parser; its members are still bound below
      this.bindDeclaration(d, system, undefined);
    }
    for (const d of decl.declarations) if (d.kind === "System") this.bindSystem(d);
  }

  private bindComponent(decl: Component, system: SystemInfo | undefined): void {
    const sym = this.symbol(decl.componentKind, decl.name, decl, decl.name, system?.symbol, decl.doc?.text ?? decl.title?.value);
    this.declareInFile(sym, decl.name);
    const component: ComponentInfo = { symbol: sym, decl, uri: this.uri, kind: decl.componentKind, properties: decl.properties, calls: [], uses: [] };
    if (system) component.system = system;
    if (decl.engine && !decl.engine.missing) {
      component.engine = decl.engine.text;
      const known = KNOWN_ENGINES[decl.componentKind];
      if (known && !known.includes(decl.engine.text)) {
        const suggestion = closest(decl.engine.text, known);
        this.report(decl.engine, "warning", "model/unknown-engine", `Unknown ${decl.componentKind} engine \`${decl.engine.text}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ` Known engines: ${known.join(", ")}.`}`, suggestion ? { fixes: this.renameFix(decl.engine, suggestion) } : undefined);
      }
    } else if (decl.engine?.missing) {
      // reported by the parser
    }
    this.info.set(decl, component);
    this.components.push(component);
    system?.components.push(component);
    this.checkProperties(decl.properties, decl.componentKind);
  }

  private bindService(decl: Service, system: SystemInfo | undefined): void {
    const sym = this.symbol("service", decl.name, decl, decl.name, system?.symbol, decl.doc?.text ?? decl.title?.value);
    this.declareInFile(sym, decl.name);
    const service: ServiceInfo = {
      symbol: sym,
      decl,
      uri: this.uri,
      properties: decl.properties,
      entities: [],
      types: [],
      events: [],
      enums: [],
      apis: [],
      calls: [],
      publishes: [],
      consumes: [],
      stores: [],
      uses: [],
    };
    if (system) service.system = system;
    this.info.set(decl, service);
    this.services.push(service);
    system?.services.push(service);
    this.checkProperties(decl.properties, "service");
    for (const e of decl.enums) this.bindEnum(e, system, service);
    for (const s of decl.schemas) this.bindSchema(s, system, service);
    for (const api of decl.apis) this.bindApi(api, service);
  }

  private bindMemberName(sym: ArchSymbol, info: SchemaInfo | EnumInfo, name: Identifier, scope: object): void {
    if (name.missing || !name.text) return;
    if (BUILTIN_SET.has(name.text)) {
      this.report(name, "error", "name/reserved", `\`${name.text}\` is a built-in type and cannot be redeclared.`);
      return;
    }
    let names = this.scopeNames.get(scope);
    if (!names) this.scopeNames.set(scope, (names = new Map()));
    const dup = names.get(name.text);
    if (!dup) names.set(name.text, info);
    if (dup) {
      this.report(name, "error", "name/duplicate", `\`${name.text}\` is already declared in ${info.service ? `service ${info.service.symbol.name}` : "this scope"}.`, {
        related: [{ uri: dup.uri, start: dup.symbol.nameSpan.start, end: dup.symbol.nameSpan.end, message: `\`${name.text}\` is first declared here` }],
      });
      return;
    }
    this.state.memberDecls.push({ info, sym });
  }

  private bindSchema(decl: SchemaDecl, system: SystemInfo | undefined, service: ServiceInfo | undefined): void {
    const sym = this.symbol(decl.schemaKind, decl.name, decl, decl.name, service?.symbol ?? system?.symbol, decl.doc?.text);
    const tableAttr = decl.tableAttributes.find((a) => a.name.text === "table");
    const tableArg = tableAttr?.args[0];
    const tableName = tableArg && tableArg.argKind === "string" ? String(tableArg.value) : tableNameOf(decl.name.text || "unnamed");
    const schema: SchemaInfo = { symbol: sym, decl, uri: this.uri, kind: decl.schemaKind, fields: [], tableName };
    if (service) schema.service = service;
    if (system) schema.system = system;
    this.info.set(decl, schema);
    this.schemas.push(schema);
    this.bindMemberName(sym, schema, decl.name, service ?? system ?? this.state.file);
    if (service) (decl.schemaKind === "entity" ? service.entities : decl.schemaKind === "type" ? service.types : service.events).push(schema);
    else system?.schemas.push(schema);
    const seen = new Map<string, FieldInfo>();
    for (const field of decl.fields) {
      const fsym = this.symbol("field", field.name, field, field.name, sym, field.doc?.text);
      const finfo: FieldInfo = { symbol: fsym, decl: field, schema, type: { ref: field.type, args: [], array: false, optional: false, display: "" } };
      this.info.set(field, finfo);
      const dup = seen.get(field.name.text);
      if (dup) {
        this.report(field.name, "error", "name/duplicate", `Field \`${field.name.text}\` is already declared in ${decl.schemaKind} ${decl.name.text}.`, {
          related: [{ uri: this.uri, start: dup.decl.name.start, end: dup.decl.name.end, message: "first declared here" }],
        });
        continue;
      }
      seen.set(field.name.text, finfo);
      schema.fields.push(finfo);
    }
  }

  private bindEnum(decl: EnumDecl, system: SystemInfo | undefined, service: ServiceInfo | undefined): void {
    const sym = this.symbol("enum", decl.name, decl, decl.name, service?.symbol ?? system?.symbol, decl.doc?.text);
    const info: EnumInfo = { symbol: sym, decl, uri: this.uri, members: [] };
    if (service) info.service = service;
    if (system) info.system = system;
    this.info.set(decl, info);
    this.enums.push(info);
    this.bindMemberName(sym, info, decl.name, service ?? system ?? this.state.file);
    if (service) service.enums.push(info);
    else system?.enums.push(info);
    const seen = new Set<string>();
    for (const m of decl.members) {
      if (seen.has(m.name.text)) {
        this.report(m.name, "error", "name/duplicate", `Enum value \`${m.name.text}\` is listed twice in ${decl.name.text}.`);
        continue;
      }
      seen.add(m.name.text);
      info.members.push({ symbol: this.symbol("enumMember", m.name, m, m.name, sym, m.doc?.text), decl: m });
    }
  }

  private bindApi(decl: Api, service: ServiceInfo): void {
    const base = decl.base?.value ?? "";
    const sym = this.symbol("api", base || "api", decl, decl.base ?? decl.keyword, service.symbol, decl.doc?.text);
    const api: ApiInfo = { symbol: sym, decl, uri: this.uri, service, base, endpoints: [] };
    this.info.set(decl, api);
    this.apis.push(api);
    service.apis.push(api);
    if (decl.base && base && !base.startsWith("/")) {
      this.report(decl.base, "error", "model/invalid-base", `An api base path starts with \`/\` (\`"/api/v1"\`), not \`${base}\`.`);
    }
    this.checkProperties(decl.properties, "api");
    const auth = this.authOf(decl.properties);
    if (auth) api.auth = auth;
    const rate = this.rateLimitOf(decl.properties);
    if (rate) api.rateLimit = rate;
    for (const ep of decl.endpoints) this.bindEndpoint(ep, api);
  }

  private bindEndpoint(decl: Endpoint, api: ApiInfo): void {
    const method = decl.method.text;
    const path = decl.path.text;
    const sym = this.symbol("endpoint", `${method} ${path}`, decl, { start: decl.method.start, end: decl.path.end }, api.symbol, decl.doc?.text);
    sym.qualifiedName = `${api.service.symbol.name}.${method} ${joinPath(api.base, path)}`;
    const ep: EndpointInfo = {
      symbol: sym,
      decl,
      uri: this.uri,
      api,
      service: api.service,
      method,
      path,
      fullPath: joinPath(api.base, path),
      pathParams: pathParams(path),
      responses: [],
      flags: new Set(decl.flags.map((f) => f.name)),
      parameters: [],
    };
    this.info.set(decl, ep);
    this.endpoints.push(ep);
    api.endpoints.push(ep);
    this.checkProperties(decl.properties, "endpoint");
    const auth = this.authOf(decl.properties);
    if (auth) {
      ep.auth = auth;
      ep.authSource = "endpoint";
    } else if (api.auth) {
      ep.auth = api.auth;
      ep.authSource = "api";
    } else {
      const serviceAuth = this.authOf(api.service.properties);
      if (serviceAuth) {
        ep.auth = serviceAuth;
        ep.authSource = "service";
      }
    }
    const rate = this.rateLimitOf(decl.properties);
    if (rate) {
      ep.rateLimit = rate;
      ep.rateLimitSource = "endpoint";
    } else if (api.rateLimit) {
      ep.rateLimit = api.rateLimit;
      ep.rateLimitSource = "api";
    } else {
      const serviceRate = this.rateLimitOf(api.service.properties);
      if (serviceRate) {
        ep.rateLimit = serviceRate;
        ep.rateLimitSource = "service";
      }
    }
    const summary = decl.properties.find((p) => p.key.text === "summary")?.values[0];
    if (summary) ep.summary = summary.text;
    const cache = decl.properties.find((p) => p.key.text === "cache")?.values[0];
    if (cache?.valueKind === "duration") ep.cacheMs = cache.number ?? 0;
  }

  // ---- resolution -----------------------------------------------------------

  /** Resolves a schema or enum name, preferring the referencing service's own members. */
  private lookupMember(name: Identifier, scope: Scope, qualifier?: Identifier): SchemaInfo | EnumInfo | undefined | "reported" {
    this.res?.lookups.add(name.text);
    if (qualifier) {
      this.res?.lookups.add(qualifier.text);
      const owner = this.topLevel.get(qualifier.text);
      if (!owner || owner.kind !== "service") {
        this.unresolved(qualifier, "service", { list: "services", build: () => [...this.topLevel.values()].filter((s) => s.kind === "service").map((s) => s.name) });
        return "reported";
      }
      this.addReference(qualifier, owner);
      const candidates = (this.members.get(name.text) ?? []).filter((m) => m.service?.symbol === owner);
      return candidates[0];
    }
    const all = this.members.get(name.text);
    if (!all || all.length === 0) return undefined;
    if (all.length === 1) return all[0];
    const own = scope ? all.filter((m) => m.service === scope) : [];
    if (own.length >= 1) return own[0];
    if (this.res) this.res.unsure = true;
    const owners = all.map((m) => (m.service ? m.service.symbol.name : "the system")).join(" and ");
    this.report(name, "error", "name/ambiguous", `\`${name.text}\` is declared in ${owners}: qualify it, as in \`${all[0]!.service?.symbol.name ?? ""}.${name.text}\`.`);
    return "reported";
  }

  private resolveType(ref: TypeRef, scope: Scope, uri: string, allowed: ReadonlyArray<"entity" | "type" | "event" | "enum" | "builtin"> = ["entity", "type", "event", "enum", "builtin"]): ResolvedType {
    const resolved: ResolvedType = { ref, args: ref.args.map((a) => a.number ?? 0), array: ref.array, optional: ref.optional, display: "" };
    const name = ref.name.text;
    resolved.display = (ref.qualifier ? ref.qualifier.text + "." : "") + name + (ref.args.length ? `(${ref.args.map((a) => a.text).join(", ")})` : "") + (ref.array ? "[]" : "") + (ref.optional ? "?" : "");
    if (ref.name.missing || !name) return resolved;
    if (!ref.qualifier && BUILTIN_SET.has(name)) {
      const builtin = name as BuiltinType;
      resolved.builtin = builtin;
      const [min, max] = TYPE_ARITY[builtin] ?? [0, 0];
      if (ref.args.length < min || ref.args.length > max) {
        const example = builtin === "decimal" ? "decimal(12, 2)" : `${builtin}(64)`;
        const msg = max === 0 ? `\`${builtin}\` takes no arguments.` : `\`${builtin}\` takes ${min === max ? min : `up to ${max}`} argument${max > 1 ? "s" : ""}, as in \`${example}\`.`;
        this.report({ start: ref.name.start, end: ref.end }, "error", "type/arguments", msg, undefined, uri);
      }
      return resolved;
    }
    const target = this.lookupMember(ref.name, scope, ref.qualifier);
    if (target === "reported") return resolved;
    if (!target) {
      this.unresolved(ref.name, "type", { list: "types", build: () => [...BUILTIN_TYPES, ...this.members.keys()] }, uri);
      return resolved;
    }
    this.addReference(ref.name, target.symbol, uri);
    if ("fields" in target) resolved.schema = target;
    else resolved.enum = target;
    const kind = "fields" in target ? target.kind : "enum";
    if (!allowed.includes(kind)) {
      this.report(ref.name, "error", "name/wrong-kind", `\`${name}\` is ${kind === "enum" ? "an enum" : `an ${kind === "type" ? "type" : kind}`}; expected ${allowed.filter((a) => a !== "builtin").join(" or ")}.`, undefined, uri);
    }
    if (ref.args.length) this.report({ start: ref.name.start, end: ref.end }, "error", "type/arguments", `\`${name}\` takes no arguments.`, undefined, uri);
    return resolved;
  }

  private resolveSchema(schema: SchemaInfo): void {
    const uri = (this.uri = schema.uri);
    const scope = schema.service;
    const fieldNames = schema.decl.tableAttributes.length ? new Map(schema.fields.map((f) => [f.symbol.name, f])) : new Map<string, FieldInfo>();
    for (const field of schema.fields) {
      field.type = this.resolveType(field.decl.type, scope, uri);
      for (const attr of field.decl.attributes) this.resolveColumnAttribute(attr, field, schema, uri);
    }
    for (const attr of schema.decl.tableAttributes) {
      if (!TABLE_ATTRIBUTES.has(attr.name.text)) {
        if (!attr.name.missing) {
          const s = closest(attr.name.text, TABLE_ATTRIBUTES);
          this.report(attr.name, "error", "model/unknown-attribute", `Unknown table attribute \`@@${attr.name.text}\`.${s ? ` Did you mean \`@@${s}\`?` : " Known: @@index, @@unique, @@id, @@partition, @@table."}`, s ? { fixes: this.renameFix(attr.name, s, uri) } : undefined, uri);
        }
        continue;
      }
      const args = attr.args;
      if (attr.name.text === "table") {
        if (args.length !== 1 || args[0]!.argKind !== "string") this.report(attr, "error", "model/invalid-attribute", '`@@table` takes one table name in quotes: `@@table("order_lines")`.', undefined, uri);
        continue;
      }
      let columns = args;
      if (attr.name.text === "partition") {
        const strategy = args[0];
        if (!strategy || strategy.argKind !== "ident" || !["range", "list", "hash"].includes(strategy.text)) {
          this.report(strategy ?? attr, "error", "model/invalid-attribute", "`@@partition` starts with a strategy, `range`, `list` or `hash`: `@@partition(range, created_at)`.", undefined, uri);
        }
        columns = args.slice(1);
        if (columns.length === 0) this.report(attr, "error", "model/invalid-attribute", "`@@partition` needs a partition key column after the strategy.", undefined, uri);
      } else if (args.length === 0) {
        this.report(attr, "error", "model/invalid-attribute", `\`@@${attr.name.text}\` needs at least one column: \`@@${attr.name.text}(a, b)\`.`, undefined, uri);
      }
      for (const col of columns) {
        if (col.argKind !== "ident" || !col.name) {
          this.report(col, "error", "model/invalid-attribute", `Expected a column name of ${schema.symbol.name}, found \`${col.text}\`.`, undefined, uri);
          continue;
        }
        const f = fieldNames.get(col.name.text);
        if (f) this.addReference(col.name, f.symbol, uri);
        else this.unresolved(col.name, `column of ${schema.symbol.name}`, fieldNames.keys(), uri);
      }
    }
  }

  private resolveColumnAttribute(attr: Attribute, field: FieldInfo, schema: SchemaInfo, uri: string): void {
    const name = attr.name.text;
    if (attr.name.missing) return;
    if (!COLUMN_ATTRIBUTES.has(name)) {
      const s = closest(name, COLUMN_ATTRIBUTES);
      this.report(attr.name, "error", "model/unknown-attribute", `Unknown attribute \`@${name}\`.${s ? ` Did you mean \`@${s}\`?` : ""}`, s ? { fixes: this.renameFix(attr.name, s, uri) } : undefined, uri);
      return;
    }
    const args = attr.args;
    const arity = (n: number, example: string) => {
      if (args.length !== n) this.report(attr, "error", "model/invalid-attribute", `\`@${name}\` takes ${n === 0 ? "no arguments" : n === 1 ? "one argument" : `${n} arguments`}: \`${example}\`.`, undefined, uri);
      return args.length === n;
    };
    switch (name) {
      case "id":
      case "unique":
      case "index":
      case "secret":
      case "readonly":
      case "key":
        arity(0, `@${name}`);
        return;
      case "ref": {
        if (!arity(1, "@ref(Entity.field)")) return;
        const arg = args[0]!;
        if (arg.argKind !== "qualified" || !arg.qualifier || !arg.name) {
          this.report(arg, "error", "model/invalid-attribute", "`@ref` names a column of an entity: `@ref(Category.id)`.", undefined, uri);
          return;
        }
        field.ref = { span: arg };
        const target = this.lookupMember(arg.qualifier, schema.service);
        if (target === "reported") return;
        if (!target || !("fields" in target)) {
          if (target) this.report(arg.qualifier, "error", "name/wrong-kind", `\`${arg.qualifier.text}\` is an enum; \`@ref\` needs an entity.`, undefined, uri);
          else this.unresolved(arg.qualifier, "entity", { list: "entities", build: () => this.schemasOfKind("entity") }, uri);
          return;
        }
        this.addReference(arg.qualifier, target.symbol, uri);
        field.ref.entity = target;
        if (target.kind !== "entity") {
          this.report(arg.qualifier, "error", "name/wrong-kind", `\`${target.symbol.name}\` is a ${target.kind}, not an entity: only entities are tables that \`@ref\` can point to.`, undefined, uri);
        }
        const col = target.fields.find((f) => f.symbol.name === arg.name!.text);
        if (!col) {
          this.unresolved(arg.name, `column of ${target.symbol.name}`, target.fields.map((f) => f.symbol.name), uri);
          return;
        }
        this.addReference(arg.name, col.symbol, uri);
        field.ref.field = col;
        return;
      }
      case "on_delete": {
        if (!arity(1, "@on_delete(cascade)")) return;
        const v = args[0]!.text;
        if (!["cascade", "restrict", "set_null", "set_default", "no_action"].includes(v)) {
          this.report(args[0]!, "error", "model/invalid-attribute", `\`@on_delete\` takes cascade, restrict or set_null, not \`${v}\`.`, undefined, uri);
        } else if (!field.decl.attributes.some((a) => a.name.text === "ref")) {
          this.report(attr, "error", "model/invalid-attribute", "`@on_delete` only means something on a column with `@ref(Entity.field)`.", undefined, uri);
        }
        return;
      }
      case "check":
        if (arity(1, '@check("price >= 0")') && args[0]!.argKind !== "string") this.report(args[0]!, "error", "model/invalid-attribute", '`@check` takes an SQL condition in quotes: `@check("price >= 0")`.', undefined, uri);
        return;
      case "format":
        if (arity(1, "@format(email)") && args[0]!.argKind !== "ident" && args[0]!.argKind !== "string") this.report(args[0]!, "error", "model/invalid-attribute", "`@format` takes a format name such as `email` or `uri`.", undefined, uri);
        return;
      case "min":
      case "max":
        if (arity(1, `@${name}(1)`) && args[0]!.argKind !== "number") this.report(args[0]!, "error", "model/invalid-attribute", `\`@${name}\` takes a number.`, undefined, uri);
        return;
      case "default": {
        if (!arity(1, "@default(now)")) return;
        const arg = args[0]!;
        if (arg.argKind !== "ident" || !arg.name) return; // literal
        const e = field.type.enum;
        if (e) {
          const member = e.members.find((m) => m.symbol.name === arg.name!.text);
          if (member) this.addReference(arg.name, member.symbol, uri);
          else this.unresolved(arg.name, `value of enum ${e.symbol.name}`, e.members.map((m) => m.symbol.name), uri);
          return;
        }
        if (!DEFAULT_FUNCTIONS.has(arg.name.text)) {
          this.unresolved(arg.name, "default", DEFAULT_FUNCTIONS, uri);
        }
        return;
      }
    }
  }

  private resolveApi(api: ApiInfo): void {
    const uri = (this.uri = api.uri);
    const scope = api.service;
    const errors = api.decl.properties.find((p) => p.key.text === "errors");
    const errorsValue = errors?.values[0];
    if (errorsValue && errorsValue.valueKind === "word") {
      const id: Identifier = { kind: "Identifier", text: errorsValue.text, start: errorsValue.start, end: errorsValue.end };
      const ref: TypeRef = { kind: "TypeRef", name: id, args: [], array: false, optional: false, start: id.start, end: id.end };
      api.errors = this.resolveType(ref, scope, uri, ["type", "entity"]);
    }
    for (const ep of api.endpoints) {
      const d = ep.decl;
      if (d.body) ep.body = this.resolveType(d.body, scope, uri);
      for (const r of d.responses) {
        const info: EndpointInfo["responses"][number] = { status: r.status.number ?? 0, span: r };
        if (r.type) info.type = this.resolveType(r.type, scope, uri);
        ep.responses.push(info);
      }
      for (const p of d.parameters) {
        ep.parameters.push({ decl: p, name: p.name.text, location: p.location, type: this.resolveType(p.type, scope, uri, ["enum", "builtin", "type"]) });
      }
    }
  }

  private resolveTopLevel(id: Identifier, kinds: readonly SymbolKind[], what: string, uri: string): ArchSymbol | undefined {
    if (id.missing || !id.text) return undefined;
    this.res?.lookups.add(id.text);
    const sym = this.topLevel.get(id.text);
    if (!sym) {
      this.unresolved(id, what, { list: `top-level ${kinds.join(",")}`, build: () => [...this.topLevel.values()].filter((s) => kinds.includes(s.kind)).map((s) => s.name) }, uri);
      return undefined;
    }
    this.addReference(id, sym, uri);
    if (!kinds.includes(sym.kind)) {
      this.report(id, "error", "name/wrong-kind", `\`${id.text}\` is a ${sym.kind}; expected ${what}.`, undefined, uri);
      return undefined;
    }
    return sym;
  }

  private resolveCall(rel: CallsRelation, from: ServiceInfo | ComponentInfo, uri: string): CallInfo {
    const call: CallInfo = { decl: rel, uri, from, breaker: !!rel.breaker, span: rel };
    if (rel.timeout) call.timeoutMs = rel.timeout.number ?? 0;
    if (rel.retries) call.retries = rel.retries.number ?? 0;
    const sym = this.resolveTopLevel(rel.target, ["service", "external", "gateway"], "a service, gateway or external system", uri);
    if (sym) {
      const target = this.info.get(sym.node) as ServiceInfo | ComponentInfo | undefined;
      if (target) call.target = target;
      if (rel.method && rel.path && target) {
        if ("apis" in target) {
          const ep = this.findEndpoint(target, rel.method.text, rel.path.text);
          if (ep) {
            call.endpoint = ep;
            this.addReference(rel.path, ep.symbol, uri);
          } else {
            const candidates = target.apis.flatMap((a) => a.endpoints.map((e) => `${e.method} ${e.path}`));
            const wanted = `${rel.method.text} ${rel.path.text}`;
            const s = closest(wanted, candidates);
            this.report({ start: rel.method.start, end: rel.path.end }, "error", "name/unresolved-endpoint", `Service ${target.symbol.name} has no endpoint \`${wanted}\`.${s ? ` Did you mean \`${s}\`?` : ""}`, s ? { fixes: this.renameFix({ start: rel.method.start, end: rel.path.end }, s, uri) } : undefined, uri);
          }
        } else {
          // Endpoints of externals and gateways are not modelled; the path documents intent.
        }
      }
    }
    this.calls.push(call);
    return call;
  }

  private findEndpoint(service: ServiceInfo, method: string, path: string): EndpointInfo | undefined {
    const wanted = normalizePath(path);
    for (const api of service.apis) {
      for (const ep of api.endpoints) {
        if (ep.method !== method) continue;
        if (normalizePath(ep.fullPath) === wanted || normalizePath(ep.path) === wanted) return ep;
      }
    }
    return undefined;
  }

  private resolveServiceRelations(service: ServiceInfo): void {
    const uri = (this.uri = service.uri);
    for (const rel of service.decl.relations) this.resolveRelation(rel, service, uri);
  }

  private resolveRelation(rel: Relation, owner: ServiceInfo | ComponentInfo, uri: string): void {
    const service = "apis" in owner ? owner : undefined;
    switch (rel.kind) {
      case "Calls":
        owner.calls.push(this.resolveCall(rel, owner, uri));
        return;
      case "Routes":
        if (!("kind" in owner) || owner.kind !== "gateway") {
          this.report(rel.keyword, "error", "model/misplaced-relation", "`routes` belongs to a gateway.", undefined, uri);
          return;
        }
        for (const target of rel.targets) {
          const sym = this.resolveTopLevel(target, ["service"], "a service", uri);
          const gateway = owner as ComponentInfo;
          const timeout = gateway.properties.find((p) => p.key.text === "timeout")?.values[0];
          const call: CallInfo = { decl: { kind: "Route", span: target, gateway }, uri, from: owner, breaker: false, span: target };
          if (timeout?.valueKind === "duration") call.timeoutMs = timeout.number ?? 0;
          if (sym) call.target = this.info.get(sym.node) as ServiceInfo;
          owner.calls.push(call);
          this.calls.push(call);
        }
        return;
      case "Publishes":
      case "Consumes": {
        if (!service) {
          this.report(rel.keyword, "error", "model/misplaced-relation", `\`${rel.keyword.text}\` belongs to a service.`, undefined, uri);
          return;
        }
        const msg: MessageInfo = { decl: rel, uri, service, idempotent: rel.kind === "Consumes" && !!rel.idempotent };
        if (!rel.event.missing) {
          const target = this.lookupMember(rel.event, service);
          if (target && target !== "reported") {
            this.addReference(rel.event, target.symbol, uri);
            if ("fields" in target && target.kind === "event") msg.event = target;
            else this.report(rel.event, "error", "name/wrong-kind", `\`${rel.event.text}\` is not an event: declare it with \`event ${rel.event.text} { … }\`.`, undefined, uri);
          } else if (!target) {
            this.unresolved(rel.event, "event", { list: "events", build: () => this.schemasOfKind("event") }, uri);
          }
        }
        const q = this.resolveTopLevel(rel.queue, ["queue"], "a queue", uri);
        if (q) msg.queue = this.info.get(q.node) as ComponentInfo;
        (rel.kind === "Publishes" ? service.publishes : service.consumes).push(msg);
        this.messages.push(msg);
        return;
      }
      case "Store": {
        if (!service) {
          this.report(rel.keyword, "error", "model/misplaced-relation", `\`${rel.keyword.text}\` belongs to a service.`, undefined, uri);
          return;
        }
        const store: StoreInfo = { decl: rel, uri, service, access: rel.access };
        const sym = this.resolveTopLevel(rel.target, ["database"], "a database", uri);
        if (sym) store.target = this.info.get(sym.node) as ComponentInfo;
        if (rel.access === "database") {
          if (service.database) this.report(rel, "error", "model/duplicate-database", `Service ${service.symbol.name} already names its database (\`${service.database.symbol.name}\`); a service has one database.`, undefined, uri);
          else if (store.target) service.database = store.target;
        }
        service.stores.push(store);
        this.stores.push(store);
        return;
      }
      case "Uses": {
        const use: UsesInfo = { decl: rel, uri, from: owner };
        if (rel.ttl) use.ttl = rel.ttl;
        const sym = this.resolveTopLevel(rel.target, ["cache"], "a cache", uri);
        if (sym) use.target = this.info.get(sym.node) as ComponentInfo;
        owner.uses.push(use);
        this.uses.push(use);
        return;
      }
    }
  }

  private resolveComponent(component: ComponentInfo): void {
    const uri = (this.uri = component.uri);
    for (const rel of component.decl.relations) this.resolveRelation(rel, component, uri);
    if (component.kind === "queue") {
      const dl = component.properties.find((p) => p.key.text === "dead_letter")?.values[0];
      if (dl && dl.valueKind === "word" && dl.text !== "none") {
        const id: Identifier = { kind: "Identifier", text: dl.text, start: dl.start, end: dl.end };
        this.resolveTopLevel(id, ["queue"], "a queue", uri);
      }
    }
  }

  // ---- property checks -------------------------------------------------------

  private checkProperties(props: Property[], context: PropertyContext): void {
    const known = KNOWN_PROPERTIES[context];
    for (const p of props) {
      const key = p.key.text;
      if (!known.includes(key)) {
        const s = closest(key, known);
        this.report(p.key, "warning", "model/unknown-property", `Unknown property \`${key}\` for ${context === "endpoint" ? "an endpoint" : context === "api" ? "an api" : `a ${context}`}.${s ? ` Did you mean \`${s}\`?` : ""}`, s ? { fixes: this.renameFix(p.key, s) } : undefined);
        continue;
      }
      this.checkPropertyValues(p);
    }
  }

  private checkPropertyValues(p: Property): void {
    const key = p.key.text;
    const v = p.values;
    const first = v[0];
    const bad = (message: string) => this.report(p.values.length ? { start: p.values[0]!.start, end: p.values[p.values.length - 1]!.end } : p.key, "error", "model/invalid-value", message);
    switch (key) {
      case "owner":
      case "description":
      case "tech":
      case "summary":
      case "correlation":
      case "license":
        if (!first || first.valueKind !== "string" || v.length > 1) bad(`\`${key}\` takes one text in quotes: \`${key} "…"\`.`);
        return;
      case "health":
      case "ready":
        if (!first || (first.valueKind !== "string" && first.valueKind !== "path") || v.length > 1) bad(`\`${key}\` takes the probe's path: \`${key} "/${key === "health" ? "healthz" : "readyz"}"\`.`);
        else if (!first.text.startsWith("/")) bad(`\`${key}\` is a path starting with \`/\`.`);
        return;
      case "replicas":
      case "max_deliveries":
      case "partitions":
        if (!first || first.valueKind !== "number" || v.length > 1 || !Number.isInteger(first.number) || (first.number ?? 0) < 1) bad(`\`${key}\` takes a whole number of at least 1.`);
        return;
      case "timeout":
      case "cache":
      case "retention":
        if (!first || first.valueKind !== "duration" || v.length > 1) bad(`\`${key}\` takes a duration such as \`30s\`.`);
        return;
      case "latency":
        if (v.length !== 2 || v[0]!.valueKind !== "word" || !/^p\d{1,2}(\.\d+)?$/.test(v[0]!.text) || v[1]!.valueKind !== "duration") bad("`latency` takes a percentile and a duration: `latency p99 200ms`.");
        return;
      case "auth":
        this.parseAuth(p, true);
        return;
      case "ratelimit":
        this.parseRateLimit(p, true);
        return;
      case "dead_letter":
      case "errors":
        if (!first || first.valueKind !== "word" || v.length > 1) bad(key === "errors" ? "`errors` names the error type: `errors Problem`." : "`dead_letter` names another queue: `dead_letter orders_dlq`.");
        return;
    }
  }

  private parseAuth(p: Property, report: boolean): AuthSetting | undefined {
    const first = p.values[0];
    const scheme = first?.valueKind === "word" ? (first.text as AuthScheme) : undefined;
    if (!scheme || !AUTH_SCHEMES.has(scheme)) {
      if (report) {
        const s = first ? closest(first.text, AUTH_SCHEMES) : undefined;
        this.report(first ?? p.key, "error", "model/invalid-value", `\`auth\` takes none, jwt, oauth2 (with scopes), apikey, basic or mtls${first ? `, not \`${first.text}\`` : ""}.${s ? ` Did you mean \`${s}\`?` : ""}`, s && first ? { fixes: this.renameFix(first, s) } : undefined);
      }
      return undefined;
    }
    const scopes = p.values.slice(1).map((x) => x.text);
    if (report && scheme !== "oauth2" && scopes.length) {
      this.report({ start: p.values[1]!.start, end: p.values[p.values.length - 1]!.end }, "error", "model/invalid-value", `Only \`oauth2\` takes scopes; \`${scheme}\` takes none.`);
    }
    return { scheme, scopes, property: p };
  }

  private parseRateLimit(p: Property, report: boolean): RateLimitSetting | undefined {
    const [rate, per, who] = p.values;
    if (rate && rate.valueKind === "word" && rate.text === "none" && p.values.length === 1) return { none: true, perSecond: 0, text: "none", property: p };
    const ok = rate && rate.valueKind === "rate" && (!per || (per.text === "per" && who && ["client", "ip", "user", "key", "tenant"].includes(who.text) && p.values.length === 3));
    if (!ok) {
      if (report) this.report(p.values.length ? { start: p.values[0]!.start, end: p.values[p.values.length - 1]!.end } : p.key, "error", "model/invalid-value", "`ratelimit` takes a rate and optionally who it counts: `ratelimit 100/min per client` (client, ip, user, key or tenant), or `none`.");
      return undefined;
    }
    const setting: RateLimitSetting = { none: false, perSecond: rate.number ?? 0, text: rate.text, property: p };
    if (who) setting.per = who.text;
    return setting;
  }

  private authOf(props: Property[]): AuthSetting | undefined {
    const p = props.find((x) => x.key.text === "auth");
    return p ? this.parseAuth(p, false) : undefined;
  }

  private rateLimitOf(props: Property[]): RateLimitSetting | undefined {
    const p = props.find((x) => x.key.text === "ratelimit");
    return p ? this.parseRateLimit(p, false) : undefined;
  }
}
