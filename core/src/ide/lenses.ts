// Code lenses and inlay hints: what the model implies, shown where it applies.

import type { Model } from "../semantic/model";

export interface CodeLensData {
  start: number;
  end: number;
  title: string;
  /** A command the client knows (`archwright.openPreview`, …) and its arguments; undefined for an informational lens. */
  command?: { id: string; arguments: unknown[] };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function codeLenses(model: Model, uri: string): CodeLensData[] {
  const out: CodeLensData[] = [];
  for (const svc of model.services) {
    if (svc.uri !== uri) continue;
    const name = svc.decl.name;
    const endpoints = svc.apis.reduce((n, a) => n + a.endpoints.length, 0);
    const callers = new Set<string>();
    for (const c of model.calls) if (c.target === svc && "apis" in c.from) callers.add(c.from.symbol.name);
    out.push({ start: name.start, end: name.end, title: `${plural(endpoints, "endpoint")} · ${plural(svc.entities.length, "table")} · called by ${plural(callers.size, "service")}` });
    out.push({ start: name.start, end: name.end, title: "Preview diagram", command: { id: "archwright.openPreview", arguments: [uri, svc.symbol.name] } });
    if (endpoints > 0) out.push({ start: name.start, end: name.end, title: "Generate OpenAPI", command: { id: "archwright.generateOpenApi", arguments: [uri, svc.symbol.name] } });
    if (svc.entities.length > 0) out.push({ start: name.start, end: name.end, title: "Generate SQL", command: { id: "archwright.generateSql", arguments: [uri, svc.symbol.name] } });
  }
  // How often each entity is referenced and used by endpoints: one pass over the workspace, not one per entity.
  const refs = new Map<object, number>();
  const used = new Map<object, number>();
  const count = (m: Map<object, number>, k: object | undefined) => k && m.set(k, (m.get(k) ?? 0) + 1);
  for (const s of model.schemas) for (const f of s.fields) count(refs, f.ref?.entity);
  for (const e of model.endpoints) for (const k of new Set([e.body?.schema, ...e.responses.map((r) => r.type?.schema)])) count(used, k);
  for (const schema of model.schemas) {
    if (schema.uri !== uri || schema.kind !== "entity") continue;
    out.push({ start: schema.decl.name.start, end: schema.decl.name.end, title: `table ${schema.tableName} · ${plural(refs.get(schema) ?? 0, "reference")} · in ${plural(used.get(schema) ?? 0, "endpoint")}` });
  }
  return out;
}

export interface InlayHintData {
  offset: number;
  label: string;
  tooltip?: string;
}

/** An endpoint's inherited auth and rate limit, an entity's table name. */
export function inlayHints(model: Model, uri: string, range?: { start: number; end: number }): InlayHintData[] {
  const out: InlayHintData[] = [];
  const inRange = (o: number) => !range || (o >= range.start && o <= range.end);
  for (const ep of model.endpoints) {
    if (ep.uri !== uri || !inRange(ep.decl.lineEnd)) continue;
    const parts: string[] = [];
    if (ep.authSource !== "endpoint" && ep.auth) parts.push(`auth ${[ep.auth.scheme, ...ep.auth.scopes].join(" ")}`);
    if (ep.rateLimitSource !== "endpoint" && ep.rateLimit) parts.push(`ratelimit ${ep.rateLimit.text}${ep.rateLimit.per ? ` per ${ep.rateLimit.per}` : ""}`);
    if (parts.length) out.push({ offset: ep.decl.lineEnd, label: ` ${parts.join(" · ")}`, tooltip: "Inherited from the api block or the service" });
  }
  for (const schema of model.schemas) {
    if (schema.uri !== uri || schema.kind !== "entity" || !inRange(schema.decl.name.end)) continue;
    if (schema.decl.tableAttributes.some((a) => a.name.text === "table")) continue;
    out.push({ offset: schema.decl.name.end, label: ` table ${schema.tableName}`, tooltip: "The table name derived from the entity name" });
  }
  return out.sort((a, b) => a.offset - b.offset);
}
