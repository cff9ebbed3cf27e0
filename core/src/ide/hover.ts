// Hover: what the name under the cursor is, its docs and its resolved form
// (table name, an endpoint's full path and inherited settings), and for a
// lint diagnostic under the cursor, why the rule exists.

import type { Diagnostic } from "../diagnostics/diagnostic";
import { RULES_BY_ID } from "../lint/registry";
import { docsUrl } from "../lint/rule";
import type { ArchSymbol, ComponentInfo, EndpointInfo, EnumInfo, FieldInfo, Model, SchemaInfo, ServiceInfo } from "../semantic/model";
import { snakeCase } from "../util/names";
import { occurrenceAt } from "./navigation";

export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

export function hover(model: Model, uri: string, offset: number, diagnostics: readonly Diagnostic[] = []): HoverResult | undefined {
  const sections: string[] = [];
  let span: { start: number; end: number } | undefined;
  const o = occurrenceAt(model, uri, offset);
  if (o) {
    sections.push(describeSymbol(model, o.symbol));
    span = { start: o.start, end: o.end };
  }
  for (const d of diagnostics) {
    if (d.uri !== uri || offset < d.start || offset > d.end) continue;
    const rule = RULES_BY_ID.get(d.code);
    if (!rule) continue;
    sections.push(`**${rule.id}** (${d.severity}): ${rule.summary}\n\n${rule.docs.why}\n\n[Rule documentation](${docsUrl(rule.id)})`);
    span ??= { start: d.start, end: d.end };
  }
  if (!span || sections.length === 0) return undefined;
  return { markdown: sections.join("\n\n---\n\n"), ...span };
}

function code(text: string): string {
  return "```arch\n" + text + "\n```";
}

function withDoc(head: string, doc: string | undefined, facts: string[]): string {
  return [head, doc, facts.length ? facts.map((f) => `- ${f}`).join("\n") : undefined].filter(Boolean).join("\n\n");
}

export function describeSymbol(model: Model, s: ArchSymbol): string {
  const info = model.infoOf(s.node);
  switch (s.kind) {
    case "service": {
      const svc = info as ServiceInfo;
      const endpoints = svc.apis.reduce((n, a) => n + a.endpoints.length, 0);
      const callers = new Set(model.calls.filter((c) => c.target === svc && "apis" in c.from).map((c) => c.from.symbol.name));
      return withDoc(code(`service ${s.name}${svc.decl.title ? ` "${svc.decl.title.value}"` : ""}`), svc.decl.doc?.text, [
        svc.database ? `database \`${svc.database.symbol.name}\`` : "no database",
        `${endpoints} endpoint${endpoints === 1 ? "" : "s"} · ${svc.entities.length} table${svc.entities.length === 1 ? "" : "s"} · called by ${callers.size} service${callers.size === 1 ? "" : "s"}`,
      ]);
    }
    case "entity":
    case "type":
    case "event": {
      const schema = info as SchemaInfo;
      const facts: string[] = [];
      if (schema.kind === "entity") facts.push(`table \`${schema.service ? snakeCase(schema.service.symbol.name) + "." : ""}${schema.tableName}\``);
      facts.push(`${schema.fields.length} field${schema.fields.length === 1 ? "" : "s"}`);
      if (schema.service) facts.push(`owned by service \`${schema.service.symbol.name}\``);
      return withDoc(code(`${s.kind} ${s.qualifiedName}`), schema.decl.doc?.text, facts);
    }
    case "field": {
      const field = info as FieldInfo;
      const attrs = field.decl.attributes.map((a) => model.files.get(s.uri)!.text.slice(a.start, a.end)).join(" ");
      const facts: string[] = [];
      if (field.ref?.field) facts.push(`references \`${field.ref.field.symbol.qualifiedName}\``);
      if (field.schema.kind === "entity") facts.push(`column \`${field.schema.tableName}.${s.name}\``);
      return withDoc(code(`${s.name} ${field.type.display}${attrs ? " " + attrs : ""}`), field.decl.doc?.text, facts);
    }
    case "enum": {
      const e = info as EnumInfo;
      return withDoc(code(`enum ${s.qualifiedName} { ${e.members.map((m) => m.symbol.name).join(", ")} }`), e.decl.doc?.text, []);
    }
    case "enumMember":
      return withDoc(code(`${s.parent?.qualifiedName ?? ""}.${s.name}`), s.doc, []);
    case "endpoint": {
      const ep = info as EndpointInfo;
      const facts = [`full path \`${ep.method} ${ep.fullPath}\``];
      facts.push(ep.auth ? `auth \`${[ep.auth.scheme, ...ep.auth.scopes].join(" ")}\`${ep.authSource && ep.authSource !== "endpoint" ? ` (from the ${ep.authSource})` : ""}` : "no auth");
      facts.push(ep.rateLimit ? `rate limit \`${ep.rateLimit.text}${ep.rateLimit.per ? ` per ${ep.rateLimit.per}` : ""}\`${ep.rateLimitSource && ep.rateLimitSource !== "endpoint" ? ` (from the ${ep.rateLimitSource})` : ""}` : "no rate limit");
      if (ep.flags.size) facts.push([...ep.flags].join(", "));
      return withDoc(code(`${ep.method} ${ep.path}`), ep.decl.doc?.text ?? ep.summary, facts);
    }
    case "system":
      return withDoc(code(`system ${s.name}`), s.doc, []);
    default: {
      const c = info as ComponentInfo | undefined;
      const users = model.stores.filter((x) => x.target === c).map((x) => `${x.service.symbol.name} (${x.access})`);
      const facts: string[] = [];
      if (users.length) facts.push(`used by ${users.join(", ")}`);
      return withDoc(code(`${s.kind} ${s.name}${c?.engine ? `: ${c.engine}` : ""}`), c?.decl.doc?.text ?? c?.decl.title?.value, facts);
    }
  }
}
