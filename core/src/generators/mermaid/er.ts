// The entity-relationship diagram: entities with their columns (type, PK/FK/UK
// markers, comments) and one relationship per `@ref`, with cardinalities read
// from the foreign key (nullable → zero or one, unique → one to one, else many
// to one) and the column name as its label.

import type { Diagnostic } from "../../diagnostics/diagnostic";
import type { FieldInfo, Model, SchemaInfo } from "../../semantic/model";
import { type DiagramNode, type DiagramResult, type DiagramScope, type ScopeTarget, LIMITS, diagnosticAt, nodeOf, resolveScope } from "./common";
import { FRONTMATTER, IdAllocator, quoted, safeName } from "./escape";

/** Entities a scope shows in full, and entities shown as a name only (targets of references leaving the scope). */
interface ErSelection {
  full: SchemaInfo[];
  stubs: SchemaInfo[];
}

function entitiesOf(model: Model): SchemaInfo[] {
  return model.schemas.filter((s) => s.kind === "entity");
}

function selectEntities(model: Model, target: ScopeTarget): ErSelection {
  const all = entitiesOf(model);
  let full: SchemaInfo[];
  switch (target.kind) {
    case "workspace":
      full = all;
      break;
    case "system":
      full = all.filter((e) => (e.service?.system ?? e.system) === target.system);
      break;
    case "service":
      full = all.filter((e) => e.service === target.service);
      break;
    case "neighbours": {
      const own = new Set(all.filter((e) => e.service === target.service));
      const related = new Set(own);
      for (const e of all) {
        for (const f of e.fields) {
          const t = f.ref?.entity;
          if (!t) continue;
          if (own.has(e)) related.add(t);
          if (own.has(t)) related.add(e);
        }
      }
      full = all.filter((e) => related.has(e));
      break;
    }
  }
  const inFull = new Set(full);
  const stubs = new Set<SchemaInfo>();
  for (const e of full) for (const f of e.fields) if (f.ref?.entity && !inFull.has(f.ref.entity)) stubs.add(f.ref.entity);
  return { full, stubs: all.filter((e) => stubs.has(e)) };
}

function hasAttribute(f: FieldInfo, name: string): boolean {
  return f.decl.attributes.some((a) => !a.table && a.name.text === name);
}

function tableAttributeColumns(e: SchemaInfo, name: string): string[][] {
  return e.decl.tableAttributes.filter((a) => a.name.text === name).map((a) => a.args.map((x) => x.name?.text ?? x.text));
}

function isPrimaryKey(f: FieldInfo): boolean {
  return hasAttribute(f, "id") || tableAttributeColumns(f.schema, "id").some((cols) => cols.includes(f.decl.name.text));
}

function isUnique(f: FieldInfo): boolean {
  if (hasAttribute(f, "unique")) return true;
  const single = (cols: string[]) => cols.length === 1 && cols[0] === f.decl.name.text;
  // A single-column primary key is unique too (a one-to-one extension table).
  return tableAttributeColumns(f.schema, "unique").some(single) || (hasAttribute(f, "id") && !tableAttributeColumns(f.schema, "id").length) || tableAttributeColumns(f.schema, "id").some(single);
}

/** An ER attribute word: the type as written, without spaces (`decimal(12,2)`, `text[]`, `Catalog.Status`). */
const ATTRIBUTE_WORD = /^[*A-Za-z_\u00C0-\uFFFF][A-Za-z0-9\-_[\]().,\u00C0-\uFFFF*]*$/;
/** Words Mermaid's ER lexer takes as key markers wherever they stand. */
const KEY_WORD = /^(pk|fk|uk)$/i;

function attributeWord(word: string): string {
  let w = word.replace(/\s+/g, "");
  if (!ATTRIBUTE_WORD.test(w)) w = w.replace(/[^A-Za-z0-9_[\]().,]/g, "_").replace(/^[^A-Za-z_]/, "_");
  if (!w) w = "unknown";
  // Backticks quote a word that would be read as PK/FK/UK.
  return KEY_WORD.test(w) ? `\`${w}\`` : w;
}

function typeWord(f: FieldInfo): string {
  const t = f.decl.type;
  let text = t.name.missing || !t.name.text ? "unknown" : t.name.text;
  if (t.qualifier && !t.qualifier.missing && t.qualifier.text) text = `${t.qualifier.text}.${text}`;
  if (t.args.length) text += `(${t.args.map((a) => a.text).join(",")})`;
  if (t.array) text += "[]";
  return attributeWord(text);
}

function attributeLine(f: FieldInfo, comments: boolean): string {
  const keys: string[] = [];
  if (isPrimaryKey(f)) keys.push("PK");
  if (f.ref) keys.push("FK");
  if (!isPrimaryKey(f) && isUnique(f)) keys.push("UK");
  let line = `${typeWord(f)} ${attributeWord(f.decl.name.missing || !f.decl.name.text ? "unnamed" : f.decl.name.text)}`;
  if (keys.length) line += ` ${keys.join(", ")}`;
  if (comments) {
    const notes: string[] = [];
    if (f.decl.type.optional) notes.push("nullable");
    const doc = f.symbol.doc?.trim();
    if (doc) notes.push(doc);
    if (notes.length) line += ` ${quoted(notes.join(", "), { maxLength: 100 })}`;
  }
  return line;
}

/** `E <m1><line><m2> T`: m1 = how many E per T, m2 = how many T per E. */
function relationship(f: FieldInfo): string {
  const left = isUnique(f) ? "|o" : "}o";
  const right = f.decl.type.optional ? "o|" : "||";
  // Identifying (solid) when the foreign key is part of the primary key.
  const line = isPrimaryKey(f) ? "--" : "..";
  return `${left}${line}${right}`;
}

function entityId(ids: IdAllocator, e: SchemaInfo): string {
  const owner = e.service?.symbol.name;
  return ids.id(e, "e", owner ? `${safeName(owner)}_${e.symbol.name}` : e.symbol.name);
}

/** How much of each entity is drawn: everything, no comments, key columns only, names only. */
type Detail = "full" | "types" | "keys" | "names";

function renderEr(selection: ErSelection, detail: Detail): { text: string; nodes: DiagramNode[]; relationships: number; dropped: number } {
  const { full, stubs } = selection;
  const shown = new Set([...full, ...stubs]);
  const ids = new IdAllocator();
  // Entity names repeated across services are labelled with their service.
  const nameCount = new Map<string, number>();
  for (const e of shown) nameCount.set(e.symbol.name, (nameCount.get(e.symbol.name) ?? 0) + 1);
  const label = (e: SchemaInfo) => quoted((nameCount.get(e.symbol.name) ?? 0) > 1 && e.service ? `${e.service.symbol.name}.${e.symbol.name}` : e.symbol.name, { fallback: "(unnamed)", maxLength: 80 });
  const out: string[] = [FRONTMATTER + "erDiagram"];
  const nodes: DiagramNode[] = [];
  for (const e of full) {
    const id = entityId(ids, e);
    nodes.push(nodeOf(id, e.symbol));
    if (detail === "names") {
      out.push(`  ${id}[${label(e)}]`);
      continue;
    }
    out.push(`  ${id}[${label(e)}] {`);
    for (const f of e.fields) {
      if (detail === "keys" && !isPrimaryKey(f) && !f.ref && !isUnique(f)) continue;
      out.push(`    ${attributeLine(f, detail === "full")}`);
    }
    out.push("  }");
  }
  for (const e of stubs) {
    const id = entityId(ids, e);
    nodes.push(nodeOf(id, e.symbol));
    out.push(`  ${id}[${label(e)}]`);
  }
  let relationships = 0;
  let dropped = 0;
  for (const e of full) {
    for (const f of e.fields) {
      const t = f.ref?.entity;
      if (!t || !shown.has(t)) continue;
      if (relationships >= LIMITS.edges) {
        dropped++;
        continue;
      }
      relationships++;
      out.push(`  ${entityId(ids, e)} ${relationship(f)} ${entityId(ids, t)} : ${quoted(f.decl.name.text, { fallback: "ref", maxLength: 60 })}`);
    }
  }
  return { text: out.join("\n") + "\n", nodes, relationships, dropped };
}

/** Keeps the first `n` entities in full and the stubs they still reference. */
function firstEntities(selection: ErSelection, n: number): ErSelection {
  const full = selection.full.slice(0, n);
  const referenced = new Set(full.flatMap((e) => e.fields.map((f) => f.ref?.entity)));
  return { full, stubs: selection.stubs.filter((s) => referenced.has(s)).slice(0, Math.max(0, LIMITS.nodes - full.length)) };
}

/** The ER diagram of a scope (`neighbours`: the service's entities and the entities referencing or referenced by them). */
export function erDiagram(model: Model, scope: DiagramScope): DiagramResult {
  const resolved = resolveScope(model, scope);
  if (!resolved.target) return { text: FRONTMATTER + "erDiagram\n", diagnostics: resolved.diagnostic ? [resolved.diagnostic] : [], nodes: [] };
  return erOfTarget(model, resolved.target);
}

export function erOfTarget(model: Model, target: ScopeTarget): DiagramResult {
  let selection = selectEntities(model, target);
  const diagnostics: Diagnostic[] = [];
  const describe =
    target.kind === "workspace" ? "the workspace" : target.kind === "system" ? (target.system ? `system ${target.system.symbol.name}` : "the declarations outside any system") : `service ${target.service.symbol.name}`;
  const anchor = target.kind === "system" ? target.system?.symbol : target.kind === "workspace" ? undefined : target.service.symbol;
  const warn = (message: string) => diagnostics.push(diagnosticAt(model, anchor, "warning", "mermaid/diagram-too-large", message));
  const total = selection.full.length + selection.stubs.length;
  if (total > LIMITS.nodes) {
    selection = firstEntities(selection, LIMITS.nodes);
    warn(`The ER diagram of ${describe} would have ${total} entities (Mermaid lays out at most ${LIMITS.nodes} readably): showing the first ${selection.full.length + selection.stubs.length}; choose one service.`);
  }
  // Mermaid renders nothing longer than 50,000 characters: drop comments, then non-key columns, then columns, then entities.
  let result = renderEr(selection, "full");
  const before = result.text.length;
  let detail: Detail = "full";
  for (const next of ["types", "keys", "names"] as const) {
    if (result.text.length <= LIMITS.text) break;
    detail = next;
    result = renderEr(selection, next);
  }
  while (result.text.length > LIMITS.text && selection.full.length > 1) {
    selection = firstEntities(selection, Math.floor(selection.full.length * 0.8));
    result = renderEr(selection, "names");
  }
  if (detail !== "full") {
    const what = { full: "", types: "column comments left out", keys: "only key and foreign-key columns shown", names: `entity names only, ${selection.full.length} entities` }[detail];
    warn(`The ER diagram of ${describe} would be ${before} characters long (Mermaid renders at most 50,000): ${what}.`);
  }
  if (result.dropped) warn(`The ER diagram of ${describe} has ${result.relationships + result.dropped} relationships (Mermaid draws at most ${LIMITS.edges} readably): ${result.dropped} left out; choose one service.`);
  return { text: result.text, diagnostics, nodes: result.nodes };
}

/** Entities a scope shows in full (for deciding whether an ER file is worth writing). */
export function erEntityCount(model: Model, target: ScopeTarget): number {
  return selectEntities(model, target).full.length;
}
