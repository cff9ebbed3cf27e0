// Semantic tokens: names coloured by what they denote (a service, an entity,
// an enum value, a queue…), declarations marked as such, built-in column types,
// attributes and path parameters. Tokens never overlap and never span lines.

import type { ArchFile, PathLiteral, TypeRef } from "../syntax/ast";
import { walk } from "../syntax/walk";
import type { Model, SymbolKind } from "../semantic/model";
import { BUILTIN_TYPES } from "../semantic/model";
import { occurrenceIndex } from "./navigation";

export const TOKEN_TYPES = ["namespace", "class", "struct", "type", "event", "enum", "enumMember", "property", "function", "variable", "parameter", "decorator", "keyword"] as const;
export const TOKEN_MODIFIERS = ["declaration", "readonly", "defaultLibrary", "deprecated"] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

const BY_KIND: Record<SymbolKind, TokenType> = {
  system: "namespace",
  service: "class",
  gateway: "variable",
  database: "variable",
  cache: "variable",
  queue: "variable",
  client: "variable",
  external: "variable",
  entity: "struct",
  type: "type",
  event: "event",
  enum: "enum",
  enumMember: "enumMember",
  field: "property",
  api: "namespace",
  endpoint: "function",
};

const BUILTINS = new Set<string>(BUILTIN_TYPES);

export function semanticTokens(model: Model, file: ArchFile): SemanticToken[] {
  const out: SemanticToken[] = [];
  const taken = new Set<number>();
  const add = (start: number, end: number, type: TokenType, modifiers: TokenModifier[] = []) => {
    if (end <= start || taken.has(start)) return;
    taken.add(start);
    out.push({ start, end, type, modifiers });
  };
  const path = (p: PathLiteral, deprecated: boolean) => {
    const re = /\{[^{}]*\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    const mods: TokenModifier[] = deprecated ? ["deprecated"] : [];
    while ((m = re.exec(p.text))) {
      add(p.start + last, p.start + m.index, "function", mods);
      add(p.start + m.index, p.start + m.index + m[0].length, "parameter");
      last = m.index + m[0].length;
    }
    add(p.start + last, p.end, "function", mods);
  };
  for (const o of occurrenceIndex(model).get(file.uri) ?? []) {
    if (o.symbol.kind === "endpoint") continue; // paths are split below
    const mods: TokenModifier[] = o.isDeclaration ? ["declaration"] : [];
    if (["gateway", "database", "cache", "queue", "client", "external"].includes(o.symbol.kind)) mods.push("readonly");
    add(o.start, o.end, BY_KIND[o.symbol.kind], mods);
  }
  walk(file, (node) => {
    switch (node.kind) {
      case "TypeRef": {
        const t = node as TypeRef;
        if (!t.qualifier && BUILTINS.has(t.name.text)) add(t.name.start, t.name.end, "type", ["defaultLibrary"]);
        return;
      }
      case "Attribute":
        add(node.start, node.name.end, "decorator");
        return;
      case "Endpoint":
        add(node.method.start, node.method.end, "keyword");
        path(node.path, node.flags.some((f) => f.name === "deprecated"));
        return;
      case "Calls":
        if (node.method) add(node.method.start, node.method.end, "keyword");
        if (node.path) path(node.path, false);
        return;
    }
  });
  return out.sort((a, b) => a.start - b.start);
}
