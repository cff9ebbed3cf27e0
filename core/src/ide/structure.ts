// Structure of a file for the editor: the symbol outline, folding ranges and
// selection ranges. Plain data in offsets.

import type { ArchFile, Declaration, Node, Span } from "../syntax/ast";
import { nodePath } from "../syntax/walk";
import type { Model, SymbolKind } from "../semantic/model";
import { lineIndexOf } from "../lint/runner";

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind | "property";
  /** The whole declaration. */
  start: number;
  end: number;
  /** The name. */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

function sym(name: string, kind: OutlineSymbol["kind"], node: Span, sel: Span, detail?: string, children: OutlineSymbol[] = []): OutlineSymbol {
  const s: OutlineSymbol = { name: name || "(missing name)", kind, start: node.start, end: node.end, selectionStart: sel.start, selectionEnd: sel.end, children };
  if (detail) s.detail = detail;
  return s;
}

/** The outline: system → components, services → entities/types/events/enums/apis → fields/endpoints. */
export function documentSymbols(file: ArchFile): OutlineSymbol[] {
  const decl = (d: Declaration): OutlineSymbol => {
    switch (d.kind) {
      case "System":
        return sym(d.name.text, "system", d, d.name, d.title?.value, d.declarations.map(decl));
      case "Component":
        return sym(d.name.text, d.componentKind, d, d.name, [d.componentKind, d.engine?.text].filter(Boolean).join(": "));
      case "Service":
        return sym(d.name.text, "service", d, d.name, d.title?.value, [
          ...d.enums.map(decl),
          ...d.schemas.map(decl),
          ...d.apis.map((a) =>
            sym(
              a.base?.value ?? "api",
              "api",
              a,
              a.base ?? a.keyword,
              "api",
              a.endpoints.map((e) => sym(`${e.method.text} ${e.path.text}`, "endpoint", e, { start: e.method.start, end: e.path.end }, e.responses.map((r) => r.status.text).join(", "))),
            ),
          ),
        ].sort((a, b) => a.start - b.start));
      case "Schema":
        return sym(d.name.text, d.schemaKind, d, d.name, d.schemaKind, d.fields.map((f) => sym(f.name.text, "field", f, f.name, typeText(file, f.type))));
      case "Enum":
        return sym(d.name.text, "enum", d, d.name, "enum", d.members.map((m) => sym(m.name.text, "enumMember", m, m.name)));
    }
  };
  return file.declarations.map(decl);
}

function typeText(file: ArchFile, span: Span): string {
  return file.text.slice(span.start, span.end);
}

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  container?: string;
  uri: string;
  start: number;
  end: number;
}

/** Symbols of the whole workspace whose name matches `query` (subsequence, case-insensitive). */
export function workspaceSymbols(model: Model, query: string, limit = 500): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbol[] = [];
  for (const s of model.symbols) {
    if (s.kind === "api") continue;
    if (q && !isSubsequence(q, s.name.toLowerCase())) continue;
    const w: WorkspaceSymbol = { name: s.name, kind: s.kind, uri: s.uri, start: s.nameSpan.start, end: s.nameSpan.end };
    if (s.parent) w.container = s.parent.qualifiedName;
    out.push(w);
    if (out.length >= limit) break;
  }
  return out;
}

function isSubsequence(q: string, s: string): boolean {
  let i = 0;
  for (let j = 0; j < s.length && i < q.length; j++) if (s[j] === q[i]) i++;
  return i === q.length;
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: "comment" | "region";
}

/** Folds every multi-line block, runs of doc comments, block comments and `// #region` markers. */
export function foldingRanges(file: ArchFile): FoldingRange[] {
  const lines = lineIndexOf(file);
  const out: FoldingRange[] = [];
  const block = (span: Span | undefined) => {
    if (!span) return;
    // From the line of `{` to the line before `}`, so the closing brace stays visible.
    const a = lines.lineOf(span.start);
    const b = lines.lineOf(Math.max(span.start, span.end - 1));
    const end = file.text[span.end - 1] === "}" ? b - 1 : b;
    if (end > a) out.push({ startLine: a, endLine: end });
  };
  const visit = (d: Declaration) => {
    block(d.block);
    if (d.kind === "System") d.declarations.forEach(visit);
    if (d.kind === "Service") {
      d.schemas.forEach(visit);
      d.enums.forEach(visit);
      for (const a of d.apis) {
        block(a.block);
        for (const e of a.endpoints) block(e.block);
      }
    }
  };
  file.declarations.forEach(visit);
  const regions: number[] = [];
  let docStart = -1;
  let docEnd = -1;
  for (const c of file.comments) {
    const a = lines.lineOf(c.start);
    const b = lines.lineOf(c.end);
    if (c.kind === "block" && b > a) out.push({ startLine: a, endLine: b, kind: "comment" });
    if (c.kind === "line" && /^\s*#region\b/.test(c.text)) regions.push(a);
    if (c.kind === "line" && /^\s*#endregion\b/.test(c.text)) {
      const open = regions.pop();
      if (open !== undefined && a > open) out.push({ startLine: open, endLine: a, kind: "region" });
    }
    if (c.kind === "doc") {
      if (docEnd === a - 1) docEnd = a;
      else {
        if (docEnd > docStart) out.push({ startLine: docStart, endLine: docEnd, kind: "comment" });
        docStart = docEnd = a;
      }
    }
  }
  if (docEnd > docStart) out.push({ startLine: docStart, endLine: docEnd, kind: "comment" });
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

/** Nested ranges around `offset`, innermost first: token, node, …, declaration, file. */
export function selectionRanges(file: ArchFile, offset: number): Span[] {
  const path: Node[] = nodePath(file, offset);
  const spans: Span[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i]!;
    const last = spans[spans.length - 1];
    if (last && last.start === n.start && last.end === n.end) continue;
    spans.push({ start: n.start, end: n.end });
    // An endpoint's line part, between the path and the whole endpoint with its block.
    const inner = spans[spans.length - 2];
    if (n.kind === "Endpoint" && n.block && n.lineEnd < n.end && (!inner || inner.end <= n.lineEnd)) {
      spans.splice(spans.length - 1, 0, { start: n.start, end: n.lineEnd });
    }
  }
  const whole = { start: 0, end: file.text.length };
  const last = spans[spans.length - 1];
  if (!last || last.start !== 0 || last.end !== whole.end) spans.push(whole);
  return spans;
}
