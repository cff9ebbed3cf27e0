// The semantic model of a workspace: every declaration as a symbol, every
// reference resolved (or reported), and the derived facts that the linter,
// generators and editor features need (table names, ownership, the call and
// message graph, the settings an endpoint inherits from its api).

import type {
  Api,
  ArchFile,
  CallsRelation,
  Component,
  ComponentKind,
  ConsumesRelation,
  Endpoint,
  EnumDecl,
  EnumMember,
  Field,
  Node,
  ParameterDecl,
  Property,
  PublishesRelation,
  SchemaDecl,
  Service,
  Span,
  StoreRelation,
  SystemDecl,
  TypeRef,
  UsesRelation,
  Value,
} from "../syntax/ast";
import type { Diagnostic } from "../diagnostics/diagnostic";

export type SymbolKind =
  | "system"
  | ComponentKind
  | "service"
  | "entity"
  | "type"
  | "event"
  | "enum"
  | "enumMember"
  | "field"
  | "api"
  | "endpoint";

export interface ArchSymbol {
  kind: SymbolKind;
  name: string;
  /** `Catalog.Product.price`; services and components are their bare name. */
  qualifiedName: string;
  uri: string;
  /** The declaration node. */
  node: Node;
  /** Where the name is written (for an api, its keyword; for an endpoint, method and path). */
  nameSpan: Span;
  parent?: ArchSymbol;
  doc?: string;
}

export interface Reference {
  uri: string;
  start: number;
  end: number;
  symbol: ArchSymbol;
}

export const BUILTIN_TYPES = [
  "uuid",
  "smallint",
  "int",
  "bigint",
  "serial",
  "bigserial",
  "decimal",
  "float",
  "double",
  "money",
  "bool",
  "text",
  "varchar",
  "char",
  "date",
  "time",
  "timestamp",
  "timestamptz",
  "interval",
  "json",
  "jsonb",
  "bytes",
] as const;
export type BuiltinType = (typeof BUILTIN_TYPES)[number];

export interface ResolvedType {
  ref: TypeRef;
  builtin?: BuiltinType;
  schema?: SchemaInfo;
  enum?: EnumInfo;
  args: number[];
  array: boolean;
  optional: boolean;
  /** The written name, for display: `decimal(12, 2)[]?`. */
  display: string;
}

export interface SystemInfo {
  symbol: ArchSymbol;
  decl: SystemDecl;
  uri: string;
  services: ServiceInfo[];
  components: ComponentInfo[];
  /** Schemas and enums declared directly in the system, outside any service. */
  schemas: SchemaInfo[];
  enums: EnumInfo[];
  properties: Property[];
}

export interface ComponentInfo {
  symbol: ArchSymbol;
  decl: Component;
  uri: string;
  kind: ComponentKind;
  system?: SystemInfo;
  engine?: string;
  properties: Property[];
  /** A gateway's `routes` targets and a client's `calls`. */
  calls: CallInfo[];
  uses: UsesInfo[];
}

export interface ServiceInfo {
  symbol: ArchSymbol;
  decl: Service;
  uri: string;
  system?: SystemInfo;
  properties: Property[];
  entities: SchemaInfo[];
  types: SchemaInfo[];
  events: SchemaInfo[];
  enums: EnumInfo[];
  apis: ApiInfo[];
  calls: CallInfo[];
  publishes: MessageInfo[];
  consumes: MessageInfo[];
  stores: StoreInfo[];
  uses: UsesInfo[];
  /** The database named on this service's `database` line. */
  database?: ComponentInfo;
}

export interface SchemaInfo {
  symbol: ArchSymbol;
  decl: SchemaDecl;
  uri: string;
  kind: "entity" | "type" | "event";
  service?: ServiceInfo;
  system?: SystemInfo;
  fields: FieldInfo[];
  /** For entities: the table name (`@@table`, or the name in plural snake_case). */
  tableName: string;
}

export interface FieldInfo {
  symbol: ArchSymbol;
  decl: Field;
  schema: SchemaInfo;
  type: ResolvedType;
  /** `@ref(Entity.field)` resolved. */
  ref?: { entity?: SchemaInfo; field?: FieldInfo; span: Span };
}

export interface EnumInfo {
  symbol: ArchSymbol;
  decl: EnumDecl;
  uri: string;
  service?: ServiceInfo;
  system?: SystemInfo;
  members: { symbol: ArchSymbol; decl: EnumMember }[];
}

export type AuthScheme = "none" | "jwt" | "oauth2" | "apikey" | "basic" | "mtls";

export interface AuthSetting {
  scheme: AuthScheme;
  scopes: string[];
  property: Property;
}

export interface RateLimitSetting {
  /** `ratelimit none`: explicitly unlimited. */
  none: boolean;
  perSecond: number;
  text: string;
  per?: string;
  property: Property;
}

export interface ApiInfo {
  symbol: ArchSymbol;
  decl: Api;
  uri: string;
  service: ServiceInfo;
  base: string;
  auth?: AuthSetting;
  rateLimit?: RateLimitSetting;
  errors?: ResolvedType;
  endpoints: EndpointInfo[];
}

export interface ParameterInfo {
  decl?: ParameterDecl;
  name: string;
  location: "path" | "query" | "header";
  type?: ResolvedType;
}

export interface ResponseInfo {
  status: number;
  type?: ResolvedType;
  span: Span;
}

export interface EndpointInfo {
  symbol: ArchSymbol;
  decl: Endpoint;
  uri: string;
  api: ApiInfo;
  service: ServiceInfo;
  method: string;
  /** The path as written under the api. */
  path: string;
  /** Base plus path, with one slash between. */
  fullPath: string;
  /** Names of `{params}` in the path, in order (empty names included). */
  pathParams: string[];
  body?: ResolvedType;
  responses: ResponseInfo[];
  flags: Set<string>;
  parameters: ParameterInfo[];
  /** Effective settings: the endpoint's own, else its api's, else its service's. */
  auth?: AuthSetting;
  authSource?: "endpoint" | "api" | "service";
  rateLimit?: RateLimitSetting;
  rateLimitSource?: "endpoint" | "api" | "service";
  summary?: string;
  cacheMs?: number;
}

export interface CallInfo {
  decl: CallsRelation | { kind: "Route"; span: Span; gateway: ComponentInfo };
  uri: string;
  /** The caller: a service, or a gateway/client component. */
  from: ServiceInfo | ComponentInfo;
  target?: ServiceInfo | ComponentInfo;
  endpoint?: EndpointInfo;
  timeoutMs?: number;
  retries?: number;
  breaker: boolean;
  /** The span a diagnostic about this call lands on. */
  span: Span;
}

export interface MessageInfo {
  decl: PublishesRelation | ConsumesRelation;
  uri: string;
  service: ServiceInfo;
  event?: SchemaInfo;
  queue?: ComponentInfo;
  idempotent: boolean;
}

export interface StoreInfo {
  decl: StoreRelation;
  uri: string;
  service: ServiceInfo;
  access: "database" | "reads" | "writes";
  target?: ComponentInfo;
}

export interface UsesInfo {
  decl: UsesRelation;
  uri: string;
  from: ServiceInfo | ComponentInfo;
  target?: ComponentInfo;
  ttl?: Value;
}

export interface Model {
  files: ReadonlyMap<string, ArchFile>;
  systems: SystemInfo[];
  services: ServiceInfo[];
  components: ComponentInfo[];
  schemas: SchemaInfo[];
  enums: EnumInfo[];
  apis: ApiInfo[];
  endpoints: EndpointInfo[];
  calls: CallInfo[];
  messages: MessageInfo[];
  stores: StoreInfo[];
  uses: UsesInfo[];
  /** Every declared symbol, in file and source order. */
  symbols: ArchSymbol[];
  /** Every resolved reference (not declarations). */
  references: Reference[];
  /** Syntax and name diagnostics of every file. */
  diagnostics: Diagnostic[];
  /** Symbols by name (services, components, schemas and enums). */
  byName: ReadonlyMap<string, ArchSymbol[]>;
  /** The semantic object behind a symbol's declaration node. */
  infoOf(node: Node): SemanticInfo | undefined;
}

export type SemanticInfo = SystemInfo | ComponentInfo | ServiceInfo | SchemaInfo | FieldInfo | EnumInfo | ApiInfo | EndpointInfo;
