// Navigation over the model: what symbol is at an offset, its definition, its
// references, highlights and rename. Plain data in offsets; the server converts.

import type { TextEdit } from "../diagnostics/diagnostic";
import type { ArchSymbol, Model } from "../semantic/model";
import { BUILTIN_TYPES } from "../semantic/model";

export interface Occurrence {
  uri: string;
  start: number;
  end: number;
  symbol: ArchSymbol;
  isDeclaration: boolean;
}

export interface Location {
  uri: string;
  start: number;
  end: number;
}

const indexes = new WeakMap<Model, Map<string, Occurrence[]>>();

/** Every declaration name and reference, per file, sorted by offset. Built once per model. */
export function occurrenceIndex(model: Model): Map<string, Occurrence[]> {
  let index = indexes.get(model);
  if (index) return index;
  index = new Map();
  const add = (o: Occurrence) => {
    const list = index!.get(o.uri);
    if (list) list.push(o);
    else index!.set(o.uri, [o]);
  };
  for (const s of model.symbols) {
    if (s.kind === "api") continue;
    add({ uri: s.uri, start: s.nameSpan.start, end: s.nameSpan.end, symbol: s, isDeclaration: true });
  }
  for (const r of model.references) add({ uri: r.uri, start: r.start, end: r.end, symbol: r.symbol, isDeclaration: false });
  for (const list of index.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  indexes.set(model, index);
  return index;
}

/** The occurrence under the cursor: the innermost one containing `offset` (its end counts, for a cursor after a name). */
export function occurrenceAt(model: Model, uri: string, offset: number): Occurrence | undefined {
  const list = occurrenceIndex(model).get(uri);
  if (!list) return undefined;
  let best: Occurrence | undefined;
  // Binary search for the last occurrence starting at or before offset, then scan back a little.
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0 && i >= hi - 8; i--) {
    const o = list[i]!;
    if (o.start <= offset && offset <= o.end && o.end > o.start) {
      if (!best || o.end - o.start < best.end - best.start) best = o;
    }
  }
  return best;
}

export function definition(model: Model, uri: string, offset: number): Location | undefined {
  const o = occurrenceAt(model, uri, offset);
  if (!o) return undefined;
  return { uri: o.symbol.uri, start: o.symbol.nameSpan.start, end: o.symbol.nameSpan.end };
}

export function references(model: Model, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const o = occurrenceAt(model, uri, offset);
  if (!o) return [];
  return occurrencesOf(model, o.symbol)
    .filter((x) => includeDeclaration || !x.isDeclaration)
    .map((x) => ({ uri: x.uri, start: x.start, end: x.end }));
}

export function occurrencesOf(model: Model, symbol: ArchSymbol): Occurrence[] {
  const out: Occurrence[] = [];
  for (const list of occurrenceIndex(model).values()) for (const o of list) if (o.symbol === symbol) out.push(o);
  return out;
}

export function documentHighlights(model: Model, uri: string, offset: number): (Location & { write: boolean })[] {
  const o = occurrenceAt(model, uri, offset);
  if (!o) return [];
  return (occurrenceIndex(model).get(uri) ?? []).filter((x) => x.symbol === o.symbol).map((x) => ({ uri, start: x.start, end: x.end, write: x.isDeclaration }));
}

const RENAMEABLE = new Set(["service", "entity", "type", "event", "enum", "enumMember", "field", "queue", "database", "cache", "gateway", "client", "external", "system"]);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type PrepareRenameResult = { start: number; end: number; placeholder: string } | { error: string };

export function prepareRename(model: Model, uri: string, offset: number): PrepareRenameResult {
  const o = occurrenceAt(model, uri, offset);
  if (!o) return { error: "Nothing to rename here: place the cursor on a name." };
  if (!RENAMEABLE.has(o.symbol.kind)) return { error: `A ${o.symbol.kind} cannot be renamed.` };
  return { start: o.start, end: o.end, placeholder: o.symbol.name };
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

export function rename(model: Model, uri: string, offset: number, newName: string): RenameResult {
  const prepared = prepareRename(model, uri, offset);
  if ("error" in prepared) return prepared;
  const o = occurrenceAt(model, uri, offset)!;
  const symbol = o.symbol;
  if (!IDENT.test(newName)) return { error: `\`${newName}\` is not a valid name: use letters, digits and _, starting with a letter or _.` };
  if (newName === symbol.name) return { edits: [] };
  if ((BUILTIN_TYPES as readonly string[]).includes(newName) && ["entity", "type", "event", "enum"].includes(symbol.kind)) return { error: `\`${newName}\` is a built-in type.` };
  const clash = findClash(model, symbol, newName);
  if (clash) return { error: `\`${newName}\` is already declared (${clash.kind} ${clash.qualifiedName}).` };
  const edits = occurrencesOf(model, symbol).map((x) => ({ uri: x.uri, start: x.start, end: x.end, newText: newName }));
  return { edits };
}

function findClash(model: Model, symbol: ArchSymbol, newName: string): ArchSymbol | undefined {
  if (symbol.kind === "field" || symbol.kind === "enumMember") {
    return model.symbols.find((s) => s.parent === symbol.parent && s.name === newName && s !== symbol);
  }
  const candidates = model.byName.get(newName) ?? [];
  if (["entity", "type", "event", "enum"].includes(symbol.kind)) {
    return candidates.find((s) => ["entity", "type", "event", "enum"].includes(s.kind) && s.parent === symbol.parent);
  }
  return candidates.find((s) => !["entity", "type", "event", "enum"].includes(s.kind));
}
