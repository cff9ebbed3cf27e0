// The formatter: canonical indentation (two spaces per block level), canonical
// spacing around `,` `;` `->` and braces, and aligned columns for runs of
// fields and endpoints, as in the examples. It never joins or splits lines and
// keeps the adjacency of glued tokens (`@id`, `orders:write`, `Catalog.Product`),
// so it cannot change what a model means. Files with syntax errors are left
// alone: formatting half-typed text would only move the user's cursor around.

import type { ArchFile, Endpoint, Field } from "../syntax/ast";
import { parse } from "../syntax/parser";
import { scan, T, type Token } from "../syntax/scanner";
import { LineIndex } from "../text/line-index";
import type { TextEdit } from "../diagnostics/diagnostic";

export interface FormatOptions {
  indent?: number;
}

interface LineInfo {
  tokens: Token[];
  /** A comment that ends the line (after code), or the only content of a comment line. */
  comment?: { start: number; end: number; column: number };
  /** The line is inside a multi-line block comment (left untouched). */
  verbatim: boolean;
}

/** Formats `text`; returns it unchanged when it has syntax errors. */
export function formatText(text: string, options: FormatOptions = {}): string {
  const file = parse(text, "file:///format.arch");
  if (file.diagnostics.some((d) => d.severity === "error")) return text;
  return formatFile(file, options);
}

export function formatFile(file: ArchFile, options: FormatOptions = {}): string {
  const text = file.text;
  const unit = " ".repeat(options.indent ?? 2);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = new LineIndex(text);
  const { tokens, comments } = scan(text, file.uri);
  const info: LineInfo[] = Array.from({ length: lines.lineCount }, () => ({ tokens: [], verbatim: false }));
  for (const t of tokens) {
    if (t.kind === T.Newline || t.kind === T.EOF) continue;
    info[lines.lineOf(t.start)]!.tokens.push(t);
  }
  for (const c of comments) {
    const first = lines.lineOf(c.start);
    const last = lines.lineOf(c.end);
    info[first]!.comment = { start: c.start, end: c.end, column: c.start - lines.lineStarts[first]! };
    for (let l = first + 1; l <= last; l++) info[l]!.verbatim = true;
  }

  // Indentation depth at each line start, from braces; statement continuations get one more level.
  const depthAt: number[] = [];
  const continued: boolean[] = [];
  let depth = 0;
  let prevLast: Token | undefined;
  for (let l = 0; l < info.length; l++) {
    const toks = info[l]!.tokens;
    const first = toks[0];
    depthAt.push(first && first.kind === T.RBrace ? Math.max(0, depth - 1) : depth);
    continued.push(!!first && !!prevLast && (prevLast.kind === T.Comma || prevLast.kind === T.Arrow || first.kind === T.Arrow || first.kind === T.Comma));
    for (const t of toks) {
      if (t.kind === T.LBrace) depth++;
      else if (t.kind === T.RBrace) depth = Math.max(0, depth - 1);
    }
    if (toks.length) prevLast = toks[toks.length - 1];
  }

  const render = (toks: Token[]): string => {
    let out = "";
    let prev: Token | undefined;
    for (const t of toks) {
      if (prev) out += spaceBetween(prev, t) ? " " : "";
      out += text.slice(t.start, t.end);
      prev = t;
    }
    return out;
  };

  // Aligned groups: runs of single-line fields (name, type, attributes) and endpoints (method, path+body, responses).
  const columns = new Map<number, string[]>();
  const groups: number[][] = [];
  const collect = (nodes: { start: number; end: number; line: number; cols: string[] }[]) => {
    let group: number[] = [];
    let last = -2;
    for (const n of nodes) {
      if (n.line !== last + 1 && group.length) {
        groups.push(group);
        group = [];
      }
      columns.set(n.line, n.cols);
      group.push(n.line);
      last = n.line;
    }
    if (group.length) groups.push(group);
  };
  const tokensIn = (line: number, start: number, end: number) => info[line]!.tokens.filter((t) => t.start >= start && t.end <= end);
  const fieldRow = (f: Field) => {
    const line = lines.lineOf(f.start);
    if (lines.lineOf(f.end) !== line || info[line]!.tokens[0]?.start !== f.start) return undefined;
    const lineToks = info[line]!.tokens;
    const rest = lineToks.filter((t) => t.start >= f.type.end);
    return { start: f.start, end: f.end, line, cols: [render(tokensIn(line, f.name.start, f.name.end)), render(tokensIn(line, f.type.start, f.type.end)), render(rest)] };
  };
  const endpointRow = (e: Endpoint) => {
    const line = lines.lineOf(e.start);
    if (info[line]!.tokens[0]?.start !== e.start) return undefined;
    const lineToks = info[line]!.tokens;
    const arrowAt = e.arrow ? e.arrow.start : e.lineEnd;
    const head = lineToks.filter((t) => t.start >= e.method.end && t.end <= arrowAt);
    const tail = lineToks.filter((t) => t.start >= arrowAt);
    return { start: e.start, end: e.end, line, cols: [render([lineToks[0]!]), render(head), render(tail)] };
  };
  const visitDecls = (decls: ArchFile["declarations"]) => {
    for (const d of decls) {
      if (d.kind === "System") visitDecls(d.declarations);
      else if (d.kind === "Schema") collect(d.fields.map(fieldRow).filter((r) => r !== undefined));
      else if (d.kind === "Service") {
        for (const s of d.schemas) collect(s.fields.map(fieldRow).filter((r) => r !== undefined));
        for (const a of d.apis) collect(a.endpoints.map(endpointRow).filter((r) => r !== undefined));
      }
    }
  };
  visitDecls(file.declarations);

  const rendered: string[] = [];
  for (let l = 0; l < info.length; l++) rendered.push("");
  for (const group of groups) {
    const widths = [0, 0];
    const rows = group.map((l) => columns.get(l)!);
    for (const row of rows) for (let c = 0; c < 2; c++) if (row.length > c + 1 && row.slice(c + 1).some((x) => x !== "")) widths[c] = Math.max(widths[c]!, row[c]!.length);
    group.forEach((l, i) => {
      const row = rows[i]!;
      const parts: string[] = [];
      let lastNonEmpty = row.length - 1;
      while (lastNonEmpty > 0 && row[lastNonEmpty] === "") lastNonEmpty--;
      for (let c = 0; c <= lastNonEmpty; c++) {
        const cell = row[c]!;
        parts.push(c < lastNonEmpty && c < 2 ? cell.padEnd(group.length > 1 ? widths[c]! : cell.length) : cell);
      }
      rendered[l] = parts.filter((p, k) => p !== "" || k === 0).join(" ");
    });
  }

  // Trailing comments of an aligned group share one column: the leftmost one written, or just past the widest code.
  const commentColumn = new Map<number, number>();
  for (const group of groups) {
    const withComment = group.filter((l) => info[l]!.comment && lines.lineOf(info[l]!.comment!.start) === l && info[l]!.tokens.length);
    if (withComment.length < 2) continue;
    const indent = unit.repeat(depthAt[group[0]!]!).length;
    const widest = Math.max(...withComment.map((l) => indent + rendered[l]!.length));
    const leftmost = Math.min(...withComment.map((l) => info[l]!.comment!.column));
    for (const l of withComment) commentColumn.set(l, Math.max(widest + 1, leftmost));
  }

  const out: string[] = [];
  let blankRun = 0;
  for (let l = 0; l < info.length; l++) {
    const li = info[l]!;
    const original = lines.lineText(l);
    if (li.verbatim) {
      // Inside a block comment: keep the text, drop trailing spaces.
      const tail = li.tokens.length ? original : original.trimEnd();
      out.push(tail);
      blankRun = 0;
      continue;
    }
    if (li.tokens.length === 0 && !li.comment) {
      blankRun++;
      if (blankRun === 1 && out.length > 0) out.push("");
      continue;
    }
    blankRun = 0;
    const indent = unit.repeat(depthAt[l]!) + (continued[l] ? unit : "");
    let code = rendered[l] || render(li.tokens);
    if (li.comment) {
      const commentText = text.slice(li.comment.start, li.comment.end);
      const commentLast = lines.lineOf(li.comment.end) !== l;
      if (!code) code = commentText;
      else {
        const width = indent.length + code.length;
        const column = commentColumn.get(l) ?? li.comment.column;
        const pad = column > width ? column - width : 1;
        code += " ".repeat(pad) + commentText;
      }
      if (commentLast) {
        // A block comment that continues on the next lines: keep its first line as written.
        code = code.trimEnd();
      }
    }
    out.push((indent + code).trimEnd());
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join(eol) + eol;
}

function spaceBetween(a: Token, b: Token): boolean {
  if (b.kind === T.Comma || b.kind === T.Semicolon) return false;
  if (a.kind === T.Comma || a.kind === T.Semicolon) return true;
  if (a.kind === T.Arrow || b.kind === T.Arrow) return true;
  if (b.kind === T.LBrace || a.kind === T.LBrace || b.kind === T.RBrace || a.kind === T.RBrace) return true;
  return b.spaceBefore;
}

/** The smallest line-range edits turning `text` into its formatted form (empty when nothing changes). */
export function formatEdits(uri: string, text: string, range?: { start: number; end: number }, options: FormatOptions = {}): TextEdit[] {
  const formatted = formatText(text, options);
  if (formatted === text) return [];
  const a = text.split(/\r\n|\r|\n/);
  const b = formatted.split(/\r\n|\r|\n/);
  if (a.length !== b.length) {
    // Blank lines were collapsed: replace the whole text (or nothing, for a range request).
    if (range) return rangeByLines(uri, text, a, b, range);
    return [{ uri, start: 0, end: text.length, newText: formatted }];
  }
  return rangeByLines(uri, text, a, b, range);
}

function rangeByLines(uri: string, text: string, a: string[], b: string[], range?: { start: number; end: number }): TextEdit[] {
  const index = new LineIndex(text);
  const edits: TextEdit[] = [];
  if (a.length !== b.length) return edits;
  const firstLine = range ? index.lineOf(range.start) : 0;
  const lastLine = range ? index.lineOf(range.end) : a.length - 1;
  for (let l = firstLine; l <= lastLine && l < a.length; l++) {
    if (a[l] !== b[l]) edits.push({ uri, start: index.lineStarts[l]!, end: index.lineEnd(l), newText: b[l]! });
  }
  return edits;
}
