// The syntax tree of an .arch file. Every node carries exact UTF-16 offsets
// [start, end) into its file's text. The tree holds no semantic information:
// names are not resolved here. Pieces the parser expected but did not find are
// present as nodes flagged `missing` with an empty range, so that consumers can
// rely on the shape of the tree on any input.

import type { Diagnostic } from "../diagnostics/diagnostic";

export interface Span {
  start: number;
  end: number;
}

export interface Identifier extends Span {
  kind: "Identifier";
  text: string;
  /** True when the parser expected a name here and found none. */
  missing?: boolean;
}

export interface StringLiteral extends Span {
  kind: "String";
  /** The decoded value, escapes resolved. */
  value: string;
}

export interface DocComment extends Span {
  /** The text of the `///` lines without the slashes, joined with newlines. */
  text: string;
}

export interface Comment extends Span {
  kind: "line" | "block" | "doc";
  text: string;
}

/** A value in a property line: `owner "x"`, `ratelimit 100/min per client`. */
export interface Value extends Span {
  kind: "Value";
  valueKind: "word" | "string" | "number" | "duration" | "rate" | "path";
  /** Source text (for strings, the decoded value). */
  text: string;
  /** Numeric value for numbers; milliseconds for durations; events per second for rates. */
  number?: number;
}

export interface TypeRef extends Span {
  kind: "TypeRef";
  /** `Catalog.Product` is written with a qualifier. */
  qualifier?: Identifier;
  name: Identifier;
  /** `decimal(12, 2)` → [12, 2]. */
  args: Value[];
  array: boolean;
  optional: boolean;
}

export interface AttributeArg extends Span {
  kind: "AttributeArg";
  argKind: "ident" | "qualified" | "string" | "number";
  /** For `qualified`, the first part (`Category` in `Category.id`). */
  qualifier?: Identifier;
  /** For ident and qualified, the (last) name. */
  name?: Identifier;
  text: string;
  value?: string | number;
}

/** `@unique`, `@default(now)`, or with `table: true` an entity-level `@@index(a, b)`. */
export interface Attribute extends Span {
  kind: "Attribute";
  table: boolean;
  name: Identifier;
  args: AttributeArg[];
  /** True when written with parentheses, even if empty. */
  hasParens: boolean;
}

export interface Field extends Span {
  kind: "Field";
  doc?: DocComment;
  name: Identifier;
  type: TypeRef;
  attributes: Attribute[];
}

export interface Property extends Span {
  kind: "Property";
  key: Identifier;
  values: Value[];
}

/** `param id uuid`, `query status ProductStatus?`, `header X-Tenant text` in an endpoint block. */
export interface ParameterDecl extends Span {
  kind: "Parameter";
  location: "path" | "query" | "header";
  keyword: Identifier;
  name: Identifier;
  type: TypeRef;
}

export interface EnumMember extends Span {
  kind: "EnumMember";
  doc?: DocComment;
  name: Identifier;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
export const HTTP_METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

export interface PathLiteral extends Span {
  kind: "Path";
  text: string;
  missing?: boolean;
}

export interface Response extends Span {
  kind: "Response";
  status: Value; // valueKind "number"
  type?: TypeRef;
}

/** `bounded` says a list is small by design and needs no pagination. */
export type EndpointFlagName = "paginated" | "idempotent" | "deprecated" | "async" | "bounded";
export const ENDPOINT_FLAGS: readonly EndpointFlagName[] = ["paginated", "idempotent", "deprecated", "async", "bounded"];

export interface EndpointFlag extends Span {
  kind: "Flag";
  name: EndpointFlagName;
}

export interface Endpoint extends Span {
  kind: "Endpoint";
  doc?: DocComment;
  method: Identifier;
  path: PathLiteral;
  body?: TypeRef;
  /** Range of the `->` arrow, if present. */
  arrow?: Span;
  responses: Response[];
  flags: EndpointFlag[];
  /** Span of `{ … }` when the endpoint has a block. */
  block?: Span;
  properties: Property[];
  parameters: ParameterDecl[];
  /** End of the line part (method to last response or flag), excluding the block. */
  lineEnd: number;
}

export interface Api extends Span {
  kind: "Api";
  doc?: DocComment;
  keyword: Identifier;
  base?: StringLiteral;
  block?: Span;
  properties: Property[];
  endpoints: Endpoint[];
}

export interface CallsRelation extends Span {
  kind: "Calls";
  keyword: Identifier;
  target: Identifier;
  method?: Identifier;
  path?: PathLiteral;
  timeout?: Value;
  retries?: Value;
  breaker?: Identifier;
}

export interface PublishesRelation extends Span {
  kind: "Publishes";
  keyword: Identifier;
  event: Identifier;
  queue: Identifier;
}

export interface ConsumesRelation extends Span {
  kind: "Consumes";
  keyword: Identifier;
  event: Identifier;
  queue: Identifier;
  idempotent?: Identifier;
}

export interface StoreRelation extends Span {
  kind: "Store";
  keyword: Identifier;
  access: "database" | "reads" | "writes";
  target: Identifier;
}

export interface UsesRelation extends Span {
  kind: "Uses";
  keyword: Identifier;
  target: Identifier;
  /** `ttl 5m`: the duration; `ttl none`: a word value `none`. */
  ttl?: Value;
  ttlKeyword?: Identifier;
}

export interface RoutesRelation extends Span {
  kind: "Routes";
  keyword: Identifier;
  targets: Identifier[];
}

export type Relation = CallsRelation | PublishesRelation | ConsumesRelation | StoreRelation | UsesRelation | RoutesRelation;

export type ComponentKind = "gateway" | "database" | "cache" | "queue" | "client" | "external";
export const COMPONENT_KINDS: readonly ComponentKind[] = ["gateway", "database", "cache", "queue", "client", "external"];

export interface Component extends Span {
  kind: "Component";
  doc?: DocComment;
  componentKind: ComponentKind;
  keyword: Identifier;
  name: Identifier;
  engine?: Identifier;
  title?: StringLiteral;
  block?: Span;
  properties: Property[];
  relations: Relation[];
}

export interface Service extends Span {
  kind: "Service";
  doc?: DocComment;
  keyword: Identifier;
  name: Identifier;
  title?: StringLiteral;
  block?: Span;
  properties: Property[];
  relations: Relation[];
  schemas: SchemaDecl[];
  enums: EnumDecl[];
  apis: Api[];
  /** Members in source order, for features that need it (formatting, symbols). */
  members: ServiceMember[];
}

export type ServiceMember = Property | Relation | SchemaDecl | EnumDecl | Api;

export type SchemaKind = "entity" | "type" | "event";

/** An `entity`, `type` or `event` declaration: a list of fields. */
export interface SchemaDecl extends Span {
  kind: "Schema";
  schemaKind: SchemaKind;
  doc?: DocComment;
  keyword: Identifier;
  name: Identifier;
  block?: Span;
  fields: Field[];
  /** `@@index(...)` and friends (entities only; elsewhere an error is reported). */
  tableAttributes: Attribute[];
}

export interface EnumDecl extends Span {
  kind: "Enum";
  doc?: DocComment;
  keyword: Identifier;
  name: Identifier;
  block?: Span;
  members: EnumMember[];
}

export interface SystemDecl extends Span {
  kind: "System";
  doc?: DocComment;
  keyword: Identifier;
  name: Identifier;
  title?: StringLiteral;
  block?: Span;
  properties: Property[];
  declarations: Declaration[];
}

export type Declaration = SystemDecl | Component | Service | SchemaDecl | EnumDecl;

export interface ImportDecl extends Span {
  kind: "Import";
  keyword: Identifier;
  path?: StringLiteral;
}

export interface ArchFile {
  kind: "File";
  uri: string;
  text: string;
  imports: ImportDecl[];
  declarations: Declaration[];
  comments: Comment[];
  /** Syntax diagnostics. */
  diagnostics: Diagnostic[];
}

export type Node =
  | Identifier
  | StringLiteral
  | Value
  | TypeRef
  | AttributeArg
  | Attribute
  | Field
  | Property
  | ParameterDecl
  | EnumMember
  | PathLiteral
  | Response
  | EndpointFlag
  | Endpoint
  | Api
  | Relation
  | Component
  | Service
  | SchemaDecl
  | EnumDecl
  | SystemDecl
  | ImportDecl;
