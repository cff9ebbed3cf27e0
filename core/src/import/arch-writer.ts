// A small intermediate form of the .arch declarations an importer produces,
// and its rendering as text: doc comments (`///`), notes (`//`) above what
// they are about, then the formatter for the hand-written look (aligned
// fields and endpoints, canonical spacing).

import { formatText } from "../ide/format";
import { BUILTIN_TYPES } from "../semantic/model";

export interface FieldOut {
  name: string;
  /** The type without modifiers: `uuid`, `decimal(12, 2)`, `Pet`. */
  type: string;
  array?: boolean;
  optional?: boolean;
  attributes: string[];
  doc?: string;
  /** `//` lines above the field. */
  notes: string[];
}

export interface DeclOut {
  kind: "entity" | "type" | "event" | "enum";
  name: string;
  doc?: string;
  notes: string[];
  fields: FieldOut[];
  /** `@@index(a, b)` lines (entities), each with its own notes. */
  tableAttributes: { text: string; notes: string[] }[];
  /** Enum members. */
  members: { name: string; doc?: string }[];
  /** `//` lines at the end of the block (things about the whole declaration that have no other place). */
  trailingNotes: string[];
}

export interface EndpointOut {
  method: string;
  path: string;
  body?: string;
  /** `200 Pet[]`, `404`. */
  responses: string[];
  flags: string[];
  /** Lines of the endpoint's block: `query limit int?`, `auth none`. */
  settings: string[];
  doc?: string;
  notes: string[];
}

export interface ApiOut {
  base?: string;
  doc?: string;
  notes: string[];
  properties: string[];
  endpoints: EndpointOut[];
}

export interface ServiceOut {
  name: string;
  title?: string;
  doc?: string;
  notes: string[];
  properties: string[];
  relations: string[];
  decls: DeclOut[];
  apis: ApiOut[];
  trailingNotes: string[];
}

export interface FileOut {
  /** `//` lines at the top of the file. */
  header: string[];
  /** Component lines at file level: `database orders_db: postgres`, `queue order_events`. */
  components: string[];
  services: ServiceOut[];
}

export function newDecl(kind: DeclOut["kind"], name: string): DeclOut {
  return { kind, name, notes: [], fields: [], tableAttributes: [], members: [], trailingNotes: [] };
}

export function newService(name: string): ServiceOut {
  return { name, notes: [], properties: [], relations: [], decls: [], apis: [], trailingNotes: [] };
}

// ---- literals and names ---------------------------------------------------------------

/** A string literal in .arch syntax. */
export function quote(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") continue;
    else if (ch.charCodeAt(0) < 32 || ch === "\u2028" || ch === "\u2029") out += " ";
    else out += ch;
  }
  return out + '"';
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const isIdentifier = (s: string): boolean => IDENT.test(s);
const BUILTINS = new Set<string>(BUILTIN_TYPES);

/** A .arch identifier for any text: `first-name` → `first_name`, `2fa` → `_2fa`. */
export function toIdentifier(text: string): string {
  let s = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  s = s.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+(?=[A-Za-z])/, "").replace(/_+$/, "");
  if (s === "") s = "value";
  if (/^[0-9]/.test(s)) s = "_" + s;
  return s;
}

/** A PascalCase declaration name for any text (`pet-status` → `PetStatus`), never a built-in type's name. */
export function toTypeName(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  if (name === "") name = "Schema";
  if (/^[0-9]/.test(name)) name = "T" + name;
  if (BUILTINS.has(name)) name += "Type";
  return name;
}

/** Unique names in one namespace (names are global in a workspace). */
export class Names {
  private readonly taken = new Set<string>();
  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }
  /** Takes `wanted`, or `wanted2`, `wanted3`, … */
  take(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.has(name) || BUILTINS.has(name); i++) name = `${wanted}${i}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }
}

// ---- rendering ----------------------------------------------------------------------------

class Lines {
  readonly out: string[] = [];
  constructor(private readonly unit = "  ") {}
  line(depth: number, text: string): void {
    this.out.push(text === "" ? "" : this.unit.repeat(depth) + text);
  }
  blank(): void {
    if (this.out.length && this.out[this.out.length - 1] !== "") this.out.push("");
  }
  doc(depth: number, text: string | undefined): void {
    if (!text || !text.trim()) return;
    for (const l of trimLines(text)) this.line(depth, l ? `/// ${l}` : "///");
  }
  notes(depth: number, notes: readonly string[]): void {
    for (const n of notes) for (const l of trimLines(n)) if (l) this.line(depth, `// ${l}`);
  }
}

/** Lines of a text, without trailing blanks or leading/trailing empty lines. */
function trimLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+$/, "").replace(/\t/g, "  "));
  while (lines.length && lines[0] === "") lines.shift();
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function fieldText(f: FieldOut): string {
  const type = `${f.type}${f.array ? "[]" : ""}${f.optional ? "?" : ""}`;
  return [f.name, type, ...f.attributes].join(" ");
}

function renderDecl(l: Lines, depth: number, d: DeclOut): void {
  l.notes(depth, d.notes);
  l.doc(depth, d.doc);
  if (d.kind === "enum") {
    const simple = d.members.every((m) => !m.doc) && d.trailingNotes.length === 0;
    const inline = `enum ${d.name} { ${d.members.map((m) => m.name).join(", ")} }`;
    if (simple && inline.length <= 80) {
      l.line(depth, inline);
      return;
    }
    l.line(depth, `enum ${d.name} {`);
    for (const m of d.members) {
      l.doc(depth + 1, m.doc);
      l.line(depth + 1, m.name);
    }
    l.notes(depth + 1, d.trailingNotes);
    l.line(depth, "}");
    return;
  }
  l.line(depth, `${d.kind} ${d.name} {`);
  for (const f of d.fields) {
    l.notes(depth + 1, f.notes);
    l.doc(depth + 1, f.doc);
    l.line(depth + 1, fieldText(f));
  }
  if (d.tableAttributes.length) {
    if (d.fields.length) l.blank();
    for (const a of d.tableAttributes) {
      l.notes(depth + 1, a.notes);
      l.line(depth + 1, a.text);
    }
  }
  if (d.trailingNotes.length) {
    if (d.fields.length || d.tableAttributes.length) l.blank();
    l.notes(depth + 1, d.trailingNotes);
  }
  l.line(depth, "}");
}

function renderEndpoint(l: Lines, depth: number, e: EndpointOut): void {
  l.notes(depth, e.notes);
  l.doc(depth, e.doc);
  let head = `${e.method} ${e.path}`;
  if (e.body) head += ` body ${e.body}`;
  if (e.responses.length) head += ` -> ${e.responses.join(", ")}`;
  if (e.flags.length) head += ` ${e.flags.join(" ")}`;
  if (e.settings.length === 0) {
    l.line(depth, head);
    return;
  }
  const inline = `${head} { ${e.settings.join("; ")} }`;
  if (e.settings.length <= 3 && e.settings.join("; ").length <= 48) {
    l.line(depth, inline);
    return;
  }
  l.line(depth, `${head} {`);
  for (const s of e.settings) l.line(depth + 1, s);
  l.line(depth, "}");
}

function renderApi(l: Lines, depth: number, a: ApiOut): void {
  l.notes(depth, a.notes);
  l.doc(depth, a.doc);
  l.line(depth, a.base !== undefined ? `api ${quote(a.base)} {` : "api {");
  for (const p of a.properties) l.line(depth + 1, p);
  if (a.properties.length && a.endpoints.length) l.blank();
  for (const e of a.endpoints) renderEndpoint(l, depth + 1, e);
  l.line(depth, "}");
}

function renderService(l: Lines, s: ServiceOut): void {
  l.notes(0, s.notes);
  l.doc(0, s.doc);
  l.line(0, `service ${s.name}${s.title ? ` ${quote(s.title)}` : ""} {`);
  for (const p of s.properties) l.line(1, p);
  for (const r of s.relations) l.line(1, r);
  for (const d of s.decls) {
    l.blank();
    renderDecl(l, 1, d);
  }
  for (const a of s.apis) {
    l.blank();
    renderApi(l, 1, a);
  }
  if (s.trailingNotes.length) {
    l.blank();
    l.notes(1, s.trailingNotes);
  }
  l.line(0, "}");
}

/** The file as formatted .arch text. */
export function renderFile(file: FileOut): string {
  const l = new Lines();
  l.notes(0, file.header);
  if (file.components.length) {
    l.blank();
    for (const c of file.components) l.line(0, c);
  }
  for (const s of file.services) {
    l.blank();
    renderService(l, s);
  }
  while (l.out.length && l.out[0] === "") l.out.shift();
  const text = l.out.join("\n") + "\n";
  return formatText(text);
}
