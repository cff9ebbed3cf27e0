// Text edits shared by the architecture rules' quick fixes: adding property
// lines to a `{ … }` block at the indentation its members use. Not a rule.

import type { TextEdit } from "../../../diagnostics/diagnostic";
import type { Span } from "../../../syntax/ast";

/** Offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/** Offset of the end of the line holding `offset`, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

/** The leading whitespace of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  let i = start;
  while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
  return text.slice(start, i);
}

let lastText: string | undefined;
let lastEol = "\n";

/** The line break the text uses (remembered for the last text: rules ask once per diagnostic). */
function eolOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastEol = text.includes("\r\n") ? "\r\n" : "\n";
  }
  return lastEol;
}

/**
 * Adds statements at the top of a block (`block` spans `{` to `}`). In a block
 * written over several lines each statement gets its own line, indented like
 * the block's first member (or one level deeper than the line holding `{`);
 * in a one-line block they are separated with `;`.
 */
export function insertIntoBlock(text: string, uri: string, block: Span, statements: string[]): TextEdit {
  const open = block.start;
  // An unclosed block (broken text) ends at the last token: insert there, never before `{`.
  const close = text[block.end - 1] === "}" ? block.end - 1 : Math.max(open + 1, block.end);
  const inner = text.slice(open + 1, close);
  if (!/[\r\n]/.test(inner)) {
    if (inner.trim() === "") return { uri, start: open + 1, end: close, newText: ` ${statements.join("; ")} ` };
    let end = close;
    while (end > open + 1 && /\s/.test(text[end - 1]!)) end--;
    return { uri, start: end, end, newText: `; ${statements.join("; ")}` };
  }
  const eol = eolOf(text);
  const firstLineEnd = lineEndAt(text, open);
  const afterFirst = text.startsWith("\r\n", firstLineEnd) ? firstLineEnd + 2 : firstLineEnd + 1;
  return { uri, start: afterFirst, end: afterFirst, newText: statements.map((s) => memberIndent(text, block) + s + eol).join("") };
}

/** Adds statements on their own lines right after the line holding `offset`, at that line's indentation. */
export function insertLinesAfter(text: string, uri: string, offset: number, statements: string[]): TextEdit {
  const eol = eolOf(text);
  const indent = indentAt(text, offset);
  const end = lineEndAt(text, offset);
  return { uri, start: end, end, newText: statements.map((s) => eol + indent + s).join("") };
}

/** Adds statements on their own lines right before the line holding `offset`, at that line's indentation. */
export function insertLinesBefore(text: string, uri: string, offset: number, statements: string[]): TextEdit {
  const eol = eolOf(text);
  const indent = indentAt(text, offset);
  const start = lineStartAt(text, offset);
  return { uri, start, end: start, newText: statements.map((s) => indent + s + eol).join("") };
}

/** True when nothing but whitespace precedes `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStartAt(text, offset), offset).trim() === "";
}

/** The indentation of a block's members: that of its first member line, else one level deeper than the `{` line. */
export function memberIndent(text: string, block: Span): string {
  const close = block.end - 1;
  let i = lineEndAt(text, block.start);
  while (i < close) {
    if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
    else i++;
    const end = lineEndAt(text, i);
    const line = text.slice(i, Math.min(end, close));
    if (line.trim() !== "") {
      const m = /^[ \t]*/.exec(line)!;
      if (end <= close) return m[0];
      break; // the closing line: `}` or a member before it
    }
    i = end;
  }
  const base = indentAt(text, block.start);
  return base + (base.includes("\t") ? "\t" : "  ");
}
