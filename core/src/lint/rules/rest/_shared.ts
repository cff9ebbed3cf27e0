// Helpers shared by the REST rules (not a rule itself): path segments, and
// the text edits their quick fixes need (flags, block properties, path
// renames that also update the `calls` lines naming the endpoint).

import type { TextEdit } from "../../../diagnostics/diagnostic";
import type { ApiInfo, CallInfo, EndpointInfo, Model, SchemaInfo, ServiceInfo } from "../../../semantic/model";
import { LineIndex } from "../../../text/line-index";
import { joinPath, normalizePath } from "../../../util/names";

/** A static or parameter segment of a path; offsets are relative to the path text. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  /** The whole segment is one `{param}`. */
  param: boolean;
}

/** The path without its query string or fragment (`/search?q=x` → `/search`). */
export function pathPart(path: string): string {
  const i = path.search(/[?#]/);
  return i < 0 ? path : path.slice(0, i);
}

/** The non-empty segments of a path (query string and fragment excluded). */
export function segmentsOf(path: string): Segment[] {
  const out: Segment[] = [];
  let offset = 0;
  for (const part of pathPart(path).split("/")) {
    if (part) out.push({ text: part, start: offset, end: offset + part.length, param: /^\{[^{}]*\}$/.test(part) });
    offset += part.length + 1;
  }
  return out;
}

/** The literal text of a segment with its `{param}` pieces replaced by a space. */
export function literalOf(segment: string): string {
  return segment.replace(/\{[^{}]*\}/g, " ");
}

/** A route key: method plus the full path without parameter names, query or fragment. */
export function routeKey(method: string, fullPath: string): string {
  return `${method} ${normalizePath(pathPart(fullPath))}`;
}

const routeIndexes = new WeakMap<Model, Map<ServiceInfo, Map<string, EndpointInfo[]>>>();

/** The model's endpoints by service and route key, in model order; built once per model (rules ask per diagnostic). */
function routeIndex(model: Model): Map<ServiceInfo, Map<string, EndpointInfo[]>> {
  let index = routeIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const o of model.endpoints) {
      let byKey = index.get(o.service);
      if (!byKey) index.set(o.service, (byKey = new Map()));
      const key = routeKey(o.method, o.fullPath);
      const list = byKey.get(key);
      if (list) list.push(o);
      else byKey.set(key, [o]);
    }
    routeIndexes.set(model, index);
  }
  return index;
}

/** Another endpoint of the same service with `method` and the full path `base + path`. */
export function endpointAt(model: Model, ep: EndpointInfo, method: string, path: string, api: ApiInfo = ep.api): EndpointInfo | undefined {
  const key = routeKey(method, joinPath(api.base, path));
  return routeIndex(model).get(ep.service)?.get(key)?.find((o) => o !== ep);
}

const callIndexes = new WeakMap<Model, Map<EndpointInfo, CallInfo[]>>();

/** The `calls` that name each endpoint, in model order; built once per model. */
function callsNaming(model: Model, ep: EndpointInfo): readonly CallInfo[] {
  let index = callIndexes.get(model);
  if (!index) {
    index = new Map();
    for (const call of model.calls) {
      if (!call.endpoint) continue;
      const list = index.get(call.endpoint);
      if (list) list.push(call);
      else index.set(call.endpoint, [call]);
    }
    callIndexes.set(model, index);
  }
  return index.get(ep) ?? [];
}

/** A change to one segment of an endpoint's path: new text, or `null` to remove it. */
export interface SegmentChange {
  index: number;
  newText: string | null;
}

/** Applies segment changes to a path string. */
export function changePath(path: string, changes: readonly SegmentChange[]): string {
  const segs = segmentsOf(path);
  let out = path;
  for (const c of [...changes].sort((a, b) => b.index - a.index)) {
    const s = segs[c.index];
    if (!s) continue;
    out = c.newText === null ? out.slice(0, s.start - 1) + out.slice(s.end) : out.slice(0, s.start) + c.newText + out.slice(s.end);
  }
  return out || "/";
}

/**
 * Edits that apply segment changes to an endpoint's path and to every `calls`
 * line that names the endpoint (by its full path or its path within the api).
 */
export function pathChangeEdits(model: Model, ep: EndpointInfo, changes: readonly SegmentChange[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const target = (uri: string, pathStart: number, pathText: string, shift: number) => {
    const segs = segmentsOf(pathText);
    for (const c of changes) {
      const s = segs[c.index + shift];
      if (!s) continue;
      if (c.newText === null) edits.push({ uri, start: pathStart + s.start - 1, end: pathStart + s.end, newText: "" });
      else edits.push({ uri, start: pathStart + s.start, end: pathStart + s.end, newText: c.newText });
    }
  };
  target(ep.uri, ep.decl.path.start, ep.decl.path.text, 0);
  const own = segmentsOf(ep.path).length;
  for (const call of callsNaming(model, ep)) {
    if (call.decl.kind !== "Calls" || !call.decl.path) continue;
    const p = call.decl.path;
    target(call.uri, p.start, p.text, Math.max(0, segmentsOf(p.text).length - own));
  }
  return edits;
}

/** Inserts a flag after the endpoint's responses (before its block). */
export function addFlagEdit(ep: EndpointInfo, flag: string): TextEdit {
  return { uri: ep.uri, start: ep.decl.lineEnd, end: ep.decl.lineEnd, newText: ` ${flag}` };
}

/** Adds statements (`query q text`) to an endpoint's `{ }` block, creating it when there is none. */
export function addToEndpointBlock(text: string, ep: EndpointInfo, statements: readonly string[]): TextEdit[] {
  const uri = ep.uri;
  const block = ep.decl.block;
  if (!block) return [{ uri, start: ep.decl.lineEnd, end: ep.decl.lineEnd, newText: ` { ${statements.join("; ")} }` }];
  return addToBlock(text, uri, block, statements);
}

/** Adds a property line to an api block, before its first member. */
export function addToApiBlock(text: string, api: ApiInfo, statement: string): TextEdit[] {
  const block = api.decl.block;
  if (!block) {
    const at = api.decl.base?.end ?? api.decl.keyword.end;
    return [{ uri: api.uri, start: at, end: at, newText: ` { ${statement} }` }];
  }
  const firstMember = [...api.decl.properties, ...api.decl.endpoints].map((m) => m.start).sort((a, b) => a - b)[0];
  if (firstMember === undefined) return addToBlock(text, api.uri, block, [statement]);
  const lineStart = text.lastIndexOf("\n", firstMember - 1) + 1;
  const before = text.slice(lineStart, firstMember);
  if (before.trim() !== "") return [{ uri: api.uri, start: firstMember, end: firstMember, newText: `${statement}; ` }];
  return [{ uri: api.uri, start: lineStart, end: lineStart, newText: `${before}${statement}\n` }];
}

function addToBlock(text: string, uri: string, block: { start: number; end: number }, statements: readonly string[]): TextEdit[] {
  const open = block.start + 1;
  const close = block.end - 1;
  const inner = text.slice(open, close);
  if (inner.trim() === "") return [{ uri, start: open, end: close, newText: ` ${statements.join("; ")} ` }];
  const contentEnd = open + inner.trimEnd().length;
  if (!inner.includes("\n") || text.slice(text.lastIndexOf("\n", close - 1) + 1, close).trim() !== "") {
    return [{ uri, start: contentEnd, end: contentEnd, newText: `; ${statements.join("; ")}` }];
  }
  // A multi-line block: new lines with the indentation of the last member.
  const lastLineStart = text.lastIndexOf("\n", contentEnd - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lastLineStart, contentEnd))![0];
  return [{ uri, start: contentEnd, end: contentEnd, newText: statements.map((s) => `\n${indent}${s}`).join("") }];
}

/** Schemas reachable from `roots` through fields typed with another schema (cycles allowed). */
export function reachableSchemas(roots: Iterable<SchemaInfo>): Set<SchemaInfo> {
  const seen = new Set<SchemaInfo>();
  const stack = [...roots];
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    for (const f of s.fields) if (f.type.schema && !seen.has(f.type.schema)) stack.push(f.type.schema);
  }
  return seen;
}

/** Success statuses: 2xx and 3xx. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status < 400;
}

/** Inserts a status into an endpoint's responses, keeping them in numeric order. */
export function addStatusEdits(ep: EndpointInfo, statuses: readonly number[]): TextEdit[] {
  const uri = ep.uri;
  const responses = ep.decl.responses;
  if (responses.length === 0) {
    const at = ep.decl.arrow?.end ?? ep.decl.body?.end ?? ep.decl.path.end;
    return [{ uri, start: at, end: at, newText: `${ep.decl.arrow ? " " : " -> "}${[...statuses].sort((a, b) => a - b).join(", ")}` }];
  }
  // One edit per insertion point, so that two statuses inserted at one place keep their order.
  const before = new Map<number, number[]>();
  const after: number[] = [];
  for (const status of [...statuses].sort((a, b) => a - b)) {
    const next = responses.find((r) => (r.status.number ?? 0) > status);
    if (next) before.set(next.start, [...(before.get(next.start) ?? []), status]);
    else after.push(status);
  }
  const edits: TextEdit[] = [...before].map(([at, list]) => ({ uri, start: at, end: at, newText: `${list.join(", ")}, ` }));
  const last = responses[responses.length - 1]!.end;
  if (after.length) edits.push({ uri, start: last, end: last, newText: `, ${after.join(", ")}` });
  return edits;
}

/**
 * Where a missing api-wide setting (`auth`, `ratelimit`) is reported
 * (lint-conventions.md): nothing when the api sets it; once on the `api` line
 * when no endpoint sets its own; else on each endpoint lacking it. A setting
 * that is written but invalid counts as set (the analyzer reports it).
 */
export function missingApiSetting(api: ApiInfo, key: string): { onApi: boolean; endpoints: EndpointInfo[] } {
  const none = { onApi: false, endpoints: [] };
  // The endpoint's own setting wins, then its api's, then its service's.
  if (api.decl.properties.some((p) => p.key.text === key)) return none;
  if (api.service.properties.some((p) => p.key.text === key)) return none;
  const lacking = api.endpoints.filter((ep) => !ep.decl.properties.some((p) => p.key.text === key));
  if (lacking.length === 0) return none;
  if (lacking.length === api.endpoints.length) return { onApi: true, endpoints: [] };
  return { onApi: false, endpoints: lacking };
}

const brokenCache = new WeakMap<Model, Set<object>>();

/**
 * Endpoints and apis whose text has a syntax error (on their line or in their
 * block): the parser skipped part of them, so the REST rules judge none of it
 * (one error per broken construct).
 */
function broken(model: Model): Set<object> {
  let set = brokenCache.get(model);
  if (set) return set;
  set = new Set();
  let apisByUri: Map<string, ApiInfo[]> | undefined;
  for (const file of model.files.values()) {
    const errors = file.diagnostics.filter((d) => d.severity === "error");
    if (!errors.length) continue;
    if (!apisByUri) {
      // Grouped once, not scanned once per file with errors.
      apisByUri = new Map();
      for (const api of model.apis) {
        const list = apisByUri.get(api.uri);
        if (list) list.push(api);
        else apisByUri.set(api.uri, [api]);
      }
    }
    const lines = new LineIndex(file.text);
    const hit = (start: number, end: number) => {
      const to = Math.max(end, lines.lineEnd(lines.lineOf(end)));
      return errors.some((d) => d.start >= start && d.start <= to);
    };
    for (const api of apisByUri.get(file.uri) ?? []) {
      if (hit(api.decl.keyword.start, api.decl.block?.start ?? api.decl.end)) set.add(api);
      for (const ep of api.endpoints) if (hit(ep.decl.start, Math.max(ep.decl.end, ep.decl.lineEnd))) set.add(ep);
    }
  }
  brokenCache.set(model, set);
  return set;
}

/** The endpoints the REST rules judge: those without syntax errors. */
export function intactEndpoints(model: Model): EndpointInfo[] {
  const b = broken(model);
  return b.size ? model.endpoints.filter((ep) => !b.has(ep)) : model.endpoints;
}

/** The apis whose `api` line has no syntax error. */
export function intactApis(model: Model): ApiInfo[] {
  const b = broken(model);
  return b.size ? model.apis.filter((api) => !b.has(api)) : model.apis;
}

/** True when the endpoint has a syntax error. */
export function isBroken(model: Model, ep: EndpointInfo): boolean {
  return broken(model).has(ep);
}
