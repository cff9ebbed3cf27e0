// Where diagnostics land (shared/design/lint-conventions.md): the narrowest
// construct a fix changes. Rules use these instead of computing spans ad hoc.

import type { Span } from "../syntax/ast";
import type { ApiInfo, EndpointInfo, FieldInfo, SchemaInfo, ServiceInfo, SystemInfo } from "../semantic/model";

/** An endpoint's line: method to the end of its responses and flags (not its block). */
export function endpointSpan(ep: EndpointInfo): Span {
  return { start: ep.decl.start, end: ep.decl.lineEnd };
}

/** An `api` line: the keyword and the base string. */
export function apiSpan(api: ApiInfo): Span {
  return { start: api.decl.keyword.start, end: api.decl.base?.end ?? api.decl.keyword.end };
}

/** A field's line: name to the end of its attributes. */
export function fieldSpan(field: FieldInfo): Span {
  return { start: field.decl.start, end: field.decl.end };
}

/** A declaration's name. */
export function nameSpan(info: ServiceInfo | SchemaInfo | SystemInfo): Span {
  const n = info.decl.name;
  return { start: n.start, end: n.end };
}
