// Code actions as workspace edits, computed in the core: the quick fixes the
// diagnostics carry, "disable this rule for this line", and generating
// refactors (CRUD endpoints, request types, a missing entity, an FK index).

import type { Diagnostic, TextEdit } from "../diagnostics/diagnostic";
import type { Api, Service } from "../syntax/ast";
import type { Model, SchemaInfo } from "../semantic/model";
import { RULES_BY_ID } from "../lint/registry";
import { lineIndexOf } from "../lint/runner";
import { kebabCase, pluralize, snakeCase } from "../util/names";
import { occurrenceAt } from "./navigation";

export type CodeActionKind = "quickfix" | "refactor" | "refactor.rewrite" | "source";

export interface CodeActionData {
  title: string;
  kind: CodeActionKind;
  edits: TextEdit[];
  /** The diagnostic this action fixes, if any. */
  diagnostic?: Diagnostic;
  preferred?: boolean;
  /** A command instead of (or after) edits: `archwright.showRuleDocs` with the rule id. */
  command?: { id: string; title: string; arguments: unknown[] };
}

const SERVER_MANAGED = new Set(["id", "created_at", "updated_at"]);

export function codeActions(model: Model, uri: string, range: { start: number; end: number }, diagnostics: readonly Diagnostic[]): CodeActionData[] {
  const out: CodeActionData[] = [];
  const file = model.files.get(uri);
  if (!file) return out;
  const lines = lineIndexOf(file);
  for (const d of diagnostics) {
    if (d.uri !== uri || d.end < range.start || d.start > range.end) continue;
    for (const fix of d.fixes ?? []) {
      const a: CodeActionData = { title: fix.title, kind: "quickfix", edits: fix.edits, diagnostic: d };
      if (fix.preferred) a.preferred = true;
      out.push(a);
    }
    if (RULES_BY_ID.has(d.code)) {
      const line = lines.lineOf(d.start);
      const lineStart = lines.lineStarts[line]!;
      const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
      out.push({
        title: `Disable ${d.code} for this line`,
        kind: "quickfix",
        diagnostic: d,
        edits: [{ uri, start: lineStart, end: lineStart, newText: `${indent}// archwright-ignore ${d.code}: reason\n` }],
      });
      out.push({ title: `Show documentation for ${d.code}`, kind: "quickfix", diagnostic: d, edits: [], command: { id: "archwright.showRuleDocs", title: "Show rule documentation", arguments: [d.code] } });
    }
    if (d.code === "name/unresolved" && /Cannot find type `([A-Za-z_][A-Za-z0-9_]*)`/.test(d.message)) {
      const name = /Cannot find type `([A-Za-z_][A-Za-z0-9_]*)`/.exec(d.message)![1]!;
      const action = createEntity(model, uri, d.start, name);
      if (action) out.push({ ...action, diagnostic: d });
    }
  }
  const o = occurrenceAt(model, uri, range.start);
  if (o && o.symbol.kind === "entity") {
    const entity = model.infoOf(o.symbol.node) as SchemaInfo | undefined;
    if (entity?.service) {
      out.push(generateCrud(model, entity));
      out.push(generateRequestTypes(model, entity));
    }
  }
  if (o && o.symbol.kind === "field") {
    const action = addForeignKeyIndex(model, o.symbol.node);
    if (action) out.push(action);
  }
  return out;
}

/** The service declaration's innermost indentation and the offset just before its closing brace. */
function serviceInsertion(file: { text: string }, service: Service): { at: number; indent: string } {
  const close = service.block ? service.block.end - 1 : service.end;
  const lineStart = file.text.lastIndexOf("\n", service.start) + 1;
  const baseIndent = /^[ \t]*/.exec(file.text.slice(lineStart))![0];
  return { at: close, indent: baseIndent + "  " };
}

function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function createEntity(model: Model, uri: string, at: number, name: string): CodeActionData | undefined {
  const service = model.services.find((s) => s.uri === uri && s.decl.block && s.decl.block.start < at && at < s.decl.block.end);
  const file = model.files.get(uri)!;
  const body = (indent: string) => `${indent}entity ${name} {\n${indent}  id         uuid        @id @default(uuid)\n${indent}  created_at timestamptz @default(now)\n${indent}  updated_at timestamptz @default(now)\n${indent}}\n`;
  if (service) {
    const { at: close, indent } = serviceInsertion(file, service.decl);
    const insertAt = lineStartBefore(file.text, close);
    return { title: `Create entity ${name} in ${service.symbol.name}`, kind: "quickfix", edits: [{ uri, start: insertAt, end: insertAt, newText: `\n${body(indent)}` }] };
  }
  return { title: `Create entity ${name}`, kind: "quickfix", edits: [{ uri, start: file.text.length, end: file.text.length, newText: `${file.text.endsWith("\n") ? "" : "\n"}\n${body("")}` }] };
}

function primaryKeyType(entity: SchemaInfo): string {
  const id = entity.fields.find((f) => f.decl.attributes.some((a) => a.name.text === "id"));
  return id ? id.type.display.replace(/\?$/, "") : "uuid";
}

function requestFields(entity: SchemaInfo): { name: string; type: string }[] {
  return entity.fields
    .filter((f) => !SERVER_MANAGED.has(f.symbol.name) && !f.decl.attributes.some((a) => ["id", "readonly"].includes(a.name.text) || (a.name.text === "default" && ["now", "uuid", "identity"].includes(String(a.args[0]?.text)))))
    .map((f) => ({ name: f.symbol.name, type: f.type.display }));
}

function typeBlock(name: string, fields: { name: string; type: string }[], indent: string, optional: boolean): string {
  const width = Math.max(0, ...fields.map((f) => f.name.length));
  const body = fields.map((f) => `${indent}  ${f.name.padEnd(width)} ${optional && !f.type.endsWith("?") ? f.type + "?" : f.type}`).join("\n");
  return `${indent}type ${name} {\n${body}\n${indent}}\n`;
}

function generateRequestTypes(model: Model, entity: SchemaInfo): CodeActionData {
  const service = entity.service!;
  const file = model.files.get(service.uri)!;
  const { at, indent } = serviceInsertion(file, service.decl);
  const fields = requestFields(entity);
  const name = entity.symbol.name;
  const existing = new Set([...service.types.map((t) => t.symbol.name)]);
  let text = "";
  if (!existing.has(`New${name}`)) text += `\n${typeBlock(`New${name}`, fields, indent, false)}`;
  if (!existing.has(`${name}Patch`)) text += `\n${typeBlock(`${name}Patch`, fields, indent, true)}`;
  const insertAt = lineStartBefore(file.text, at);
  return { title: `Generate request types from ${name}`, kind: "refactor", edits: text ? [{ uri: service.uri, start: insertAt, end: insertAt, newText: text }] : [] };
}

function generateCrud(model: Model, entity: SchemaInfo): CodeActionData {
  const service = entity.service!;
  const file = model.files.get(service.uri)!;
  const name = entity.symbol.name;
  const collection = "/" + kebabCase(pluralize(snakeCase(name)));
  const idType = primaryKeyType(entity);
  const edits: TextEdit[] = [];
  const api: Api | undefined = service.decl.apis[0];
  const types = generateRequestTypes(model, entity);
  const endpointLines = (indent: string) =>
    [
      `GET    ${collection}                          -> 200 ${name}[] paginated`,
      `POST   ${collection} body New${name}           -> 201 ${name}, 400, 409 idempotent`,
      `GET    ${collection}/{id}                     -> 200 ${name}, 404 { param id ${idType} }`,
      `PATCH  ${collection}/{id} body ${name}Patch   -> 200 ${name}, 400, 404 { param id ${idType} }`,
      `DELETE ${collection}/{id}                     -> 204, 404 { param id ${idType} }`,
    ]
      .map((l) => indent + l.replace(/ {2,}->/, " ->"))
      .join("\n");
  if (api?.block) {
    const close = api.block.end - 1;
    const lineStart = lineStartBefore(file.text, close);
    const apiLineStart = lineStartBefore(file.text, api.start);
    const indent = /^[ \t]*/.exec(file.text.slice(apiLineStart))![0] + "  ";
    edits.push({ uri: service.uri, start: lineStart, end: lineStart, newText: `\n${endpointLines(indent)}\n` });
  } else {
    const { at, indent } = serviceInsertion(file, service.decl);
    const insertAt = lineStartBefore(file.text, at);
    edits.push({ uri: service.uri, start: insertAt, end: insertAt, newText: `\n${indent}api "/api/v1" {\n${indent}  auth jwt\n${indent}  ratelimit 100/min per client\n\n${endpointLines(indent + "  ")}\n${indent}}\n` });
  }
  edits.push(...types.edits);
  return { title: `Generate CRUD endpoints for ${name}`, kind: "refactor", edits };
}

function addForeignKeyIndex(model: Model, node: object): CodeActionData | undefined {
  const field = model.infoOf(node as never);
  if (!field || !("schema" in field) || !("ref" in field) || !field.ref?.entity) return undefined;
  const attrs = field.decl.attributes.map((a) => a.name.text);
  if (attrs.includes("index") || attrs.includes("unique") || attrs.includes("id")) return undefined;
  const covered = field.schema.decl.tableAttributes.some((a) => ["index", "unique", "id"].includes(a.name.text) && a.args[0]?.text === field.symbol.name);
  if (covered) return undefined;
  const uri = field.schema.uri;
  return { title: `Add index for foreign key ${field.symbol.name}`, kind: "refactor", edits: [{ uri, start: field.decl.end, end: field.decl.end, newText: " @index" }] };
}

